/**
 * Linking cases (spec §4) as people do it: signed in, from the dashboard, with the code printed on
 * the Account Access Notice, in English and Spanish, with axe-core on every page visited.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { activeLinks, addRepresentativeProfile, codeOnNotice, freshCase, waitingCase } from './support/cases';
import { latestMessageTo } from './support/outbox';
import { signInAndLand as signIn } from './support/sign-in';

const words = {
  en: {
    linkCase: 'Link a case',
    receipt: 'Receipt number',
    code: 'Online access code',
    submit: 'Link case',
    linked: 'Case linked',
    history: 'Case history',
    problem: 'There is a problem',
    clients: 'Your clients',
    cases: 'Your cases',
  },
  es: {
    linkCase: 'Vincular un caso',
    receipt: 'Número de recibo',
    code: 'Código de acceso en línea',
    submit: 'Vincular caso',
    linked: 'Caso vinculado',
    history: 'Historial del caso',
    problem: 'There is a problem',
    clients: 'Sus clientes',
    cases: 'Sus casos',
  },
} as const;

type Language = keyof typeof words;

/** "IOE0912345678" as people type it: lower case with dashes. */
const typedLoosely = (receipt: string) => `${receipt.slice(0, 3).toLowerCase()}-${receipt.slice(3, 6)}-${receipt.slice(6, 9)} ${receipt.slice(9)}`;

async function fillLinkForm(page: Page, language: Language, receipt: string, code: string) {
  await page.getByLabel(words[language].receipt).fill(receipt);
  await page.getByLabel(words[language].code).fill(code);
  await page.getByRole('main').getByRole('button', { name: words[language].submit }).click();
}

async function openLinkPage(page: Page, language: Language) {
  await page.getByRole('main').getByRole('link', { name: words[language].linkCase }).click();
  await expect(page.getByRole('heading', { level: 1, name: words[language].linkCase })).toBeVisible();
  await expectNoAxeViolations(page);
}

for (const language of ['en', 'es'] as const) {
  test(`${language}: an applicant links a case with the code from the mailed notice and sees its history`, async ({ page }) => {
    const theCase = await waitingCase({ formType: language === 'en' ? 'I-90' : 'I-821', audience: 'applicant' });
    const code = await codeOnNotice(theCase.receiptNumber, 'applicant');
    const account = await createFreshAccount({ language });
    await signIn(page, account.email, account.password, { language });
    await expect(page.getByRole('heading', { level: 2, name: words[language].cases })).toBeVisible();
    await expectNoAxeViolations(page);

    await openLinkPage(page, language);
    const sent = new Date();
    await fillLinkForm(page, language, typedLoosely(theCase.receiptNumber), code.toLowerCase().replace(/-/g, ' '));

    await expect(page).toHaveURL(new RegExp(`${language === 'es' ? '/es' : ''}/cases/${theCase.receiptNumber}\\?linked=applicant$`));
    await expect(page.getByRole('heading', { name: words[language].linked })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: words[language].history })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: language === 'en' ? 'Case Was Received' : 'Caso Fue Recibido' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The case is on the dashboard now, and the applicant got a confirmation in their language.
    await page.goto(language === 'es' ? '/es/dashboard' : '/dashboard');
    await expect(page.getByRole('link', { name: theCase.receiptNumber })).toBeVisible();
    const confirmation = await latestMessageTo(page, account.email, { template: 'case-linked', after: sent });
    expect(confirmation.text).toContain(theCase.receiptNumber);
    expect(confirmation.subject).toContain(language === 'en' ? 'was linked to your online account' : 'quedó vinculado a su cuenta en línea');

    // The same code again: used, and the page offers a new one.
    await page.goto(language === 'es' ? '/es/cases/link' : '/cases/link');
    await fillLinkForm(page, language, theCase.receiptNumber, code);
    const summary = page.getByRole('main').getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(language === 'en' ? 'already linked to your account' : 'ya está vinculado a su cuenta');
    await expectNoAxeViolations(page);
  });

  test(`${language}: a representative links a client case with the representative code and finds the client`, async ({ page }) => {
    const theCase = await waitingCase({ formType: language === 'en' ? 'I-485' : 'N-400', audience: 'representative' });
    const code = await codeOnNotice(theCase.receiptNumber, 'representative');
    const account = await createFreshAccount({ role: 'representative', language });
    await addRepresentativeProfile(account.user);
    await signIn(page, account.email, account.password, { language });
    await expect(page.getByRole('heading', { level: 2, name: words[language].clients })).toBeVisible();

    await openLinkPage(page, language);
    await fillLinkForm(page, language, theCase.receiptNumber, code);
    await expect(page).toHaveURL(new RegExp(`/cases/${theCase.receiptNumber}\\?linked=representative$`));
    await expect(page.getByRole('heading', { name: words[language].linked })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(language === 'es' ? '/es/dashboard' : '/dashboard');
    const client = `${theCase.applicantGivenName} ${theCase.applicantFamilyName}`;
    await expect(page.getByRole('heading', { level: 3, name: client })).toBeVisible();
    await page.getByLabel(language === 'en' ? 'Client name or receipt number' : 'Nombre del cliente o número de recibo').fill(theCase.applicantFamilyName.toLowerCase());
    await page.getByRole('button', { name: language === 'en' ? 'Search' : 'Buscar' }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('link', { name: theCase.receiptNumber })).toBeVisible();
    await expectNoAxeViolations(page);
    const links = await activeLinks(theCase);
    expect(links.map((l) => [l.userId, l.role])).toEqual([[account.user.id, 'representative']]);
  });
}

