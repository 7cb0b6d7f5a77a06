/**
 * The agency's published national median processing times (months from receipt to completion, by
 * form, classification and fiscal year of completion), kept in the repository as
 * db/seed/processing-times.csv so the portal never reads outside its own tree at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROCESSING_TIMES_CSV = fileURLToPath(new URL('./processing-times.csv', import.meta.url));

/** Months in the published figures are average Gregorian months: 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;

export interface PublishedMedian {
  formType: string;
  classification: string;
  fiscalYear: number;
  medianMonths: number;
  /** Which snapshot of the series published it (A: April 2024 fact sheet; B: a later copy). */
  source: string;
}

/** The figure the demo data reproduces for one form, classification and fiscal year. */
export interface MedianTarget {
  formType: string;
  classification: string;
  fiscalYear: number;
  medianMonths: number;
  published: PublishedMedian[];
  /** Why the target is not simply the one published figure, when it is not. */
  note?: string;
}

/** Snapshots further apart than this cannot both be met within 0.3 months; the later one wins. */
export const MAX_SOURCE_SPREAD_MONTHS = 0.6;
const LATER_SOURCE = 'B';

export function parseProcessingTimesCsv(text: string): PublishedMedian[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsvLine(lines[0]);
  const expected = ['form', 'classification', 'fiscal_year', 'median_months', 'source'];
  if (header.join(',') !== expected.join(',')) {
    throw new Error(`processing-times.csv: expected the columns ${expected.join(', ')}, found ${header.join(', ')}`);
  }
  return lines.slice(1).map((line, i) => {
    const [formType, classification, fiscalYear, medianMonths, source] = splitCsvLine(line);
    const row = { formType, classification, fiscalYear: Number(fiscalYear), medianMonths: Number(medianMonths), source };
    if (!formType || !classification || !Number.isInteger(row.fiscalYear) || !(row.medianMonths > 0) || !source) {
      throw new Error(`processing-times.csv line ${i + 2} is not a complete row`);
    }
    return row;
  });
}

/** One CSV line: commas separate fields; double quotes enclose fields and "" is a quote inside one. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export function readPublishedMedians(file = PROCESSING_TIMES_CSV): PublishedMedian[] {
  return parseProcessingTimesCsv(readFileSync(file, 'utf8'));
}

/**
 * One target per form, classification and fiscal year. Where both snapshots publish the same cell,
 * aim at their mean so each is met within half their spread; if they disagree by more than
 * MAX_SOURCE_SPREAD_MONTHS, follow the later snapshot, which carries the agency's corrections.
 */
export function medianTargets(published: PublishedMedian[]): MedianTarget[] {
  const cells = new Map<string, PublishedMedian[]>();
  for (const row of published) {
    const key = `${row.formType}\u0000${row.classification}\u0000${row.fiscalYear}`;
    cells.set(key, [...(cells.get(key) ?? []), row]);
  }
  return [...cells.values()].map((rows) => {
    const { formType, classification, fiscalYear } = rows[0];
    const values = rows.map((r) => r.medianMonths);
    const spread = Math.max(...values) - Math.min(...values);
    if (rows.length === 1 || spread === 0) return { formType, classification, fiscalYear, medianMonths: values[0], published: rows };
    if (spread > MAX_SOURCE_SPREAD_MONTHS + 1e-9) {
      const later = rows.find((r) => r.source === LATER_SOURCE) ?? rows[rows.length - 1];
      return {
        formType,
        classification,
        fiscalYear,
        medianMonths: later.medianMonths,
        published: rows,
        note: `sources differ by ${spread.toFixed(1)} months; following source ${later.source}`,
      };
    }
    return {
      formType,
      classification,
      fiscalYear,
      medianMonths: values.reduce((a, b) => a + b, 0) / values.length,
      published: rows,
      note: `mean of sources ${rows.map((r) => r.source).join(' and ')}`,
    };
  });
}
