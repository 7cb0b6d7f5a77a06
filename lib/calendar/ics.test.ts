import { describe, expect, it } from 'vitest';
import { icsCalendar, type CalendarEvent } from './ics';

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'appointment-41@portal.example',
  startsAt: new Date('2026-12-07T16:00:00Z'),
  endsAt: new Date('2026-12-07T16:30:00Z'),
  timeZone: 'America/Phoenix',
  summary: 'In-person appointment, AR-7KQ2-M9XD',
  location: 'Phoenix Field Office, 2035 N Central Ave, Phoenix, AZ 85004',
  description: 'Bring: this letter; a photo ID.\nArrive 15 minutes early.',
  stampedAt: new Date('2026-12-03T17:00:00Z'),
  ...overrides,
});

/** Unfolds the lines (RFC 5545 §3.1) and reads each as name;params:value. */
function parse(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('calendar files', () => {
  it('are CRLF lines of at most 75 octets, folded without splitting a character', () => {
    const ics = icsCalendar(event({ description: 'Traiga esta carta, una identificación con fotografía y su pasaporte. Llegue 15 minutos antes: la atención es por orden de llegada. ñáéíóú'.repeat(2) }));
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parse(ics).find((line) => line.startsWith('DESCRIPTION:'))).toContain('ñáéíóú');
  });

  it('hold one event at the wall-clock time of the place, with its zone described', () => {
    const lines = parse(icsCalendar(event()));
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('DTSTART;TZID=America/Phoenix:20261207T090000');
    expect(lines).toContain('DTEND;TZID=America/Phoenix:20261207T093000');
    expect(lines).toContain('DTSTAMP:20261203T170000Z');
    expect(lines).toContain('UID:appointment-41@portal.example');
    // Phoenix keeps standard time all year: one observance.
    const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(zone).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/Phoenix',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:-0700',
      'TZOFFSETTO:-0700',
      'TZNAME:MST',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('describe the daylight-saving changes of the event’s year where the zone has them', () => {
    const lines = parse(icsCalendar(event({ timeZone: 'America/New_York', startsAt: new Date('2026-12-07T14:00:00Z'), endsAt: new Date('2026-12-07T14:30:00Z') })));
    expect(lines).toContain('DTSTART;TZID=America/New_York:20261207T090000');
    const daylight = lines.indexOf('BEGIN:DAYLIGHT');
    expect(lines.slice(daylight, daylight + 6)).toEqual(['BEGIN:DAYLIGHT', 'DTSTART:20260308T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'TZNAME:EDT', 'END:DAYLIGHT']);
    expect(lines).toContain('DTSTART:20261101T020000');
  });

  it('name the zones of Hawaii and Puerto Rico', () => {
    expect(parse(icsCalendar(event({ timeZone: 'Pacific/Honolulu' })))).toContain('TZNAME:HST');
    const puertoRico = parse(icsCalendar(event({ timeZone: 'America/Puerto_Rico' })));
    expect(puertoRico).toContain('TZOFFSETTO:-0400');
    expect(puertoRico).toContain('DTSTART;TZID=America/Puerto_Rico:20261207T120000');
  });

  it('escape commas, semicolons, backslashes and line breaks in text', () => {
    const lines = parse(icsCalendar(event()));
    expect(lines).toContain('SUMMARY:In-person appointment\\, AR-7KQ2-M9XD');
    expect(lines).toContain('DESCRIPTION:Bring: this letter\\; a photo ID.\\nArrive 15 minutes early.');
  });
});
