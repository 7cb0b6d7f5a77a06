/**
 * The contention run of `npm run bench`, in its own process (db/client.ts picks the store's dialect
 * once per process): 200 people, each with a biometrics appointment, reschedule at the same moment
 * into the last 5 seats of one slot, through the portal's own booking (lib/biometrics/reschedule.ts)
 * against the store the server under test uses. Writes successes, "just taken" answers, oversold
 * seats (slots above capacity, or whose count differs from their appointments: must be 0) and the
 * seconds the race took to the file named by --summary.
 */
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { getStore } from '../../db/client';
import { appointments, ascs, biometricSlots, caseLinks, cases, users } from '../../db/schema';
import { rescheduleBiometrics } from '../../lib/biometrics/reschedule';
import { systemClock } from '../../lib/clock';

const PEOPLE = 200;
const SEATS_LEFT = 5;
const DAY_MS = 86_400_000;

const { values } = parseArgs({ options: { summary: { type: 'string' } } });
// The process's store (DATABASE_URL): the same one the portal's own code reaches for.
const store = getStore();
try {
  const db = store.db;
  const tag = randomBytes(4).toString('hex');
  const now = Date.now();
  const [centre] = await db
    .insert(ascs)
    .values({ code: `B${tag}`, name: `Bench ASC ${tag}`, street: '1 Bench St', city: 'Phoenix', state: 'AZ', zip: '85004', timeZone: 'America/Phoenix', latitude: 33.45, longitude: -112.07 })
    .returning();
  // Each person's current seat, a minute apart ten days out; the contested slot twenty days out.
  const held = await db
    .insert(biometricSlots)
    .values(Array.from({ length: PEOPLE }, (_, i) => ({ ascId: centre.id, startsAt: new Date(now + 10 * DAY_MS + i * 60_000), endsAt: new Date(now + 10 * DAY_MS + i * 60_000 + 900_000), capacity: 1, booked: 1 })))
    .returning();
  const [contested] = await db
    .insert(biometricSlots)
    .values({ ascId: centre.id, startsAt: new Date(now + 20 * DAY_MS), endsAt: new Date(now + 20 * DAY_MS + 900_000), capacity: 40, booked: 40 - SEATS_LEFT })
    .returning();
  const people = [];
  for (let i = 0; i < PEOPLE; i++) {
    const [user] = await db
      .insert(users)
      .values({ email: `bench-race-${tag}-${i}@example.com`, emailVerifiedAt: new Date(), role: 'applicant', givenName: 'Race', familyName: String(i), preferredLanguage: 'en', secondFactor: 'email', createdAt: new Date(), updatedAt: new Date() })
      .returning();
    const [theCase] = await db
      .insert(cases)
      .values({
        receiptNumber: `IOE${String(9_000_000_000 + Math.floor(Math.random() * 900_000_000)).slice(0, 10)}`,
        formType: 'I-485',
        classification: 'Family-based',
        receiptDate: '2026-09-01',
        biometricsRequired: true,
        applicantGivenName: 'Race',
        applicantFamilyName: String(i),
        applicantDateOfBirth: '1990-01-01',
        mailingAddress: { street: '1 Bench St', city: 'Phoenix', state: 'AZ', zip: '85004' },
        representativeOfRecord: false,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    await db.insert(caseLinks).values({ caseId: theCase.id, userId: user.id, role: 'applicant', linkedAt: new Date() });
    await db.insert(appointments).values({ kind: 'biometrics', caseId: theCase.id, ascId: centre.id, slotId: held[i].id, startsAt: held[i].startsAt, endsAt: held[i].endsAt, status: 'scheduled', createdAt: new Date() });
    people.push({ user, theCase });
  }

  const started = performance.now();
  const results = await Promise.all(
    people.map(({ user, theCase }) =>
      rescheduleBiometrics(db, systemClock, { actor: user, receiptNumber: theCase.receiptNumber, slotId: contested.id, goodCause: 'planned_travel', confirmBy: 'email' }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  const slotIds = [...held.map((slot) => slot.id), contested.id];
  const slots = await db.select().from(biometricSlots).where(inArray(biometricSlots.id, slotIds));
  const bookings = await db.select({ slotId: appointments.slotId }).from(appointments).where(eq(appointments.ascId, centre.id));
  const count = new Map<number, number>();
  for (const booking of bookings) if (booking.slotId !== null) count.set(booking.slotId, (count.get(booking.slotId) ?? 0) + 1);
  const oversold = slots.filter((slot) => slot.booked > slot.capacity || (count.get(slot.id) ?? 0) + (slot.id === contested.id ? 40 - SEATS_LEFT : 0) !== slot.booked).length;
  const summary = {
    people: PEOPLE,
    seatsLeft: SEATS_LEFT,
    successes: results.filter((result) => result.ok).length,
    taken: results.filter((result) => !result.ok && result.error === 'taken').length,
    oversold,
    seconds: Math.round(seconds * 100) / 100,
  };
  if (values.summary) writeFileSync(values.summary, JSON.stringify(summary));
  else console.log(JSON.stringify(summary));
} finally {
  await store.close();
}
