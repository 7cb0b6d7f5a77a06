import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { ActiveSession } from '@/lib/auth/current-user';
import { ABSOLUTE_TIMEOUT_MS } from '@/lib/auth/sessions';

/** When the person signed in and the latest their session can last, with the rules that end it sooner. */
export async function SessionSummary({ session }: { session: ActiveSession }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  const signedInAt = new Date(session.absoluteExpiresAt.getTime() - ABSOLUTE_TIMEOUT_MS);
  const when = (date: Date) =>
    format.dateTime(date, { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  return (
    <>
      <h2 className="mt-12">{t('sessionTitle')}</h2>
      <p className="max-w-[40rem]">{t('signedInAt', { time: when(signedInAt) })}</p>
      <p className="max-w-[40rem]">{t('sessionRules', { time: when(session.absoluteExpiresAt) })}</p>
    </>
  );
}
