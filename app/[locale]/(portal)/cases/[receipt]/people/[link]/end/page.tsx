import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { endRepresentativeAccessAction } from '@/lib/cases/actions';
import { caseForViewer, peopleWithAccess } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]/people/[link]/end'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'cases.detail' });
  return { title: t('endAccess') };
}

/**
 * "End access" asks once more before it acts: what ending means, and a button that posts the
 * form (no JavaScript needed). Only the case's applicant reaches it, for a representative of the case.
 */
export default async function EndAccessPage({ params }: Props) {
  const { locale, receipt, link } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const receiptNumber = normaliseReceiptNumber(receipt);
  const theCase = receiptNumber && user.role === 'applicant' ? await caseForViewer(getDb(), user, receiptNumber) : null;
  if (!theCase) notFound();
  const person = (await peopleWithAccess(getDb(), theCase.id)).find((p) => String(p.linkId) === link && p.role === 'representative');
  if (!person) notFound();
  const t = await getTranslations({ locale, namespace: 'cases.endAccess' });

  return (
    <>
      <PageHeading caption={theCase.receiptNumber}>{t('title', { name: person.name })}</PageHeading>
      <p className="max-w-[40rem]">{t('body', { name: person.name })}</p>
      <p className="max-w-[40rem]">{t('representation')}</p>
      <form action={endRepresentativeAccessAction} className="mt-8 flex flex-wrap items-center gap-6">
        <input type="hidden" name="receiptNumber" value={theCase.receiptNumber} />
        <input type="hidden" name="linkId" value={person.linkId} />
        <Button variant="danger">{t('confirm')}</Button>
        <Link href={`/cases/${theCase.receiptNumber}#people`}>{t('cancel')}</Link>
      </form>
    </>
  );
}
