/** Signing in through the pages, as a person does: password, then the code from the outbox. */
import { expect, type Page } from '@playwright/test';
import { latestCodeTo } from './outbox';

export const signInWords = {
  en: { email: 'Email address', password: 'Password', signIn: 'Sign in', code: 'Verification code', continue: 'Continue', signOut: 'Sign out' },
  es: { email: 'Correo electrónico', password: 'Contraseña', signIn: 'Iniciar sesión', code: 'Código de verificación', continue: 'Continuar', signOut: 'Cerrar sesión' },
} as const;

export type Language = keyof typeof signInWords;

/** Step one on the sign-in page the browser is on: fills the form and submits it. */
export async function submitPassword(page: Page, email: string, password: string, language: Language = 'en') {
  const words = signInWords[language];
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: words.signIn }).click();
}

/**
 * Both steps from the sign-in page the browser is on, reading the emailed (or texted) code from the
 * outbox. `codeTo` is where the code goes when it is not the email address (a phone number).
 */
export async function signInWithCode(page: Page, email: string, password: string, options: { language?: Language; codeTo?: string } = {}) {
  const language = options.language ?? 'en';
  const words = signInWords[language];
  const after = new Date();
  await submitPassword(page, email, password, language);
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  const code = await latestCodeTo(page, options.codeTo ?? email, { after });
  await page.getByLabel(words.code).fill(code);
  await page.getByRole('main').getByRole('button', { name: words.continue }).click();
  return code;
}

/** Goes to the sign-in page in the language and signs in fully. */
export async function signIn(page: Page, email: string, password: string, options: { language?: Language; codeTo?: string } = {}) {
  await page.goto(options.language === 'es' ? '/es/sign-in' : '/sign-in');
  return signInWithCode(page, email, password, options);
}

/** Signs in fully and waits until the landing page (the dashboard, or the officer workspace) is there. */
export async function signInAndLand(page: Page, email: string, password: string, options: { language?: Language; codeTo?: string } = {}) {
  await signIn(page, email, password, options);
  await expect(page).toHaveURL(/\/(dashboard|officer)$/);
}
