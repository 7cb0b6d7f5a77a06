import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/layout/client-messages';
import { ClaimForm } from '@/components/officer/claim-form';
import { DecisionForm } from '@/components/officer/decision-form';
import { RequestDetails } from '@/components/officer/request-details';
import { calendarDay, momentIn, urgency, wallClock, zoneName } from '@/components/officer/request-formatting';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { APPOINTMENT_START_TIMES } from '@/lib/appointment-requests/decision-form';
import { addBusinessDays } from '@/lib/appointment-requests/due-time';
import { requestForOfficer } from '@/lib/appointment-requests/officer-views';
import { fieldOfficeChoices } from '@/lib/appointment-requests/request-options';
import { normaliseRequestReference } from '@/lib/appointment-requests/reference';
import { requireArea } from '@/lib/auth/current-user';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/officer/appointment-requests/[reference]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const normalised = normaliseRequestReference(reference);
  return { title: translatorFor(locale, 'officerRequests')('request.title', { reference: normalised ?? '' }) };
}

/**
 * One appointment request for officers: what was asked, by whom, the case and the timeline; the
 * claim button while nobody has it, and the decision form for the officer who claimed it.
 */
export default async function OfficerAppointmentRequestPage({ params, searchParams }: Props) {
  const { locale, reference: raw } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('officer');
  const reference = normaliseRequestReference(raw);
  if (!reference) notFound();
  const view = await requestForOfficer(getDb(), reference);
  if (!view) notFound();
  const query = await searchParams;
  const t = translatorFor(locale, 'officerRequests');
  const now = systemClock.now();
  const { request, office } = view;
  const mine = request.claimedBy === user.id;
  const flag = urgency(request.status, request.dueAt, now);

  return (
    <>
      <p>
        <Link href="/officer/appointment-requests">{t('request.backToQueue')}</Link>
      </p>
      <PageHeading caption={t('queueTitle')}>{t('request.title', { reference })}</PageHeading>

      {query.claimed && mine && request.status === 'in_review' ? (
        <Alert type="success" heading={t('notices.claimed')}>
          {t('notices.claimedBody')}
        </Alert>
      ) : null}
      {/* A question is not final (nobody is recorded as deciding it): its notice shows on the status alone. */}
      {query.decided && (request.decidedBy === user.id || request.status === 'more_info_needed') ? (
        <Alert type="success" heading={t('notices.decided')}>
          {t('notices.decidedBody')}
        </Alert>
      ) : null}

      <h2>{t('request.statusTitle')}</h2>
      <RequestDetails view={view} locale={locale} part="status" flag={flag} />

      {request.status === 'submitted' && request.claimedBy === null ? (
        <section aria-labelledby="claim-title" className="mt-10">
          <h2 id="claim-title">{t('claim.title')}</h2>
          <p className="max-w-[40rem]">{t('claim.lead')}</p>
          <ClientMessages namespaces={['officerRequests']}>
            <ClaimForm reference={reference} />
          </ClientMessages>
        </section>
      ) : request.status === 'in_review' && mine ? (
        <section aria-labelledby="decide-title" className="mt-10">
          <h2 id="decide-title">{t('decision.title')}</h2>
          <DecisionSection view={view} locale={locale} now={now} />
        </section>
      ) : request.status === 'in_review' && view.claimedBy ? (
        <p className="mt-10 max-w-[40rem]">{t('claim.byOther', { name: view.claimedBy, date: momentIn(locale, request.claimedAt!, office.timeZone) })}</p>
      ) : request.status === 'more_info_needed' ? (
        <p className="mt-10 max-w-[40rem]">{t('claim.waiting')}</p>
      ) : (
        <p className="mt-10 max-w-[40rem]">{t('claim.closed')}</p>
      )}

      <h2 className="mt-12">{t('request.answersTitle')}</h2>
      <RequestDetails view={view} locale={locale} part="answers" />
      <h2 className="mt-12">{t('request.requesterTitle')}</h2>
      <RequestDetails view={view} locale={locale} part="requester" />
      <h2 className="mt-12">{t('request.caseTitle')}</h2>
      <RequestDetails view={view} locale={locale} part="case" />
      <h2 className="mt-12">{t('request.timelineTitle')}</h2>
      <RequestDetails view={view} locale={locale} part="timeline" />
    </>
  );
}

async function DecisionSection({ view, locale, now }: { view: NonNullable<Awaited<ReturnType<typeof requestForOfficer>>>; locale: 'en' | 'es'; now: Date }) {
  const offices = await fieldOfficeChoices(getDb());
  const t = translatorFor(locale, 'officerRequests');
  // The message the requester reads is best in their language, whatever the officer's page is in.
  const template = translatorFor(view.requester.preferredLanguage, 'officerRequests')('decision.notNeededTemplate', { reference: view.request.reference });
  const dateExample = calendarDay(locale, addBusinessDays(isoDateInZone(now, view.office.timeZone), 5));
  return (
    <ClientMessages namespaces={['officerRequests']}>
      <DecisionForm
        reference={view.request.reference}
        offices={offices.map((o) => ({ value: String(o.id), label: t('decision.officeOption', { name: o.name, zone: zoneName(locale, o.timeZone) }) }))}
        preferredOfficeId={String(view.office.id)}
        times={APPOINTMENT_START_TIMES.map((time) => ({ value: time, label: wallClock(locale, time) }))}
        template={template}
        languageName={t(`request.languages.${view.requester.preferredLanguage}`)}
        dateExample={dateExample}
      />
    </ClientMessages>
  );
}
