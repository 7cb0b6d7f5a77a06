'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ResendFormState } from '@/lib/auth/sign-up-schema';

const initialState: ResendFormState = { attempt: 0, outcome: 'none' };

/** "Send a new code": a secondary button whose answer (sent, or wait N minutes) is announced where it is. */
export function SecondFactorResendForm({ action, label }: { action: (previous: ResendFormState) => Promise<ResendFormState>; label: string }) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction}>
      {/* Present before any answer, so screen readers announce the answer when it appears in it. */}
      <div role="status">
        {state.message ? (
          <Alert key={state.attempt} type={state.outcome === 'throttled' ? 'warning' : 'success'} className="mt-0">
            {state.message}
          </Alert>
        ) : null}
      </div>
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </form>
  );
}
