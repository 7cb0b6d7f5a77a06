'use server';
/**
 * The supervisors' capacity actions. Each starts with requireArea('supervisor') before reading the
 * form; then one change each, and back to the same week of the same centre.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { MAX_SLOT_CAPACITY, setDayClosed, setSlotCapacity } from './capacity';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 20) : '';
};
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);
const weekPage = (ascId: number, week: string, done: string) => `/officer/capacity?asc=${ascId}&week=${encodeURIComponent(week)}&done=${done}`;

/** "Close this day" / "Open this day". */
export async function setDayClosedAction(form: FormData): Promise<void> {
  const { user } = await requireArea('supervisor');
  const ascId = idOf(text(form, 'ascId'));
  const date = text(form, 'date');
  const closed = text(form, 'closed') === '1';
  const result = await setDayClosed(getDb(), systemClock, { supervisor: user, ascId, date, closed, requestId: (await requestMeta()).requestId });
  const locale = await getLocale();
  redirect({ href: weekPage(ascId, text(form, 'week'), result.ok ? (closed ? 'closed' : 'opened') : 'missing'), locale });
}

/** "Save capacities" for one day: each slot's field `capacity-{slotId}`; a refusal names the slot's field and keeps what was typed. */
export async function saveCapacitiesAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('supervisor');
  const t = await getTranslations('capacity.errors');
  const db = getDb();
  const { requestId } = await requestMeta();
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [name, raw] of form) {
    if (!name.startsWith('capacity-') || typeof raw !== 'string') continue;
    const slotId = idOf(name.slice('capacity-'.length));
    const typed = raw.trim().slice(0, 10);
    values[name] = typed;
    if (!/^\d{1,3}$/.test(typed) || Number(typed) > MAX_SLOT_CAPACITY) {
      fieldErrors[name] = t('invalid', { max: MAX_SLOT_CAPACITY });
      continue;
    }
    const result = await setSlotCapacity(db, systemClock, { supervisor: user, slotId, capacity: Number(typed), requestId });
    if (!result.ok) fieldErrors[name] = result.error === 'below_booked' ? t('belowBooked', { booked: result.booked }) : t('invalid', { max: MAX_SLOT_CAPACITY });
  }
  if (Object.keys(fieldErrors).length > 0) return { attempt: previous.attempt + 1, values, fieldErrors };
  const locale = await getLocale();
  return redirect({ href: weekPage(idOf(text(form, 'ascId')), text(form, 'week'), 'saved'), locale });
}
