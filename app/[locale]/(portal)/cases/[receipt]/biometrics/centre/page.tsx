import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RescheduleChoiceForm } from '@/components/biometrics/reschedule-forms';
import { rescheduleStep } from '@/components/biometrics/reschedule-context';
import { ClientMessages } from '@/components/layout/client-messages';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/form-group';
import { ascsNearZip } from '@/lib/biometrics/asc-search';
import { reschedulePath } from '@/lib/biometrics/reschedule-flow';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { formatterFor, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics/centre'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  return { title: `${t('centre.title')} – ${t('caption')}` };
}

/**
 * Step 2: the centre. A ZIP code (a plain GET search, so the address can be shared and it works
 * without JavaScript) lists every centre nearest first with its distance; the person picks one.
 */
export default async function RescheduleCentrePage({ params, searchParams }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, draft, asc, db } = await rescheduleStep(locale, receipt, 'centre');
  const typed = (await searchParams).zip;
  const zip = (typeof typed === 'string' ? typed : (draft.zip ?? asc.zip)).slice(0, 20).trim();
  const t = await getTranslations({ locale, namespace: 'reschedule' });
  const format = formatterFor(locale);
  const search = zip ? await ascsNearZip(db, zip) : { ok: false as const, error: 'required' as const };
  const zipError = typeof typed === 'string' && !search.ok ? t(`errors.zip.${search.error}`) : undefined;

  return (
    <>
      <Link href={reschedulePath(theCase.receiptNumber, 'reason')} className="back-link">
        {t('flow.back')}
      </Link>
      <p className="mb-1 text-lg text-base-dark">{t('flow.caption')}</p>
      <h1>{t('flow.centre.title')}</h1>
      <p>{t('flow.centre.current', { name: asc.name })}</p>
      {zipError ? (
        <ClientMessages namespaces={[]}>
          <ErrorSummary errors={[{ field: 'zip', message: zipError }]} />
        </ClientMessages>
      ) : null}
      <form method="get" noValidate className="mb-10 flex flex-wrap items-end gap-x-4">
        <TextInput id="zip" label={t('flow.centre.zipLabel')} hint={t('flow.centre.zipHint')} width="sm" inputMode="numeric" autoComplete="postal-code" defaultValue={zip} error={zipError} />
        <Button variant="secondary" className="mb-6">
          {t('flow.centre.find')}
        </Button>
      </form>
      {search.ok ? (
        <ClientMessages namespaces={['reschedule']}>
          <RescheduleChoiceForm
            name="ascId"
            receiptNumber={theCase.receiptNumber}
            legend={t('flow.centre.legend')}
            hidden={{ zip }}
            chosen={String(draft.ascId ?? '')}
            options={search.ascs.map((centre) => ({
              value: String(centre.id),
              label: t('flow.centre.option', { name: centre.name, city: centre.city, state: centre.state }),
              hint: t('flow.centre.distance', {
                miles: format.number(centre.miles, { maximumFractionDigits: 1 }),
                address: `${centre.street}, ${centre.city}, ${centre.state} ${centre.zip}`,
              }),
            }))}
          />
        </ClientMessages>
      ) : null}
    </>
  );
}