test('a representative who uses the applicant’s own code links the case, and the applicant is emailed who used it', async ({ page }) => {
  const theCase = await waitingCase({ formType: 'I-134A', audience: 'applicant' });
  const code = await codeOnNotice(theCase.receiptNumber, 'applicant');
  const account = await createFreshAccount({ role: 'representative', givenName: 'Imani', familyName: 'Brooks' });
  await addRepresentativeProfile(account.user, 'Brooks & Tran Immigration Law');
  await signIn(page, account.email, account.password);
  await page.goto('/cases/link');
  await expect(page.getByText('we tell your client by email that you used it')).toBeVisible();
  const sent = new Date();
  await fillLinkForm(page, 'en', theCase.receiptNumber, code);

  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.receiptNumber}\\?linked=applicant-code$`));
  await expect(page.getByText('we told the applicant which representative used it')).toBeVisible();
  await expectNoAxeViolations(page);

  const warning = await latestMessageTo(page, theCase.applicantEmail!, { template: 'case-linked', after: sent });
  expect(warning.subject).toBe(`A representative used your online access code for case ${theCase.receiptNumber}`);
  expect(warning.text).toContain('Imani Brooks of Brooks & Tran Immigration Law used the online access code');
  expect(warning.text).toContain('Request a new access code');
});

test('an expired code: the page offers a new one, it arrives by mail, and it links the case', async ({ page }) => {
  const theCase = await waitingCase({ formType: 'I-131', audience: 'applicant', expired: true });
  const expiredCode = await codeOnNotice(theCase.receiptNumber, 'applicant');
  const account = await createFreshAccount();
  await signIn(page, account.email, account.password);
  await page.goto('/cases/link');
  await fillLinkForm(page, 'en', theCase.receiptNumber, expiredCode);

  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /has expired: a code works for 90 days/ })).toHaveAttribute('href', '#accessCode');
  await expect(page.getByLabel('Receipt number')).toHaveValue(theCase.receiptNumber);
  await expectNoAxeViolations(page);

  await page.getByRole('main').getByRole('link', { name: 'Request a new access code' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request a new access code' })).toBeVisible();
  await expectNoAxeViolations(page);
  const [year, month, day] = theCase.applicantDateOfBirth.split('-');
  const requested = new Date();
  await page.getByLabel('Receipt number').fill(theCase.receiptNumber);
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Year').fill(year);
  await page.getByRole('main').getByRole('button', { name: 'Send a new code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request was received' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The new notice is a letter to the address on the case, in the local outbox.
  const inbox = await page.context().newPage();
  await expect(async () => {
    await inbox.goto('/dev/outbox');
    const notice = inbox.locator('main section').filter({ hasText: `Your online access code for receipt number ${theCase.receiptNumber}` }).first();
    await expect(notice).toContainText('Channel:Letter');
    await expect(notice.locator('pre')).toContainText(theCase.mailingAddress.street);
  }).toPass({ timeout: 20_000 });
  await inbox.close();
  const newCode = await codeOnNotice(theCase.receiptNumber, 'applicant', requested);
  expect(newCode).not.toBe(expiredCode);
  // Never on screen: the code travels only by the channel of record.
  expect(await page.content()).not.toContain(newCode);

  await page.getByRole('link', { name: 'link the case' }).click();
  await fillLinkForm(page, 'en', theCase.receiptNumber, newCode);
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.receiptNumber}\\?linked=applicant$`));
});

