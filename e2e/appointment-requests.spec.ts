/**
 * Appointment requests (spec §5) as people make them: one question per page, "Check your answers",
 * the reference number on screen and by email, the request's own page; with axe-core on every page.
 */
import type { Browser, Page } from '@playwright/test';
import { addDays, isoDateInZone, isWeekend } from '@/lib/calendar/iso-date';
import { addBusinessDays, isBusinessDay } from '@/lib/appointment-requests/due-time';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { addRepresentativeProfile, clientCases, freshCase, linkDirectly } from './support/cases';
import { expectPdfLetter, parseIcs } from './support/documents';
import { latestMessageTo } from './support/outbox';
import { signInAndLand as signIn } from './support/sign-in';

/** The agency's day (the request's rules count from it). */
const requestToday = (now: Date) => isoDateInZone(now, 'America/New_York');

/** The `n`th day from tomorrow on which offices are open, and the first weekend day ahead. */
function openDay(n: number): string {
  let date = requestToday(new Date());
  for (let found = 0; found < n; ) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) found++;
  }
  return date;
}
function weekendDay(): string {
  let date = addDays(requestToday(new Date()), 1);
  while (!isWeekend(date)) date = addDays(date, 1);
  return date;
}

/** axe-core runs in the page: journeys with JavaScript off check the same pages' markup in the journeys with it on. */
const withoutScripts = new WeakSet<Page>();
async function checkAccessibility(page: Page) {
  if (!withoutScripts.has(page)) await expectNoAxeViolations(page);
}

async function continueTo(page: Page, heading: string | RegExp, button = 'Continue') {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await checkAccessibility(page);
}

async function expectError(page: Page, message: string) {
  await expect(page.locator('main [role="alert"]')).toContainText(message);
  await checkAccessibility(page);
}

