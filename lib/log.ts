import pino from 'pino';

/**
 * Structured JSON logs. Log ids, codes of outcomes and timings, never personal data: no names,
 * emails, phone numbers, receipt numbers, access codes or request bodies.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'portal' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['email', 'phone', 'recipient', 'password', 'code', '*.email', '*.phone'], censor: '[redacted]' },
});
