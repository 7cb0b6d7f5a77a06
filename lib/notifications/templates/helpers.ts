import type { NotificationsFormatter } from '../templates';

/** A notice that cannot be rendered (unknown template, missing secret, bad payload): retrying will not help. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "March 5, 2026" or "5 de marzo de 2026", whatever the zone. */
export function formatCalendarDate(format: NotificationsFormatter, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) {
    throw new TemplateError('a calendar date in the payload is not YYYY-MM-DD');
  }
  return format.dateTime(date, { dateStyle: 'long', timeZone: 'UTC' });
}

/**
 * An access code as printed on notices: upper case in groups of four (7KQ2-M9XD-4RTF), however it
 * was handed in, so every notice shows the form people type back.
 */
export function displayAccessCode(code: string): string {
  const bare = code.replace(/[\s-]/g, '').toUpperCase();
  return bare.length === 12 ? bare.match(/.{4}/g)!.join('-') : bare;
}
