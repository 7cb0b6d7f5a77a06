/**
 * Rescheduling a biometrics appointment (spec §6) as people do it: from the dashboard, a good cause,
 * a centre found by ZIP code in another time zone, a time, "Confirm new appointment", the printed
 * notice and calendar file; a representative for a client in Spanish without JavaScript, after which
 * a third reschedule is refused; an appointment less than 12 hours away refused with its rule.
 */
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { bookBiometrics, biometricsAt } from './support/biometrics';
import { addRepresentativeProfile, clientCases, freshCase, linkDirectly } from './support/cases';
import { expectPdfLetter, parseIcs } from './support/documents';
import { signInAndLand as signIn } from './support/sign-in';

const DAY_MS = 86_400_000;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const errorSummary = (page: Page) => page.locator('main [role="alert"]');

test('an applicant reschedules with good cause to a centre in another time zone and downloads the notice', async ({ page }) => {
  const account = await createFreshAccount({ givenName: 'Ana', familyName: 'Lucero' });
  const { theCase } = await freshCase({ formType: 'I-485', classification: 'Family-based', biometricsRequired: true, applicantGivenName: 'Ana', applicantFamilyName: 'Lucero' });
  await linkDirectly(theCase, account.user, 'applicant');
  await bookBiometrics(theCase, { ascCode: 'NYV', from: new Date(Date.now() + 10 * DAY_MS) });
  await signIn(page, account.email, account.password);

  const row = page.getByRole('row').filter({ hasText: theCase.receiptNumber });
  await expect(row).toContainText('New York Application Support Center');
  await expect(row).toContainText(/E[SD]T/);
  await row.getByRole('link', { name: 'Reschedule' }).click();
  await expect(heading(page)).toHaveText('Biometrics appointment');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Reschedule this appointment' }).click();

  await expect(heading(page)).toHaveText('Why do you need a new time?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(errorSummary(page)).toContainText('Select why you need a new time');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: /^Previously planned travel/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Which Application Support Center?');
  await page.getByLabel('ZIP code').fill('8500');
  await page.getByRole('button', { name: 'Find centers' }).click();
  await expect(errorSummary(page)).toContainText('Enter a ZIP code as 5 digits');
  await expectNoAxeViolations(page);
  await page.getByLabel('ZIP code').fill('85004');
  await page.getByRole('button', { name: 'Find centers' }).click();
  const centres = page.getByRole('group', { name: 'Choose a center' }).getByRole('radio');
  await expect(centres.first()).toHaveAccessibleName(/Phoenix Application Support Center/);
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: /Phoenix Application Support Center/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Choose a new time at Phoenix Application Support Center');
  await expect(page.getByRole('main')).toContainText('MST');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(errorSummary(page)).toContainText('Select a time');
  const firstTime = page.locator('input[name="slotId"]').first();
  const chosenTime = (await page.locator(`label[for="${await firstTime.getAttribute('id')}"]`).textContent())!.trim();
  await firstTime.check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Check your new appointment');
  await expect(page.getByRole('main')).toContainText(chosenTime);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirm new appointment' }).click();

  await expect(heading(page)).toHaveText('Appointment rescheduled');
  await expect(page.getByRole('main')).toContainText('Phoenix Application Support Center');
  await expect(page.getByRole('main')).toContainText(chosenTime);
  await expectNoAxeViolations(page);
  const notice = await page.request.get((await page.getByRole('link', { name: /appointment notice/ }).getAttribute('href'))!);
  expect(notice.headers()['content-type']).toBe('application/pdf');
  await expectPdfLetter(await notice.body(), [theCase.receiptNumber, 'Ana Lucero', 'Phoenix Application Support Center']);
  const calendar = await page.request.get((await page.getByRole('link', { name: /calendar/ }).getAttribute('href'))!);
  expect(parseIcs(await calendar.text()).tzid).toBe('America/Phoenix');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a representative reschedules for a client in Spanish; a third reschedule is then refused with the rule', async ({ page }) => {
    const representative = await createFreshAccount({ role: 'representative', language: 'es' });
    await addRepresentativeProfile(representative.user);
    const [clientCase] = await clientCases(representative.user, [{ givenName: 'Rosa', familyName: 'Mamani' }], ['N-400']);
    await e2eStore().db.update(cases).set({ biometricsRequired: true }).where(eq(cases.id, clientCase.id));
    await bookBiometrics(clientCase, { ascCode: 'HNL', from: new Date(Date.now() + 5 * DAY_MS), rescheduleCount: 1 });
    await signIn(page, representative.email, representative.password, { language: 'es' });

    await page.goto(`/es/cases/${clientCase.receiptNumber}/biometrics`);
    await expect(heading(page)).toHaveText('Cita de datos biométricos');
    await expect(page.getByRole('main')).toContainText('HST');
    await page.getByRole('link', { name: 'Cambiar la fecha de esta cita' }).click();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(heading(page)).toHaveText('¿Qué Centro de Asistencia para Solicitudes?');
    await page.getByLabel('Código postal').fill('00918');
    await page.getByRole('button', { name: 'Buscar centros' }).click();
    await page.getByRole('radio', { name: /San Juan Application Support Center/ }).check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('main')).toContainText('AST');
    await page.locator('input[name="slotId"]').first().check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(heading(page)).toHaveText('Revise su nueva cita');
    await expect(page.getByRole('main')).toContainText('También se lo diremos a su cliente.');
    await page.getByRole('button', { name: 'Confirmar la nueva cita' }).click();
    await expect(heading(page)).toHaveText('Cita cambiada');
    await expect(page.getByRole('main')).toContainText('San Juan Application Support Center');

    await page.goto(`/es/cases/${clientCase.receiptNumber}/biometrics`);
    await expect(page.getByRole('main')).toContainText('Esta cita no se puede cambiar en línea');
    await expect(page.getByRole('link', { name: 'Cambiar la fecha de esta cita' })).toHaveCount(0);
  });
});

test('an appointment less than 12 hours away is refused with the rule and the next step', async ({ page }) => {
  const account = await createFreshAccount();
  const { theCase } = await freshCase({ formType: 'I-90', classification: null, biometricsRequired: true });
  await linkDirectly(theCase, account.user, 'applicant');
  await biometricsAt(theCase, { ascCode: 'DNV', startsAt: new Date(Date.now() + 6 * 3_600_000) });
  await signIn(page, account.email, account.password);
  await page.goto(`/cases/${theCase.receiptNumber}/biometrics`);
  await expect(page.getByRole('main')).toContainText('This appointment cannot be rescheduled online');
  await expect(page.getByRole('main')).toContainText('12 hours');
  await expect(page.getByRole('main')).toContainText('call the Contact Center');
  await expectNoAxeViolations(page);
  // The steps are closed too, whatever address is typed.
  await page.goto(`/cases/${theCase.receiptNumber}/biometrics/check`);
  await expect(heading(page)).toHaveText('Biometrics appointment');
});