/** Answers every page of the request from the first, with the least each reason needs, up to "Check your answers". */
async function answerEveryPage(
  page: Page,
  answers: { reason: string; situation?: string; caseLabel: string; office?: string; explanation?: string; travel?: { date: string; destination: string } },
) {
  await page.getByLabel(answers.reason, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  if (answers.situation) {
    await page.getByLabel(answers.situation).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByLabel(answers.caseLabel).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('select[name="fieldOfficeCode"]').selectOption({ label: answers.office ?? 'New York City Field Office (New York, NY)' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('input[name="preferredDate1"]').fill(openDay(2));
  await page.locator('select[name="preferredPeriod1"]').selectOption('morning');
  await page.getByRole('button', { name: 'Continue' }).click();
  if (answers.explanation) await page.locator('textarea[name="explanation"]').fill(answers.explanation);
  if (answers.travel) {
    await page.locator('input[name="travelDate"]').fill(answers.travel.date);
    await page.locator('input[name="destination"]').fill(answers.travel.destination);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('input[name="contactPreference"][value="email"]').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('main form button[type="submit"]')).toBeVisible();
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('an applicant makes a whole request with plain form posts, is refused a second one for the same reason, and cancels', async ({ page }) => {
    withoutScripts.add(page);
    const account = await createFreshAccount();
    const { theCase } = await freshCase();
    await linkDirectly(theCase, account.user, 'applicant');
    await signIn(page, account.email, account.password);

    await page.getByRole('link', { name: 'Request an appointment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why do you need an appointment at a field office?');
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectError(page, 'Select why you need an appointment');
    await page.getByLabel('Other').check();
    await continueTo(page, 'Which situation is it?');
    await page.getByLabel('Deferred action').check();
    await continueTo(page, 'Which case is this about?');

    await page.getByLabel(`${theCase.receiptNumber}, Form I-765`).check();
    await page.getByLabel('A-Number').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectError(page, 'Enter the A-Number as A and 8 or 9 digits');
    // What was typed is still there, the choice too.
    await expect(page.getByLabel('A-Number')).toHaveValue('12345');
    await expect(page.getByLabel(`${theCase.receiptNumber}, Form I-765`)).toBeChecked();
    await page.getByLabel('A-Number').fill('a-123 456 789');
    await continueTo(page, 'Which field office would you prefer?');

    await page.getByLabel('Which field office would you prefer?').selectOption({ label: 'New York City Field Office (New York, NY)' });
    await continueTo(page, 'When could you come?');
    const firstChoice = page.getByRole('group', { name: 'First choice' });
    await firstChoice.getByLabel('Date').fill(weekendDay());
    await firstChoice.getByLabel('Time of day').selectOption('Morning');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectError(page, 'Preferred dates must be weekdays that are not federal holidays');
    await page.getByRole('group', { name: 'First choice' }).getByLabel('Date').fill(openDay(3));
    await page.getByRole('group', { name: /Second choice/ }).getByLabel('Date').fill(openDay(4));
    await page.getByRole('group', { name: /Second choice/ }).getByLabel('Time of day').selectOption('Afternoon');
    await continueTo(page, 'Tell us more');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expectError(page, 'Explain why you need the appointment');
    await page.getByLabel('Explain why you need the appointment').fill('My deferred action paperwork was returned to the wrong address.');
    await continueTo(page, 'How should we contact you about this request?');
    await page.getByRole('radio', { name: 'By phone' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectError(page, 'Enter a phone number');
    await page.getByLabel('Phone number, if by phone').fill('202 555 0143');
    await continueTo(page, /Do you need any accommodations/);
    await continueTo(page, 'Check your answers');

    // "Change" goes back to the page with the answer kept, and "Continue" comes back here.
    await page.getByRole('link', { name: 'Change A-Number' }).click();
    await expect(page.getByLabel('A-Number')).toHaveValue('a-123 456 789');
    await continueTo(page, 'Check your answers');
    const answers = page.locator('main dl');
    await expect(answers).toContainText('Deferred action');
    await expect(answers).toContainText('A123456789');
    await expect(answers).toContainText('By phone: +12025550143');

    const submittedAt = new Date();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request submitted');
    await checkAccessibility(page);
    const reference = (await page.locator('.confirmation-panel strong').textContent())!.trim();
    expect(reference).toMatch(/^AR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const email = await latestMessageTo(page, account.email, { template: 'appointment-request-submitted', after: submittedAt });
    expect(email.text).toContain(reference);

    // The same reason again: refused, naming the open request.
    await page.goto('/appointments/request');
    await answerEveryPage(page, { reason: 'Other', situation: 'Deferred action', caseLabel: `${theCase.receiptNumber}, Form I-765`, explanation: 'Asking again.' });
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expectError(page, `You already have an open request for this reason, reference number ${reference}`);

    await page.goto('/appointments');
    await checkAccessibility(page);
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
    await expect(page.locator('main')).toContainText('Waiting for an officer');
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Cancel request' }).click();
    await expect(page.getByText('Your request is cancelled.')).toBeVisible();
    await expect(page.locator('main')).toContainText('The request was cancelled');
    await checkAccessibility(page);
  });
});



/** An officer, in a browser of their own, opens the request, claims it and decides with `decide`. */
async function officerDecides(browser: Browser, officer: { email: string; password: string }, reference: string, decide: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, officer.email, officer.password);
    await page.goto(`/officer/appointment-requests/${reference}`);
    await page.getByRole('button', { name: 'Claim this request' }).click();
    await expect(page.getByRole('heading', { name: 'You claimed this request' })).toBeVisible();
    await decide(page);
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByRole('heading', { name: 'Decision recorded' })).toBeVisible();
  } finally {
    await context.close();
  }
}

/** The office's date three business days ahead, at 10:00 there. */
async function scheduleAt(page: Page) {
  await page.getByRole('radio', { name: 'Schedule an appointment' }).check();
  await page.getByLabel('Date').fill(addBusinessDays(requestToday(new Date()), 3));
  await page.getByLabel('Time', { exact: true }).selectOption('10:00');
}

test('an applicant asks for an ADIT stamp from a case page; an officer schedules it; the letter and calendar file download', async ({ page, browser }) => {
  const account = await createFreshAccount({ givenName: 'Amara', familyName: 'Okafor' });
  const officer = await createFreshAccount({ role: 'officer' });
  const { theCase } = await freshCase({ formType: 'I-485', applicantGivenName: 'Amara', applicantFamilyName: 'Okafor' });
  await linkDirectly(theCase, account.user, 'applicant');
  await signIn(page, account.email, account.password);

  await page.goto(`/cases/${theCase.receiptNumber}`);
  await page.getByRole('link', { name: 'Request an appointment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why do you need an appointment at a field office?');
  await page.getByLabel('ADIT stamp', { exact: true }).check();
  await continueTo(page, 'Which case is this about?');
  // The case page's link chose the case already.
  await expect(page.getByLabel(`${theCase.receiptNumber}, Form I-485`)).toBeChecked();
  await continueTo(page, 'Which field office would you prefer?');
  await page.getByLabel('Which field office would you prefer?').selectOption({ label: 'New York City Field Office (New York, NY)' });
  await continueTo(page, 'When could you come?');
  await page.getByRole('group', { name: 'First choice' }).getByLabel('Date').fill(openDay(5));
  await page.getByRole('group', { name: 'First choice' }).getByLabel('Time of day').selectOption('Afternoon');
  await continueTo(page, 'Tell us more');
  await continueTo(page, 'How should we contact you about this request?');
  await page.getByRole('radio', { name: /By email/ }).check();
  await continueTo(page, /Do you need any accommodations/);
  await page.getByLabel(/Do you need any accommodations/).fill('A seat while I wait, please.');
  await continueTo(page, 'Check your answers');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request submitted');
  await expect(page.locator('main')).toContainText('within 30 business days');
  const reference = (await page.locator('.confirmation-panel strong').textContent())!.trim();

  await officerDecides(browser, officer, reference, scheduleAt);

  await page.goto('/appointments');
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Appointment scheduled');
  await expect(row).toContainText(/10:00\sAM E[SD]T/);
  await checkAccessibility(page);
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: 'Your appointment' })).toBeVisible();
  await expect(page.locator('main')).toContainText('26 Federal Plaza');
  await checkAccessibility(page);

  const letter = await page.request.get(await page.getByRole('link', { name: /appointment letter/ }).getAttribute('href') ?? '');
  expect(letter.headers()['content-type']).toBe('application/pdf');
  await expectPdfLetter(await letter.body(), [reference, 'Amara Okafor', 'New York City Field Office', '26 Federal Plaza']);
  const calendar = await page.request.get(await page.getByRole('link', { name: /calendar/ }).getAttribute('href') ?? '');
  const event = parseIcs(await calendar.text());
  expect(event.tzid).toBe('America/New_York');
  expect(event.dtstart).toBe(`${addBusinessDays(requestToday(new Date()), 3).replaceAll('-', '')}T100000`);
});

test('a representative asks, in Spanish, for emergency advance parole for a client: first in the queue, a question answered, then scheduled', async ({ page, browser }) => {
  const representative = await createFreshAccount({ role: 'representative', language: 'es' });
  const officer = await createFreshAccount({ role: 'officer' });
  await addRepresentativeProfile(representative.user);
  const [clientCase] = await clientCases(representative.user, [{ givenName: 'Mariana', familyName: 'Quispe' }], ['I-131']);
  await signIn(page, representative.email, representative.password, { language: 'es' });

  await page.goto('/es/appointments/request');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Por qué necesita una cita en una oficina local?');
  await checkAccessibility(page);
  await page.getByLabel('Permiso de viaje por adelantado de emergencia').check();
  await continueTo(page, '¿Sobre qué caso es?', 'Continuar');
  // A representative must choose the client's case: "none of these" is not offered.
  await expect(page.getByLabel('No es sobre uno de estos casos')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expectError(page, 'Seleccione el caso de esta solicitud');
  await page.getByLabel(`Mariana Quispe: ${clientCase.receiptNumber}, Formulario I-131`).check();
  await continueTo(page, '¿Qué oficina local prefiere?', 'Continuar');
  await page.getByLabel('¿Qué oficina local prefiere?').selectOption({ label: 'Miami Field Office (Miami, FL)' });
  await continueTo(page, '¿Cuándo podría venir?', 'Continuar');
  await page.getByRole('group', { name: 'Primera opción' }).getByLabel('Fecha').fill(openDay(1));
  await page.getByRole('group', { name: 'Primera opción' }).getByLabel('Momento del día').selectOption('Mañana');
  await continueTo(page, 'Cuéntenos más', 'Continuar');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expectError(page, 'Indique la fecha en que debe viajar');
  await page.getByLabel('Explique por qué necesita la cita').fill('Su madre está hospitalizada en Lima y debe viajar esta semana.');
  await page.getByLabel('Fecha en que debe viajar').fill(addDays(requestToday(new Date()), 4));
  await page.getByLabel('Adónde viaja').fill('Lima, Perú');
  await continueTo(page, '¿Cómo debemos comunicarnos con usted sobre esta solicitud?', 'Continuar');
  await page.getByRole('radio', { name: /Por correo electrónico/ }).check();
  await continueTo(page, /¿Necesita alguna adaptación/, 'Continuar');
  await continueTo(page, 'Revise sus respuestas', 'Continuar');
  await expect(page.locator('main dl')).toContainText('Lima, Perú');
  await page.getByRole('button', { name: 'Enviar solicitud' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solicitud enviada');
  await checkAccessibility(page);
  await expect(page.locator('main')).toContainText('dentro de 72 horas');
  const reference = (await page.locator('.confirmation-panel strong').textContent())!.trim();

  // Emergency advance parole comes before every other reason, and among them this one is waiting.
  const officerContext = await browser.newContext();
  const queue = await officerContext.newPage();
  await signIn(queue, officer.email, officer.password);
  await queue.goto('/officer/appointment-requests');
  await expect(queue.getByRole('table').getByRole('row').nth(1)).toContainText('Emergency advance parole');
  await queue.goto('/officer/appointment-requests?reason=emergency_advance_parole');
  await expect(queue.getByRole('row').filter({ hasText: reference })).toContainText('Miami');
  await officerContext.close();

  await officerDecides(browser, officer, reference, async (officerPage) => {
    await officerPage.getByRole('radio', { name: 'More information needed' }).check();
    await officerPage.getByLabel('What information is needed').fill('¿Cuál es la fecha de su vuelo de regreso?');
    await officerPage.getByRole('group', { name: 'Follow up by' }).getByRole('radio', { name: 'Email' }).check();
  });

  await page.getByRole('link', { name: 'Sus citas' }).click();
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Necesitamos más información de usted');
  await checkAccessibility(page);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.locator('main')).toContainText('¿Cuál es la fecha de su vuelo de regreso?');
  await expect(page.locator('main')).toContainText('Mariana Quispe');
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Enviar respuesta' }).click();
  await expectError(page, 'Escriba su respuesta');
  await page.getByLabel('Su respuesta').fill('Regresa el 20 de diciembre.');
  await page.getByRole('button', { name: 'Enviar respuesta' }).click();
  await expect(page.getByText('Gracias. Su respuesta está en el Centro de Contacto')).toBeVisible();
  await expect(page.locator('main')).toContainText('Esperando a un oficial');
  await checkAccessibility(page);

  await officerDecides(browser, officer, reference, async (officerPage) => {
    await expect(officerPage.getByRole('main')).toContainText('Regresa el 20 de diciembre.');
    await scheduleAt(officerPage);
  });
  await page.reload();
  await expect(page.locator('main')).toContainText('Cita programada');
  await expect(page.getByRole('heading', { name: 'Su cita' })).toBeVisible();
  const letter = await page.request.get(await page.getByRole('link', { name: /carta de la cita/ }).getAttribute('href') ?? '');
  await expectPdfLetter(await letter.body(), [reference, 'Mariana Quispe', 'Miami Field Office']);
});
