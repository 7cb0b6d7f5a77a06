import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/link';
import { isLocale, routing } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]'>;

const localeOf = async ({ params }: Props) => {
  const { locale } = await params;
  return isLocale(locale) ? locale : routing.defaultLocale;
};

export async function generateMetadata(props: Props): Promise<Metadata> {
  const locale = await localeOf(props);
  // The layout's title template reaches only nested pages; this page sits beside the layout.
  return { title: { absolute: translatorFor(locale, 'meta')('title', { page: translatorFor(locale, 'home')('title') }) } };
}

const services = ['status', 'link', 'progress', 'appointment', 'biometrics', 'callback'] as const;

/** The front door: what the portal does and what to have ready. The same for everyone, so prerendered. */
export default async function HomePage(props: Props) {
  const locale = await localeOf(props);
  setRequestLocale(locale);
  const t = translatorFor(locale, 'home');
  return (
    <>
      <h1 className="max-w-[40rem] sm:text-[2.75rem]">{t('title')}</h1>
      <p className="lead max-w-[40rem]">{t('lead')}</p>

      <h2 className="mt-10">{t('servicesTitle')}</h2>
      <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
        {services.map((service) => (
          <li key={service} className="border-t-4 border-primary bg-base-lightest px-5 pt-4 pb-5">
            <h3 className="mt-0 mb-2 text-[1.1875rem]">{t(`services.${service}.title`)}</h3>
            <p className="m-0">{t(`services.${service}.body`)}</p>
          </li>
        ))}
      </ul>

      <h2 className="mt-12">{t('developersTitle')}</h2>
      <p className="max-w-[40rem]">{t('developersBody')}</p>
      <p>
        <Link href="/developers">{t('developersLink')}</Link>
      </p>

      <h2 className="mt-12">{t('beforeTitle')}</h2>
      <ul className="list-bullets max-w-[40rem]">
        <li>{t('before.account')}</li>
        <li>{t('before.code')}</li>
        <li>{t('before.representatives')}</li>
      </ul>
    </>
  );
}
