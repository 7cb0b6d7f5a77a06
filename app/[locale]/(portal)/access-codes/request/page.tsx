import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RequestCodeForm } from '@/components/cases/request-code-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { requireArea } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/access-codes/request'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'cases.request' });
  return { title: t('title') };
}

/**
 * Request a new online access code. After a request the page says the same thing whatever the
 * details were: the code, if they matched, is on its way through the channel of record.
 */
export default async function RequestAccessCodePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const t = await getTranslations({ locale, namespace: 'cases.request' });
  const sent = (await searchParams).sent === '1';

  if (sent) {
    return (
      <>
        <PageHeading>{t('sentTitle')}</PageHeading>
        <Alert type="success">{t('sent')}</Alert>
        <p className="max-w-[40rem]">{t('sentNext')}</p>
        <p>{t.rich('linkWhenArrives', { link: (chunks) => <Link href="/cases/link">{chunks}</Link> })}</p>
        <p>
          <Link href="/access-codes/request">{t('anotherRequest')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <p className="max-w-[40rem]">{t('howSent')}</p>
      {user.role === 'representative' ? <p className="max-w-[40rem]">{t('howSentRepresentative')}</p> : null}
      <ClientMessages namespaces={['cases']}>
        <RequestCodeForm />
      </ClientMessages>
    </>
  );
}
