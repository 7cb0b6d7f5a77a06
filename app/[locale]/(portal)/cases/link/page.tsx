import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LinkCaseForm } from '@/components/cases/link-case-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { requireArea } from '@/lib/auth/current-user';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/link'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'cases.link' });
  return { title: t('title') };
}

/** Link a paper-filed case with its receipt number and online access code (applicants and representatives). */
export default async function LinkCasePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const t = await getTranslations({ locale, namespace: 'cases.link' });
  const receipt = (await searchParams).receipt;
  const initialReceipt = typeof receipt === 'string' ? (normaliseReceiptNumber(receipt) ?? undefined) : undefined;
  const representative = user.role === 'representative';

  return (
    <>
      <PageHeading lead={representative ? t('leadRepresentative') : t('lead')}>{t('title')}</PageHeading>
      {representative ? <p className="max-w-[40rem]">{t('representativeNote')}</p> : null}
      <ClientMessages namespaces={['cases']}>
        <LinkCaseForm initialReceipt={initialReceipt} />
      </ClientMessages>
      <h2 className="mt-12 text-[1.3125rem]">{t('noCode')}</h2>
      <p>
        <Link href="/access-codes/request">{t('requestNewCode')}</Link>
      </p>
    </>
  );
}
