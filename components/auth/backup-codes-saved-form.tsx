'use client';

import { useActionState } from 'react';
import { Checkbox } from '@/components/ui/choice-group';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ConfirmSavedFormState } from '@/lib/auth/sign-up-schema';

export interface BackupCodesSavedFormProps {
  /** A server action: refuses without the box ticked, otherwise carries on (redirects). */
  action: (previous: ConfirmSavedFormState, form: FormData) => Promise<ConfirmSavedFormState>;
  checkboxLabel: string;
  submitLabel: string;
}

/** "I have saved my backup codes" and a button: the codes are never shown again, so the person says they kept them. */
export function BackupCodesSavedForm({ action, checkboxLabel, submitLabel }: BackupCodesSavedFormProps) {
  const [state, formAction] = useActionState(action, { attempt: 0 } satisfies ConfirmSavedFormState);
  return (
    <div className="no-print">
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(state.fieldErrors, ['saved'])} />
      <form key={state.attempt} action={formAction} noValidate>
        <Checkbox id="saved" name="saved" value="yes" label={checkboxLabel} error={state.fieldErrors?.saved} />
        <SubmitButton className="mt-8">{submitLabel}</SubmitButton>
      </form>
    </div>
  );
}
