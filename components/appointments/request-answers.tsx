import type { ReactNode } from 'react';
import { SummaryList } from '@/components/ui/summary-list';
import { calendarDate } from '@/components/cases/case-formatting';
import type { Locale } from '@/lib/i18n/routing';
import { formatterFor, translatorFor } from '@/lib/i18n/server';
import type { RequestStep } from '@/lib/appointment-requests/request-flow';
import type { RequestAnswers } from '@/lib/appointment-requests/request-rules';

/**
 * A request's answers as a summary list, in the order they were asked: on "Check your answers"
 * (each with its "Change" link) and on the request's own page.
 */
export function RequestAnswersList({
  locale,
  answers,
  caseText,
  officeText,
  changeLink,
}: {
  locale: Locale;
  answers: RequestAnswers;
  caseText: string;
  officeText: string;
  /** The "Change" link for a page's answers; none on the request's own page. */
  changeLink?: (step: RequestStep, field: string) => ReactNode;
}) {
  const t = translatorFor(locale, 'appointments');
  const format = formatterFor(locale);
  const notGiven = t('check.notGiven');
  const row = (term: string, value: ReactNode, step: RequestStep) => ({ term, value, action: changeLink?.(step, term) });
  const rows = [
    row(t('check.reason'), t(`reasons.${answers.reason}`), 'reason'),
    ...(answers.otherReason ? [row(t('check.otherReason'), t(`otherReasons.${answers.otherReason}`), 'other-reason')] : []),
    row(t('check.case'), caseText, 'case'),
    row(t('check.aNumber'), answers.aNumber ?? notGiven, 'case'),
    row(t('check.office'), officeText, 'office'),
    row(
      t('check.dates'),
      answers.preferredDates.map((choice) => t('check.dateAndPeriod', { date: calendarDate(format, choice.date), period: t(`flow.dates.${choice.period}`) })).join('\n'),
      'dates',
    ),
    row(t('check.explanation'), answers.explanation ?? notGiven, 'details'),
    ...(answers.travelDate ? [row(t('check.travelDate'), calendarDate(format, answers.travelDate), 'details'), row(t('check.destination'), answers.destination ?? '', 'details')] : []),
    row(t('check.contact'), answers.contactPreference === 'phone' ? t('check.contactPhone', { phone: answers.contactPhone ?? '' }) : t('check.contactEmail'), 'contact'),
    row(t('check.accommodations'), answers.accommodations ?? notGiven, 'accommodations'),
  ];
  return <SummaryList rows={rows} />;
}
