import { useTranslations } from '@/lib/i18n/server';
import type { RepresentativeProfile } from '@/lib/auth/account-settings';

/** A representative's profile as the agency has it. Read-only: it is how the agency knows who acts for clients. */
export function RepresentativeProfileSummary({ profile }: { profile: RepresentativeProfile }) {
  const t = useTranslations('settings.representative');
  const rows: [string, string][] = [
    [t('kind'), t(`kinds.${profile.kind}`)],
    ...(profile.kind === 'attorney'
      ? ([
          [t('barNumber'), profile.barNumber ?? ''],
          [t('licensingState'), profile.licensingState ?? ''],
        ] as [string, string][])
      : ([[t('accreditationNumber'), profile.accreditationNumber ?? '']] as [string, string][])),
    [t('organisation'), profile.organisation],
    [t('sector'), t(`sectors.${profile.sector}`)],
  ];
  return (
    <section aria-labelledby="representative-profile" className="mt-12">
      <h2 id="representative-profile">{t('title')}</h2>
      <p className="max-w-[40rem]">{t('lead')}</p>
      <dl className="m-0 max-w-[40rem] border-t border-base-light">
        {rows.map(([term, value]) => (
          <div key={term} className="grid gap-x-6 border-b border-base-light py-3 sm:grid-cols-[14rem_1fr]">
            <dt className="font-bold">{term}</dt>
            <dd className="m-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
