/**
 * The U.S. federal fiscal year runs from October 1 to September 30 and is named after the calendar
 * year it ends in: FY2024 is 2023-10-01 … 2024-09-30. Processing-time statistics are published per
 * fiscal year of completion.
 */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 10 ? year + 1 : year;
}

export interface FiscalYearRange {
  /** First day, YYYY-MM-DD (October 1 of the previous calendar year). */
  start: string;
  /** Last day, YYYY-MM-DD (September 30). */
  end: string;
}

export function fiscalYearRange(fiscalYear: number): FiscalYearRange {
  return { start: `${fiscalYear - 1}-10-01`, end: `${fiscalYear}-09-30` };
}
