/**
 * Officers review appointment requests (spec §5): the queue puts emergency advance parole first and
 * filters by reason; an officer claims a request and decides it; the requester is emailed. One story
 * in English with the demo officer (appointment not needed), one in Spanish with a fresh officer
 * (an appointment scheduled in the office's local time).
 */
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { appointmentRequests, appointments } from '@/db/schema';
import { addBusinessDays } from '@/lib/appointment-requests/due-time';
import { addDays, isoDateInZone, isWeekend } from '@/lib/calendar/iso-date';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { freshAppointmentRequest } from './support/appointment-requests';
import { latestMessageTo } from './support/outbox';
import { signInAndLand } from './support/sign-in';

const DEMO_PASSWORD = 'Portal-demo-2026';
const main = (page: Page) => page.getByRole('main');
const errorSummary = (page: Page) => main(page).getByRole('alert').filter({ hasText: /There is a problem|Hay un problema/ });
const queueRows = (page: Page) => main(page).getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });

test('the demo officer finds a request in the queue, claims it and decides no appointment is needed; the requester is emailed', async ({ page }) => {
  const { reference, requester } = await freshAppointmentRequest({ reason: 'adit_stamp', officeCode: 'SEA' });
  await signInAndLand(page, 'omar.officer@example.com', DEMO_PASSWORD);

  await main(page).getByRole('link', { name: 'Appointment requests' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appointment requests');
  await expect(queueRows(page).first()).toContainText('Emergency advance parole');
  await expectNoAxeViolations(page);

  await page.getByLabel('Reason').selectOption({ label: 'ADIT stamp' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/reason=adit_stamp/);
  for (const row of await queueRows(page).all()) await expect(row).toContainText('ADIT stamp');
  const row = queueRows(page).filter({ hasText: reference });
  await expect(row).toContainText('Seattle');
  await expect(row).toContainText('Not claimed');
  await row.getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Request ${reference}`);
  await expect(main(page)).toContainText(requester.email);
  await expect(main(page)).toContainText('A201234567');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Claim this request' }).click();
  await expect(main(page).getByRole('heading', { name: 'You claimed this request' })).toBeVisible();

  // No decision chosen: the summary says what is missing.
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText('Select a decision');
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: 'Appointment not needed' }).check();
  await expect(page.getByLabel('Message to the requester')).toHaveValue(new RegExp(`We reviewed your request ${reference}`));
  const sent = new Date();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(main(page).getByRole('heading', { name: 'Decision recorded' })).toBeVisible();
  await expect(main(page)).toContainText('Appointment not needed, decided by Omar');
  await expect(page.getByRole('button', { name: 'Claim this request' })).toHaveCount(0);

  const email = await latestMessageTo(page, requester.email, { template: 'appointment-request-outcome', after: sent });
  expect(email.subject).toContain(reference);
  expect(email.text).toContain('You do not need to visit a field office');
});

test('in Spanish, an officer schedules an appointment at the office’s local time', async ({ page }) => {
  const officer = await createFreshAccount({ role: 'officer', givenName: 'Olga', familyName: 'Ortega', language: 'es' });
  const { reference, office } = await freshAppointmentRequest({
    reason: 'other',
    otherReason: 'deferred_action',
    officeCode: 'PHO',
    explanation: 'I need evidence of deferred action for a state ID.',
  });
  await signInAndLand(page, officer.email, officer.password, { language: 'es' });

  await page.goto('/es/officer/appointment-requests?reason=other');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solicitudes de cita');
  await expect(queueRows(page).filter({ hasText: reference })).toContainText('Otro: Acción diferida');
  await expectNoAxeViolations(page);
  await queueRows(page).filter({ hasText: reference }).getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Solicitud ${reference}`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Asignarme esta solicitud' }).click();
  await expect(main(page).getByRole('heading', { name: 'Se asignó esta solicitud' })).toBeVisible();

  // A Saturday is refused, naming the field; what was chosen stays.
  const today = isoDateInZone(new Date(), office.timeZone);
  let saturday = addDays(today, 1);
  while (!(isWeekend(saturday) && !isWeekend(addDays(saturday, -1)))) saturday = addDays(saturday, 1);
  await page.getByRole('radio', { name: 'Programar una cita' }).check();
  await expect(page.getByLabel('Oficina local')).toHaveValue(String(office.id));
  await page.getByLabel('Fecha').fill(saturday);
  await page.getByLabel('Hora', { exact: true }).selectOption('09:00');
  await page.getByRole('button', { name: 'Registrar la decisión' }).click();
  await expect(errorSummary(page)).toContainText('La fecha de la cita debe ser un día hábil');
  await expect(page.getByRole('radio', { name: 'Programar una cita' })).toBeChecked();
  await expect(page.getByLabel('Hora', { exact: true })).toHaveValue('09:00');
  await expectNoAxeViolations(page);

  const day = addBusinessDays(today, 3);
  await page.getByLabel('Fecha').fill(day);
  await page.getByRole('button', { name: 'Registrar la decisión' }).click();
  await expect(main(page).getByRole('heading', { name: 'Decisión registrada' })).toBeVisible();
  await expect(main(page)).toContainText('Cita programada');
  await expect(main(page)).toContainText('Phoenix');

  // 9:00 in Phoenix (no daylight time, UTC-7) is 16:00 UTC.
  const { db } = e2eStore();
  const [request] = await db.select().from(appointmentRequests).where(eq(appointmentRequests.reference, reference));
  const [appointment] = await db.select().from(appointments).where(eq(appointments.requestId, request.id));
  expect(appointment.startsAt.toISOString()).toBe(`${day}T16:00:00.000Z`);
});
