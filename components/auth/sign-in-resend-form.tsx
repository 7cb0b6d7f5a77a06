'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { resendCodeAction } from '@/lib/auth/actions/sign-in';
import type { ResendFormState } from '@/lib/auth/sign-in-schemas';

const initialState: ResendFormState = { attempt: 0, outcome: 'none' };

/** "Send a new code", under its limit of 5 in 15 minutes. The answer is announced where the button is. */
export function SignInResendForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations('signIn');
  const [state, action] = useActionState(resendCodeAction, initialState);
  return (
    <form action={action}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {/* Present before any answer, so screen readers announce the answer when it appears in it. */}
      <div role="status">
        {state.message ? (
          <Alert key={state.attempt} type={state.outcome === 'throttled' ? 'warning' : 'success'} className="mt-0">
            {state.message}
          </Alert>
        ) : null}
      </div>
      <SubmitButton variant="secondary">{t('resend.button')}</SubmitButton>
    </form>
  );
}
