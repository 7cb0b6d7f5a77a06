'use client';

import { useActionState, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import type { CodeFormState } from '@/lib/auth/sign-up-schema';

const initialState: CodeFormState = { attempt: 0 };

export interface SecondFactorCodeFormProps {
  /** A server action answering with CodeFormState (or redirecting on success). */
  action: (previous: CodeFormState, form: FormData) => Promise<CodeFormState>;
  label: string;
  hint?: string;
  submitLabel: string;
  /** Shown between the field and the button (e.g. when the code expires). */
  children?: ReactNode;
}

/**
 * One six-digit code and a button: the emailed code at sign-up, the authenticator's or the texted
 * code when setting up the second step (at sign-up or in settings). Posts `code`. Works without
 * JavaScript; each failed submit mounts a fresh, empty field and an error summary that takes focus.
 */
export function SecondFactorCodeForm({ action, label, hint, submitLabel, children }: SecondFactorCodeFormProps) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <>
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(state.fieldErrors, ['code'])} formError={state.formError} />
      <form key={state.attempt} action={formAction} noValidate className="max-w-[30rem]">
        <TextInput
          id="code"
          label={label}
          hint={hint}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="md"
          className="tracking-[0.2em]"
          error={state.fieldErrors?.code}
        />
        {children}
        <SubmitButton className="mt-8">{submitLabel}</SubmitButton>
      </form>
    </>
  );
}

/** For a method that needs no code (email codes after the address was confirmed): a button alone. */
export function SecondFactorContinueForm({ action, submitLabel }: Pick<SecondFactorCodeFormProps, 'action' | 'submitLabel'>) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <>
      <ErrorSummary key={state.attempt} errors={[]} formError={state.formError} />
      <form action={formAction}>
        <SubmitButton className="mt-4">{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
