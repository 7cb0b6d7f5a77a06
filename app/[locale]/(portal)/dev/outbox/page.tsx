import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { listOutbox, type OutboxEntry } from '@/lib/notifications/outbox';
import { localOutboxInUse } from '@/lib/notifications/config';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/dev/outbox'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'outbox' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Staff and demo view of the local outbox: what would have been emailed, texted or mailed, with the
 * full text. It shows codes in clear, so it exists only where the local outbox is allowed (the
 * embedded demo store, or LOCAL_OUTBOX=on) and holds email or texts.
 */
export default async function OutboxPage({ params }: Props) {
  await connection();
  const { locale } = await params;
  if (!isLocale(locale) || !localOutboxInUse()) notFound();
  setRequestLocale(locale);

  const [t, format, entries] = await Promise.all([
    getTranslations({ locale, namespace: 'outbox' }),
    getFormatter({ locale }),
    listOutbox(getDb(), { limit: 200 }),
  ]);
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })}
    </time>
  );

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{entries.length === 0 ? t('empty') : t('shown', { count: entries.length })}</p>

      {entries.map((entry) => (
        // Unnamed sections: 200 region landmarks, several with the same subject, would only clutter
        // landmark navigation; the h2 of each is how screen reader users move between messages.
        <section key={entry.id} className="mt-8 border-t border-base-lighter pt-6">
          {entry.subject ? (
            <h2 lang={entry.language} className="mt-0 text-[1.3125rem]">
              {entry.subject}
            </h2>
          ) : (
            <h2 className="mt-0 text-[1.3125rem]">{t('untitled', { id: entry.id, template: entry.template })}</h2>
          )}
          <p className="mb-2">
            <StatusTag status={entry.status} label={t(`statuses.${entry.status}`)} />
          </p>
          <dl className="grid gap-1">
            <Detail term={t('to')}>
              <span className="whitespace-pre-line">{entry.recipient}</span>
            </Detail>
            <Detail term={t('channel')}>{t(`channels.${entry.channel}`)}</Detail>
            <Detail term={t('template')}>
              <code>{entry.template}</code> ({entry.language})
            </Detail>
            <Detail term={t('created')}>{when(entry.createdAt)}</Detail>
            {entry.deliveredAt && <Detail term={t('delivered')}>{when(entry.deliveredAt)}</Detail>}
            {entry.transport && <Detail term={t('transport')}>{entry.transport}</Detail>}
            {entry.status !== 'delivered' && <Detail term={t('attempts')}>{entry.attempts}</Detail>}
            {entry.status === 'pending' && <Detail term={t('nextAttempt')}>{when(entry.nextAttemptAt)}</Detail>}
            {entry.attachments.length > 0 && (
              <Detail term={t('attachments')}>
                {/* Plain links to files (not pages): the browser downloads them. */}
                <ul className="m-0 list-none p-0">
                  {entry.attachments.map((filename, index) => (
                    <li key={index}>
                      <a href={localePath(`/dev/outbox/${entry.id}/attachments/${index}`, locale)} download={filename}>
                        {filename}
                      </a>
                    </li>
                  ))}
                </ul>
              </Detail>
            )}
            {entry.lastError && (
              <Detail term={t('lastError')}>
                <span className="text-error-dark">{entry.lastError}</span>
              </Detail>
            )}
          </dl>
          <MessageText
            entry={entry}
            title={t('text')}
            missing={entry.unreadable ? t('unreadable') : entry.status === 'failed' ? t('notWritten') : t('notRendered')}
          />
        </section>
      ))}
    </>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-semibold">{term}:</dt>
      <dd>{children}</dd>
    </div>
  );
}

function StatusTag({ status, label }: { status: OutboxEntry['status']; label: string }) {
  const tone =
    status === 'failed'
      ? 'bg-error-lighter text-error-dark'
      : status === 'delivered'
        ? 'bg-success-lighter text-success-darker'
        : 'bg-warning-lighter text-base-darkest';
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm ${tone}`}>{label}</strong>;
}

function MessageText({ entry, title, missing }: { entry: OutboxEntry; title: string; missing: string }) {
  if (entry.text === null) return <p className="mt-4 italic">{missing}</p>;
  return (
    <>
      <h3 className="mt-4 text-[1.0625rem]">{title}</h3>
      <pre
        lang={entry.language}
        className="mt-2 max-w-[80ch] whitespace-pre-wrap break-words rounded border border-base-lighter bg-base-lightest p-4 font-mono text-sm"
      >
        {entry.text}
      </pre>
    </>
  );
}
