/**
 * Checking the files the portal hands out, as a person's software would read them: a letter must
 * open as a PDF and say what it should; a calendar file must be an iCalendar event a calendar can
 * import. Journeys download the file (a request with the signed-in context) and pass the bytes or
 * text here.
 */
import { expect } from '@playwright/test';
import { pdfText } from '@/lib/pdf/testing/pdf-text';

/**
 * The bytes are a PDF that loads, has a title, and shows every one of `mustContain` (words split by
 * a line break still match: lines are joined with a space). Returns the title and text for more checks.
 */
export async function expectPdfLetter(bytes: Buffer, mustContain: string[]): Promise<{ title: string; text: string; pages: number }> {
  expect(bytes.subarray(0, 5).toString('latin1'), 'a PDF starts with %PDF-').toBe('%PDF-');
  const { doc, text } = await pdfText(bytes);
  const title = doc.getTitle() ?? '';
  expect(title, 'the PDF has a title').not.toBe('');
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of mustContain) expect(flat, `the letter shows "${expected}"`).toContain(expected);
  return { title, text: flat, pages: doc.getPageCount() };
}

export interface IcsEvent {
  /** The local wall-clock start, e.g. "20261215T093000". */
  dtstart: string;
  /** The zone of DTSTART, e.g. "America/New_York". */
  tzid: string;
  summary: string;
  location: string;
  uid: string;
}

/** Undoes folding (CRLF + space) and TEXT escaping (RFC 5545 §3.1, §3.3.11). */
const unescape = (value: string) => value.replace(/\\([\\;,])/g, '$1').replace(/\\[nN]/g, '\n');

/** The one VEVENT of a calendar file, after checking it is an iCalendar 2.0 file. */
export function parseIcs(text: string): IcsEvent {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const begin = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  expect(begin, 'the file has an event').toBeGreaterThan(0);
  expect(end).toBeGreaterThan(begin);
  const event = lines.slice(begin + 1, end);
  const property = (name: string) => {
    const line = event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
    expect(line, `the event has ${name}`).toBeDefined();
    const colon = line!.indexOf(':');
    return { params: line!.slice(name.length, colon), value: line!.slice(colon + 1) };
  };
  const start = property('DTSTART');
  const tzid = /;TZID=([^;:]+)/.exec(start.params)?.[1] ?? '';
  expect(tzid, 'DTSTART names its time zone').not.toBe('');
  return {
    dtstart: start.value,
    tzid,
    summary: unescape(property('SUMMARY').value),
    location: unescape(property('LOCATION').value),
    uid: property('UID').value,
  };
}