test('wrong codes get one message that reveals nothing, and after 10 the account must wait', async ({ page }) => {
  const { theCase, code } = await freshCase();
  const wrong = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
  const account = await createFreshAccount();
  await signIn(page, account.email, account.password);
  await page.goto('/cases/link');
  const message = 'The receipt number and online access code do not match';
  for (let attempt = 1; attempt <= 10; attempt++) {
    // Half the guesses name the real case, half a receipt number that does not exist: same answer.
    const receipt = attempt % 2 ? theCase.receiptNumber : `LIN${String(9_000_000_000 + attempt)}`;
    await fillLinkForm(page, 'en', receipt, wrong);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(message);
    await expect(page.getByLabel('Online access code')).toHaveValue('');
  }
  await expect(page.getByRole('main').getByRole('alert')).toContainText('That was the last attempt allowed for now: you can try again in 60 minutes');
  await expectNoAxeViolations(page);
  await fillLinkForm(page, 'en', theCase.receiptNumber, code);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('You have entered too many wrong codes. For your security you can try again in 60 minutes.');
  expect(await activeLinks(theCase)).toHaveLength(0);
});

test('bad input: each field says what is wrong and the receipt number typed is kept', async ({ page }) => {
  const account = await createFreshAccount({ language: 'es' });
  await signIn(page, account.email, account.password, { language: 'es' });
  await page.goto('/es/cases/link');
  await fillLinkForm(page, 'es', 'ABC123', 'OOOO-1111-LLLL');
  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /3 letras y 10 dígitos/ })).toHaveAttribute('href', '#receiptNumber');
  await expect(summary.getByRole('link', { name: /no tiene las letras I, L, O ni U/ })).toHaveAttribute('href', '#accessCode');
  await expect(page.getByLabel(words.es.receipt)).toHaveValue('ABC123');
  await expect(page.getByLabel(words.es.receipt)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /3 letras/ }).click();
  await expect(page.getByLabel(words.es.receipt)).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('linking works, and a failed submit keeps the receipt number and shows the errors', async ({ page }) => {
    const { theCase, code } = await freshCase();
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    await page.goto('/cases/link');
    await fillLinkForm(page, 'en', theCase.receiptNumber, '');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Enter the online access code');
    await expect(page.getByLabel('Receipt number')).toHaveValue(theCase.receiptNumber);
    await fillLinkForm(page, 'en', theCase.receiptNumber, code);
    await expect(page).toHaveURL(new RegExp(`/cases/${theCase.receiptNumber}\\?linked=applicant$`));
    // axe-core needs scripts to run; the same pages are checked with JavaScript on above.
    await expect(page.getByRole('heading', { name: 'Case linked' })).toBeVisible();
  });
});
