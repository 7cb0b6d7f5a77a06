import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { totpEnrolment, type PendingSecondFactor } from '@/lib/auth/second-factor-setup';
import { phoneEnding } from '@/lib/auth/sign-in-display';
import type { CodeFormState, ResendFormState } from '@/lib/auth/sign-up-schema';
import { getTranslations } from '@/lib/i18n/server';
import { SecondFactorCodeForm, SecondFactorContinueForm } from './second-factor-code-form';
import { SecondFactorResendForm } from './second-factor-resend-form';
import { SecondFactorTotpInstructions } from './second-factor-totp-instructions';

export interface SecondFactorProofProps {
  /** The method being set up, as chosen on the page before. */
  setup: PendingSecondFactor;
  /** The account's email address: the authenticator's label, and where emailed codes go. */
  email: string;
  /** A line above the heading naming the task (settings, staff set-up). */
  caption?: string;
  /** The step indicator of the sequence, when the page is one step of several. */
  steps?: ReactNode;
  /** Checks the code (or, for email, carries on). */
  confirm: (previous: CodeFormState, form: FormData) => Promise<CodeFormState>;
  /** Sends a new text. */
  resend: (previous: ResendFormState) => Promise<ResendFormState>;
  /** The page's way out, under the form (choose another method, cancel). */
  after?: ReactNode;
}

/**
 * Proving a second step before it is turned on, the same at sign-up, in settings and when setting
 * up a staff account: the authenticator's QR code and key then its code, a texted code with a way
 * to send another, or (for email) a button to carry on.
 */
export async function SecondFactorProof({ setup, email, caption, steps, confirm, resend, after }: SecondFactorProofProps) {
  const tf = await getTranslations('secondFactor');
  if (setup.method === 'totp') {
    const enrolment = await totpEnrolment(email, setup.secret);
    return (
      <>
        <PageHeading caption={caption} lead={tf('totp.lead')}>
          {tf('totp.title')}
        </PageHeading>
        {steps}
        <SecondFactorTotpInstructions qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirm} label={tf('totp.codeLabel')} hint={tf('totp.codeHint')} submitLabel={tf('submit')} />
        </ClientMessages>
        {after}
      </>
    );
  }

  if (setup.method === 'sms') {
    return (
      <>
        <PageHeading caption={caption} lead={tf('sms.lead', { ending: phoneEnding(setup.phone) ?? '' })}>
          {tf('sms.title')}
        </PageHeading>
        {steps}
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirm} label={tf('sms.codeLabel')} hint={tf('sms.codeHint')} submitLabel={tf('submit')}>
            <p className="mt-4 mb-0">{tf('sms.expiry')}</p>
          </SecondFactorCodeForm>
          <h2 className="mt-12 text-[1.3125rem]">{tf('sms.resendTitle')}</h2>
          <p className="max-w-[40rem]">{tf('sms.resendBody')}</p>
          <SecondFactorResendForm action={resend} label={tf('sms.resend')} />
        </ClientMessages>
        {after}
      </>
    );
  }

  return (
    <>
      <PageHeading caption={caption} lead={tf('email.lead', { email })}>
        {tf('email.title')}
      </PageHeading>
      {steps}
      <ClientMessages namespaces={['secondFactor']}>
        <SecondFactorContinueForm action={confirm} submitLabel={tf('submit')} />
      </ClientMessages>
      {after}
    </>
  );
}
