import { useTranslations } from 'next-intl';
import { BackupCodesPrintButton } from './backup-codes-print-button';

/**
 * The ten backup codes, shown once, in a list made for printing or writing down: large monospaced
 * type, two columns. `data-print-alone` makes the printout this page's main content only.
 */
export function BackupCodesList({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations('secondFactor.backupCodes');
  return (
    <section aria-labelledby="backup-codes-title" data-print-alone className="my-8 max-w-[40rem] border-2 border-base-dark p-6">
      <h2 id="backup-codes-title" className="mt-0 text-[1.3125rem]">
        {t('listTitle')}
      </h2>
      <p className="hidden print:block">{t('printedFor', { email })}</p>
      <ol className="m-0 grid list-none grid-cols-1 gap-x-10 gap-y-2 p-0 font-mono text-xl sm:grid-cols-2" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <BackupCodesPrintButton label={t('print')} />
    </section>
  );
}
