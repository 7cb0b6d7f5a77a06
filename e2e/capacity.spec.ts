/**
 * Supervisors manage biometrics capacity (spec §6): close and open a day at a centre, and change a
 * time's capacity, never below the seats already booked; in English, and the page in Spanish.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { ascs, biometricSlots } from '@/db/schema';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { signInAndLand as signIn } from './support/sign-in';

const DAY_MS = 86_400_000;

/** A Tucson slot three weeks ahead with 3 seats booked: its day and time, and its id. */
async function busySlot() {
  const { db } = e2eStore();
  const [centre] = await db.select().from(ascs).where(eq(ascs.code, 'TUS'));
  const [slot] = await db
    .select()
    .from(biometricSlots)
    .where(and(eq(biometricSlots.ascId, centre.id), gt(biometricSlots.startsAt, new Date(Date.now() + 21 * DAY_MS))))
    .orderBy(asc(biometricSlots.startsAt))
    .limit(1);
  await db.update(biometricSlots).set({ booked: 3, capacity: Math.max(slot.capacity, 3) }).where(eq(biometricSlots.id, slot.id));
  return { centre, slot, date: isoDateInZone(slot.startsAt, centre.timeZone) };
}

test('a supervisor closes and reopens a day, and cannot set a capacity below the seats booked', async ({ page }) => {
  const supervisor = await createFreshAccount({ role: 'supervisor', language: 'en' });
  const { centre, slot, date } = await busySlot();
  await signIn(page, supervisor.email, supervisor.password);

  await page.getByRole('link', { name: 'biometrics capacity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Biometrics capacity');
  await page.getByLabel('Application Support Center').selectOption({ label: centre.name });
  await page.getByLabel('Week starting').fill(date);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`asc=${centre.id}`));
  await expectNoAxeViolations(page);

  const day = page.getByRole('region').filter({ has: page.locator(`#day-${date}`) });
  await day.getByRole('button', { name: /^Close this day/ }).click();
  await expect(page.getByText('The day is closed: no new bookings.')).toBeVisible();
  await expect(page.locator(`#day-${date}`)).toContainText('Closed');
  await expectNoAxeViolations(page);
  await page.getByRole('region').filter({ has: page.locator(`#day-${date}`) }).getByRole('button', { name: /^Open this day/ }).click();
  await expect(page.getByText('The day is open for bookings again.')).toBeVisible();

  const field = page.locator(`#capacity-${slot.id}`);
  await field.fill('2');
  await page.getByRole('region').filter({ has: page.locator(`#day-${date}`) }).getByRole('button', { name: 'Save capacities' }).click();
  await expect(page.locator('main [role="alert"]').first()).toContainText('Capacity cannot be below the 3 seats already booked');
  await expect(page.locator(`#capacity-${slot.id}`)).toHaveValue('2');
  await expectNoAxeViolations(page);
  await page.locator(`#capacity-${slot.id}`).fill('6');
  await page.getByRole('region').filter({ has: page.locator(`#day-${date}`) }).getByRole('button', { name: 'Save capacities' }).click();
  await expect(page.getByText('The capacities are saved.')).toBeVisible();
  const [saved] = await e2eStore().db.select().from(biometricSlots).where(eq(biometricSlots.id, slot.id));
  expect(saved).toMatchObject({ capacity: 6, booked: 3, closed: false });

  await page.goto(`/es/officer/capacity?asc=${centre.id}&week=${date}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capacidad de datos biométricos');
  await expectNoAxeViolations(page);
});
