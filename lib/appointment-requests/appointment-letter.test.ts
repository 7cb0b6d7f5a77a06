import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '@/lib/pdf/testing/pdf-text';
import { appointmentLetterPdf, type AppointmentLetterInput } from './appointment-letter';

const letter: AppointmentLetterInput = {
  locale: 'en',
  reference: 'AR-7KQ2-M9XD',
  reason: 'adit_stamp',
  otherReason: null,
  accommodations: null,
  personName: 'María José Núñez',
  requestedBy: null,
  receiptNumber: 'IOE0912345678',
  // 9:30 in New York in December: Eastern Standard Time.
  startsAt: new Date('2026-12-15T14:30:00Z'),
  office: { name: 'Newark Field Office', street: '970 Broad Street', city: 'Newark', state: 'NJ', zip: '07102', timeZone: 'America/New_York' },
  issuedAt: new Date('2026-12-01T15:00:00Z'),
  portalUrl: 'https://portal.example.gov',
};

describe('the appointment confirmation letter', () => {
  it('is a one-page PDF in English with the title, language and agency in its metadata', async () => {
    const { doc, text } = await pdfText(await appointmentLetterPdf(letter));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Appointment confirmation, request AR-7KQ2-M9XD');
    expect(doc.getAuthor()).toBe('Immigration Benefits Agency');
    for (const expected of [
      'IMMIGRATION BENEFITS AGENCY',
      'AR-7KQ2-M9XD',
      'María José Núñez',
      'IOE0912345678',
      'ADIT stamp',
      'Tuesday, December 15, 2026 at 9:30 AM EST',
      'Newark Field Office',
      '970 Broad Street, Newark, NJ 07102',
      'December 1, 2026',
      'Your unexpired passport',
      'A government-issued photo ID',
      '/appointments/AR-7KQ2-M9XD',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Accommodations');
  });

  it('is written in Spanish for a Spanish reader, with the Spanish address of the request', async () => {
    const bytes = await appointmentLetterPdf({ ...letter, locale: 'es', reason: 'other', otherReason: 'deferred_action', accommodations: 'Intérprete de lengua de señas' });
    const { doc, text } = await pdfText(bytes);
    expect(doc.getTitle()).toBe('Confirmación de cita, solicitud AR-7KQ2-M9XD');
    expect(doc.getPageCount()).toBe(1);
    for (const expected of ['Número de referencia', 'martes, 15 de diciembre de 2026, 9:30 a.m. EST', 'Newark Field Office', 'Otro: Acción diferida', 'Adaptaciones', 'Intérprete de lengua de señas', '/es/appointments/AR-7KQ2-M9XD', 'Su pasaporte, si tiene uno']) {
      expect(text).toContain(expected);
    }
  });

  it('names the representative who asked, and keeps a long explanation of needs on the page by wrapping it', async () => {
    const long = 'Wheelchair access and a sign language interpreter, please. '.repeat(60);
    const { doc, text } = await pdfText(await appointmentLetterPdf({ ...letter, requestedBy: 'Alex Rivera', accommodations: long }));
    expect(text).toContain('Requested by');
    expect(text).toContain('Alex Rivera');
    // Wrapped onto more lines (and a second page) rather than running off the right edge.
    expect(doc.getPageCount()).toBe(2);
    expect(text).toContain('Page 2 of 2');
  });

  it('replaces characters the standard fonts cannot show instead of failing', async () => {
    const bytes = await appointmentLetterPdf({ ...letter, personName: 'Nguyễn Thị Đào 王小明 😀', accommodations: 'Ramp\u2011access' });
    const { text } = await pdfText(bytes);
    expect(text).toContain('Nguyen Thi');
    expect(text).toContain('???');
    expect(text).toContain('Ramp-access');
    await expect(PDFDocument.load(bytes)).resolves.toBeDefined();
  });
});
