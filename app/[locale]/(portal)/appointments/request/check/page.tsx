import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SubmitRequestForm } from '@/components/appointments/request-action-forms';
import { RequestAnswersList } from '@/components/appointments/request-answers';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { firstIncompleteStep, NO_CASE, asRequestDraft, requestToday } from '@/lib/appointment-requests/request-flow';
import { caseChoices, fieldOfficeChoices } from '@/lib/appointment-requests/request-options';
import { stepPath } from '@/lib/appointment-requests/request-paths';
import { parseRequestAnswers } from '@/lib/appointment-requests/request-rules';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { readDraft } from '@/lib/forms/drafts';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments/request/check'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.check' });
  return { title: t('title') };
}

/** "Check your answers": every answer with its "Change" link, and "Submit request". */
export default async function CheckRequestPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const db = getDb();
  const draft = asRequestDraft(await readDraft(db, 'appointment-request', user.id));
  const today = requestToday(systemClock.now());
  const role = user.role === 'representative' ? 'representative' : 'applicant';
  const t = await getTranslations({ locale, namespace: 'appointments' });
  // Opened before every page is answered (or after a preferred date has passed): the way to the page that needs an answer.
  const incomplete = firstIncompleteStep(draft, today, role);
  const parsed = parseRequestAnswers(draft, today);
  if (incomplete || !parsed.ok) {
    return (
      <>
        <PageHeading caption={t('flow.caption')}>{t('check.title')}</PageHeading>
        <p className="max-w-[40rem]">{t('check.incomplete')}</p>
        <p>
          <Link href={stepPath(incomplete ?? 'reason', true)}>{t('check.continue')}</Link>
        </p>
      </>
    );
  }
  const answers = parsed.data;
  const [cases, offices] = await Promise.all([caseChoices(db, systemClock, user), fieldOfficeChoices(db)]);
  const chosenCase = cases.find((linked) => linked.receiptNumber === draft.caseReceipt);
  const caseText =
    draft.caseReceipt === NO_CASE || !chosenCase
      ? t('check.noCase')
      : role === 'representative'
        ? t('flow.case.optionClient', { name: chosenCase.applicantName, receipt: chosenCase.receiptNumber, form: chosenCase.formType })
        : t('flow.case.option', { receipt: chosenCase.receiptNumber, form: chosenCase.formType });
  const office = offices.find((choice) => choice.code === answers.fieldOfficeCode);

  return (
    <>
      <Link href={stepPath('accommodations')} className="back-link">
        {t('flow.back')}
      </Link>
      <PageHeading caption={t('flow.caption')} lead={t('check.lead')}>
        {t('check.title')}
      </PageHeading>
      <RequestAnswersList
        locale={locale}
        answers={answers}
        caseText={caseText}
        officeText={office ? `${office.name} (${office.city}, ${office.state})` : answers.fieldOfficeCode}
        changeLink={(step, term) => (
          <Link href={stepPath(step, true)}>
            {t('check.change')}
            <span className="sr-only"> {term}</span>
          </Link>
        )}
      />
      <ClientMessages namespaces={['appointments']}>
        <SubmitRequestForm />
      </ClientMessages>
    </>
  );
}
