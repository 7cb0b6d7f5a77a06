import { ClientMessages } from '@/components/layout/client-messages';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { addDays } from '@/lib/calendar/iso-date';
import { systemClock } from '@/lib/clock';
import { readDraft } from '@/lib/forms/drafts';
import { redirect } from '@/lib/i18n/navigation';
import { Link } from '@/lib/i18n/link';
import type { Locale } from '@/lib/i18n/routing';
import { formatterFor, getTranslations } from '@/lib/i18n/server';
import { asRequestDraft, draftFormFields, previousStep, requestToday, stepApplies, type RequestStep } from '@/lib/appointment-requests/request-flow';
import { stepPath } from '@/lib/appointment-requests/request-paths';
import { caseChoices, fieldOfficeChoices } from '@/lib/appointment-requests/request-options';
import { PREFERRED_DATES_AHEAD } from '@/lib/appointment-requests/request-rules';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { calendarDate } from '@/components/cases/case-formatting';
import { RequestStepForm, type RequestStepOptions } from './request-step-form';

/**
 * A page of "Request an appointment" (both the first, at /appointments/request, and the rest, at
 * /appointments/request/{step}): "Back", the caption, and the step's form with what the draft holds.
 */
export async function RequestStepPage({ locale, step, changing, prefillCase }: { locale: Locale; step: RequestStep; changing: boolean; prefillCase?: string }) {
  const { user } = await requireArea('cases');
  const db = getDb();
  const draft = asRequestDraft(await readDraft(db, 'appointment-request', user.id));
  // "Which situation" only follows "Other": opened otherwise, the flow starts at its first page.
  if (!stepApplies(step, draft)) redirect({ href: stepPath('reason'), locale });
  const t = await getTranslations({ locale, namespace: 'appointments' });
  const representative = user.role === 'representative';
  const saved = draftFormFields(draft);
  // "Request an appointment" on a case page names the case: it becomes the answer to "Which case", unless one is given already.
  const caseToPrefill = step === 'reason' && prefillCase && !draft.caseReceipt ? (normaliseReceiptNumber(prefillCase) ?? undefined) : undefined;

  const options: RequestStepOptions = { representative, reason: draft.reason, email: user.email };
  if (step === 'case') options.cases = await caseChoices(db, systemClock, user);
  if (step === 'office') options.offices = await fieldOfficeChoices(db);
  if (step === 'dates') {
    const today = requestToday(systemClock.now());
    options.firstDate = addDays(today, 1);
    options.lastDate = addDays(today, PREFERRED_DATES_AHEAD);
    options.lastDateText = calendarDate(formatterFor(locale), options.lastDate);
  }
  const back = changing ? '/appointments/request/check' : (() => {
    const previous = previousStep(step, draft);
    return previous ? stepPath(previous) : '/appointments';
  })();

  if (step === 'case' && representative && options.cases?.length === 0) {
    return (
      <>
        <Link href={back} className="back-link">{t('flow.back')}</Link>
        <p className="mb-1 text-lg text-base-dark">{t('flow.caption')}</p>
        <h1>{t('flow.case.legend')}</h1>
        <p className="max-w-[40rem]">{t('flow.case.noCases')}</p>
        <p><Link href="/cases/link">{t('flow.case.linkCase')}</Link></p>
      </>
    );
  }
  return (
    <>
      <Link href={back} className="back-link">{t('flow.back')}</Link>
      <p className="mb-1 text-lg text-base-dark">{t('flow.caption')}</p>
      <ClientMessages namespaces={['appointments']}>
        <RequestStepForm step={step} changing={changing} saved={saved} options={options} prefillCase={caseToPrefill} />
      </ClientMessages>
    </>
  );
}
