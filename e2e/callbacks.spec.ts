/**
 * Contact Center callbacks (spec §8) as people use them: a customer asks for a call from a case page
 * without JavaScript, fixes the form, gets the service request number by page and email, cancels,
 * asks again; an officer calls and cannot reach them. In Spanish: a customer opts in to a text
 * first; an officer (in Spanish) starts the callback, the text goes out in Spanish, the customer
 * answers "Sí" through the signed webhook, the callback tops the officer's list, the officer records
 * "Reached" and the customer reads it.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { freshCase, linkDirectly } from './support/cases';
import { latestMessageTo } from './support/outbox';
import { signInAndLand } from './support/sign-in';
import { DEMO_INBOUND_AUTH_TOKEN, INBOUND_PATH, twilioSignature } from '@/lib/callbacks/twilio-signature';
import { DEFAULT_PORTAL_URL } from '@/lib/notifications/config';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const errorSummary = (page: Page) => page.locator('main [role="alert"]');
let phoneSeed = Date.now() % 9000;
const freshPhone = () => `(602) 555-${String(1000 + (phoneSeed++ % 9000)).slice(-4)}`;
const e164 = (typed: string) => `+1${typed.replace(/\D/g, '')}`;

async function officerSignedIn(browser: Browser, language: 'en' | 'es') {
  const officer = await createFreshAccount({ role: 'officer', givenName: 'Octavia', familyName: 'Reyes', language });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndLand(page, officer.email, officer.password, { language });
  return { page, context };
}

test('a customer asks for a call about a case (first without JavaScript), cancels, asks again, and the officer cannot reach them', async ({ page, browser }) => {
  const customer = await createFreshAccount({ givenName: 'Marta', familyName: 'Lozano' });
  const { theCase } = await freshCase({ formType: 'I-485', classification: 'Family-based', applicantGivenName: 'Marta', applicantFamilyName: 'Lozano' });
  await linkDirectly(theCase, customer.user, 'applicant');
  await signInAndLand(page, customer.email, customer.password);

  // Without JavaScript: from the case page, a form that fails, then one that goes through.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await plain.newPage();
  await noScript.goto(`/cases/${theCase.receiptNumber}`);
  await noScript.getByRole('link', { name: 'Request a callback about this case' }).click();
  await expect(heading(noScript)).toHaveText('Request a callback from the Contact Center');
  await expect(noScript.getByLabel('Which case is it about?')).toHaveValue(theCase.receiptNumber);
  await noScript.getByLabel('Phone number to call').fill('555');
  await noScript.getByRole('button', { name: 'Request callback' }).click();
  await expect(errorSummary(noScript)).toContainText('Select what your question is about');
  await expect(errorSummary(noScript)).toContainText('Select how urgent it is');
  await expect(errorSummary(noScript)).toContainText('Enter a real phone number');
  await expect(noScript.getByLabel('Phone number to call')).toHaveValue('555');
  await expect(noScript.getByLabel('Which case is it about?')).toHaveValue(theCase.receiptNumber);
  const phone = freshPhone();
  await noScript.getByLabel('What is your question about?').selectOption({ label: 'An appointment' });
  await noScript.getByRole('radio', { name: /^Urgent/ }).check();
  await noScript.getByLabel('Phone number to call').fill(phone);
  await noScript.getByRole('button', { name: 'Request callback' }).click();
  await expect(heading(noScript)).toHaveText('Callback requested');
  const first = (await noScript.locator('.confirmation-panel strong').textContent())!.trim();
  expect(first).toMatch(/^[1-9]\d{7}$/);
  await plain.close();
  const email = await latestMessageTo(page, customer.email, { template: 'callback-requested' });
  expect(email.text).toContain(first);

  // With JavaScript (and axe on each page): the list, the request, cancelling it.
  await page.goto('/callbacks');
  await expect(page.getByRole('row').filter({ hasText: first })).toContainText('Waiting for an officer to call');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: first }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel this request' }).click();
  await expect(page.getByRole('main')).toContainText('Your request is cancelled.');
  await expect(page.getByRole('heading', { name: 'Cancelled by you' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel this request' })).toHaveCount(0);

  // Asking again, from the dashboard.
  await page.goto('/dashboard');
  await page.getByRole('main').getByRole('link', { name: 'Request a callback' }).first().click();
  await page.getByRole('button', { name: 'Request callback' }).click();
  await expect(errorSummary(page)).toContainText('Select what your question is about');
  await expectNoAxeViolations(page);
  await page.getByLabel('What is your question about?').selectOption({ label: 'The status of a case' });
  await page.getByRole('radio', { name: /^Not urgent/ }).check();
  await page.getByLabel('Phone number to call').fill(phone);
  await page.getByRole('button', { name: 'Request callback' }).click();
  await expect(heading(page)).toHaveText('Callback requested');
  const second = (await page.locator('.confirmation-panel strong').textContent())!.trim();
  await expectNoAxeViolations(page);

  // An officer (with JavaScript, in English) calls without a text first, and records no answer.
  const officer = await officerSignedIn(browser, 'en');
  await officer.page.goto(`/officer/callbacks?urgency=regular`);
  await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText('Callbacks');
  await expectNoAxeViolations(officer.page);
  await officer.page.goto(`/officer/callbacks/${second}`);
  await officer.page.getByRole('button', { name: 'Start callback' }).click();
  await expect(officer.page.getByRole('main')).toContainText('Call the customer now, then record how it went.');
  await officer.page.getByRole('button', { name: 'Record outcome' }).click();
  await expect(errorSummary(officer.page)).toContainText('Select how the call went');
  await expectNoAxeViolations(officer.page);
  await officer.page.getByRole('radio', { name: 'No answer' }).check();
  await officer.page.getByLabel('Note (optional)').fill('Rang 10 times, no voicemail');
  await officer.page.getByRole('button', { name: 'Record outcome' }).click();
  await expect(officer.page.getByRole('main')).toContainText('Outcome recorded.');
  await expect(officer.page.getByRole('main')).toContainText('Second attempt due');
  await expect(officer.page.getByRole('main')).toContainText('Rang 10 times, no voicemail');
  await officer.context.close();

  await page.goto(`/callbacks/${second}`);
  await expect(page.getByRole('heading', { name: 'We could not reach you: we will try once more' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('We called and could not reach you');
  await expectNoAxeViolations(page);
});

test('in Spanish: a text first, "Sí" through the signed webhook, the callback tops the officer’s list, "Reached"', async ({ page, browser }) => {
  const customer = await createFreshAccount({ givenName: 'Lorena', familyName: 'Quispe', language: 'es' });
  await signInAndLand(page, customer.email, customer.password, { language: 'es' });
  await page.goto('/es/callbacks/request');
  await expect(heading(page)).toHaveText('Solicitar una llamada del Centro de Contacto');
  const phone = freshPhone();
  await page.getByLabel('¿Sobre qué es su pregunta?').selectOption({ label: 'Una tarjeta o documento' });
  await page.getByRole('radio', { name: /^Urgente/ }).check();
  await page.getByLabel('Número de teléfono al que llamar').fill(phone);
  await page.getByRole('radio', { name: 'Español' }).check();
  await page.getByRole('checkbox', { name: /Envíenme un mensaje de texto/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Solicitar llamada' }).click();
  await expect(heading(page)).toHaveText('Llamada solicitada');
  const number = (await page.locator('.confirmation-panel strong').textContent())!.trim();
  await expectNoAxeViolations(page);

  const officer = await officerSignedIn(browser, 'es');
  await officer.page.goto(`/es/officer/callbacks/${number}`);
  await expect(officer.page.getByRole('main')).toContainText('El cliente pidió un mensaje antes');
  await officer.page.getByRole('button', { name: 'Empezar llamada' }).click();
  await expect(officer.page.getByRole('main')).toContainText('Mensaje enviado. El cliente tiene 60 minutos');
  await expectNoAxeViolations(officer.page);
  const text = await latestMessageTo(page, e164(phone), { template: 'callback-text-ahead' });
  expect(text.text).toContain(`llamada ${number}`);
  expect(text.text).toContain('Responda SI o NO');

  // The customer answers "Sí": the provider posts it, signed with the inbound auth token over the
  // portal's public address (the journeys' server keeps the default PORTAL_URL).
  const params = { MessageSid: `SM${number}`, From: e164(phone), To: '+15555550100', Body: 'Sí' };
  const unsigned = await page.request.post(INBOUND_PATH, { form: params });
  expect(unsigned.status()).toBe(403);
  const answered = await page.request.post(INBOUND_PATH, {
    form: params,
    headers: { 'X-Twilio-Signature': twilioSignature(`${DEFAULT_PORTAL_URL}${INBOUND_PATH}`, params, DEMO_INBOUND_AUTH_TOKEN) },
  });
  expect(answered.status()).toBe(200);
  expect(await answered.text()).toContain(`Gracias. Un funcionario le llamará en breve por la llamada ${number}.`);

  await officer.page.goto('/es/officer/callbacks');
  const firstRow = officer.page.getByRole('table').locator('tbody tr').first();
  await expect(firstRow).toContainText(number);
  await expect(firstRow).toContainText('Lista para llamar: respondió que sí');
  await expectNoAxeViolations(officer.page);
  await firstRow.getByRole('link', { name: number }).click();
  await officer.page.getByRole('radio', { name: 'Se habló con el cliente' }).check();
  await officer.page.getByRole('button', { name: 'Anotar resultado' }).click();
  await expect(officer.page.getByRole('main')).toContainText('Resultado anotado.');
  await officer.context.close();

  await page.goto(`/es/callbacks/${number}`);
  await expect(page.getByRole('heading', { name: 'Cerrada: le llamamos' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Usted respondió que sí');
  await expectNoAxeViolations(page);
});
