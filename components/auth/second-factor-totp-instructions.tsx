import { useTranslations } from '@/lib/i18n/server';

export interface SecondFactorTotpInstructionsProps {
  /** The QR code as an image data URL (totpEnrolment in lib/auth/second-factor-setup.ts). */
  qrCode: string;
  /** The secret in groups of four, for typing by hand. */
  secretGroups: string[];
}

/**
 * How to add the account to an authenticator app: scan the QR code, or type the setup key shown in
 * groups of four (the groups are one string to screen readers and when copied: spaces do not matter
 * to the apps).
 */
export function SecondFactorTotpInstructions({ qrCode, secretGroups }: SecondFactorTotpInstructionsProps) {
  const t = useTranslations('secondFactor.totp');
  return (
    <ol className="list-numbered mb-8 max-w-[40rem]">
      <li>{t('stepAdd')}</li>
      <li>
        <p className="mb-2">{t('stepScan')}</p>
        {/* A data URL: the Content Security Policy allows images from data: but nothing else from elsewhere. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- an inline data URL; next/image has nothing to optimise */}
        <img src={qrCode} alt={t('qrAlt')} width={200} height={200} className="border border-base-lighter bg-white p-2" />
        <p className="mt-4 mb-2">{t('manual')}</p>
        <p className="m-0">
          <span className="font-bold">{t('keyLabel')}: </span>
          <code data-testid="totp-secret" className="rounded bg-base-lightest px-2 py-1 font-mono text-lg tracking-wider break-all">
            {secretGroups.join(' ')}
          </code>
        </p>
      </li>
      <li>{t('stepCode')}</li>
    </ol>
  );
}
