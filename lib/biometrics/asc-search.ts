/** Application Support Centers nearest a ZIP code first, with their distance in miles. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ascs, type Asc } from '@/db/schema';
import { ZIP_LOCATIONS } from './zip-locations';

const EARTH_RADIUS_MILES = 3958.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine), in miles. */
export function milesBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = radians(b[0] - a[0]);
  const dLon = radians(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[0])) * Math.cos(radians(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

/** "85004", "85004-1234" or " 85004 " → "85004"; null when it is not a ZIP code. */
export function normaliseZip(input: string): string | null {
  const match = /^(\d{5})(?:-?\d{4})?$/.exec(input.trim());
  return match ? match[1] : null;
}

export async function ascsNearZip(db: DbOrTx, zip: string): Promise<{ ok: true; ascs: (Asc & { miles: number })[] } | { ok: false; error: 'invalid' | 'unknown' }> {
  const five = normaliseZip(zip);
  if (!five) return { ok: false, error: 'invalid' };
  const from = ZIP_LOCATIONS[five];
  if (!from) return { ok: false, error: 'unknown' };
  const centres = await db.select().from(ascs).orderBy(asc(ascs.name));
  return {
    ok: true,
    ascs: centres
      .map((centre) => ({ ...centre, miles: Math.round(milesBetween(from, [centre.latitude, centre.longitude]) * 10) / 10 }))
      .sort((a, b) => a.miles - b.miles),
  };
}
