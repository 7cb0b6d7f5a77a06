/**
 * Calendar files (iCalendar, RFC 5545) for appointments: one event, in the time zone of the place
 * where it happens, with that zone described in the file (VTIMEZONE) from the runtime's own zone
 * data, so a calendar shows 9:00 in Phoenix as 9:00 in Phoenix wherever it is opened.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';

export interface CalendarEvent {
  /** Stable per appointment, so a new file for the same appointment replaces the old event. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA, e.g. "America/Phoenix". */
  timeZone: string;
  summary: string;
  location: string;
  description: string;
  /** When the file was made. */
  stampedAt: Date;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "20261207T090000": the wall-clock time in the zone. */
function localStamp(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${local.getFullYear()}${pad(local.getMonth() + 1)}${pad(local.getDate())}T${pad(local.getHours())}${pad(local.getMinutes())}${pad(local.getSeconds())}`;
}

const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** "-0700" for an offset of -420 minutes. */
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

function abbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** TEXT values: backslashes, semicolons, commas and line breaks escaped (RFC 5545 §3.3.11). */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (§3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "20261108T020000" for the UTC fields of an instant already shifted into local time. */
const wallClock = (shifted: Date) =>
  `${shifted.getUTCFullYear()}${pad(shifted.getUTCMonth() + 1)}${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}${pad(shifted.getUTCMinutes())}00`;

/**
 * The zone's observances through the event's year: its offset at the start of the year, then each
 * change in that year, each starting at the wall-clock time in force just before it. A zone without
 * daylight-saving time (Phoenix, Honolulu, Puerto Rico) has one standard observance.
 */
function timeZoneComponent(timeZone: string, at: Date): string[] {
  const year = new TZDate(at.getTime(), timeZone).getFullYear();
  const from = new Date(Date.UTC(year, 0, 1));
  const changes = tzScan(timeZone, { start: from, end: new Date(Date.UTC(year + 1, 0, 1)) });
  const initial = tzOffset(timeZone, from);
  const lowest = Math.min(initial, ...changes.map((change) => change.offset));
  const observance = (start: string, before: number, after: number, instant: Date) => {
    const kind = after > lowest ? 'DAYLIGHT' : 'STANDARD';
    return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `TZNAME:${abbreviation(instant, timeZone)}`, `END:${kind}`];
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observance('19700101T000000', initial, initial, from)];
  let before = initial;
  for (const change of changes) {
    const onset = wallClock(new Date(change.date.getTime() + before * 60_000));
    lines.push(...observance(onset, before, change.offset, new Date(change.date.getTime() + 60_000)));
    before = change.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export function icsCalendar(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Immigration Benefits Agency//Self-Service Portal//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...timeZoneComponent(event.timeZone, event.startsAt),
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stampedAt)}`,
    `DTSTART;TZID=${event.timeZone}:${localStamp(event.startsAt, event.timeZone)}`,
    `DTEND;TZID=${event.timeZone}:${localStamp(event.endsAt, event.timeZone)}`,
    `SUMMARY:${text(event.summary)}`,
    `LOCATION:${text(event.location)}`,
    `DESCRIPTION:${text(event.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
