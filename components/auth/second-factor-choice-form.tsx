'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ChoiceFormState } from '@/lib/auth/sign-up-schema';
import { SecondFactorChoiceFields } from './second-factor-choice-fields';

export interface SecondFactorChoiceFormProps {
  /** A server action answering with ChoiceFormState, or redirecting to the set-up once the choice is valid. */
  action: (previous: ChoiceFormState, form: FormData) => Promise<ChoiceFormState>;
  submitLabel: string;
  defaultMethod?: string;
  defaultPhone?: string;
  hint?: string;
  texting: boolean;
}

/** The choice of second step on a page of its own (sign-up's second step, or changing it in settings). */
export function SecondFactorChoiceForm({ action, submitLabel, defaultMethod, defaultPhone, hint, texting }: SecondFactorChoiceFormProps) {
  const [state, formAction] = useActionState(action, { attempt: 0, values: {} } satisfies ChoiceFormState);
  return (
    <>
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(state.fieldErrors, ['secondFactor', 'phone'])} />
      <form key={state.attempt} action={formAction} noValidate className="max-w-[40rem]">
        <SecondFactorChoiceFields
          defaultMethod={state.values.secondFactor ?? defaultMethod}
          defaultPhone={state.values.phone ?? defaultPhone}
          errors={state.fieldErrors}
          hint={hint}
          texting={texting}
        />
        <SubmitButton className="mt-8">{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
