import { useTranslations } from '@/lib/i18n/server';
import { PageHeading } from '@/components/ui/page-heading';
import { ButtonLink } from '@/components/ui/button-link';
import { Link } from '@/lib/i18n/link';

/**
 * What a sign-up page shows when nothing is pending in this browser: the steps have a time limit,
 * and an account already created carries on through signing in.
 */
export function SignUpEnded() {
  const t = useTranslations('signUp.ended');
  return (
    <>
      <PageHeading lead={t('body')}>{t('title')}</PageHeading>
      <p className="max-w-[40rem]">{t('created')}</p>
      <p>
        <ButtonLink href="/sign-in">{t('signIn')}</ButtonLink>
      </p>
      <p className="mt-8 max-w-[40rem]">
        {t('notCreated')} <Link href="/sign-up">{t('start')}</Link>
      </p>
    </>
  );
}
