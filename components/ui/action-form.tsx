'use client';

import { useActionState, type ReactNode } from 'react';
import { initialFormState, type FormState } from '@/lib/forms/form-state';
import { ErrorSummary } from './error-summary';
import { toErrorSummaryItems } from './error-summary-items';

/**
 * A form posting to a server action that answers with FormState: the error summary above it and the
 * form itself, both mounted afresh after each failed submit (so the summary takes focus and the
 * fields show what the answer says was typed). Works without JavaScript. The fields come from
 * `children`, given the latest answer.
 */
export function ActionForm<State extends FormState>({
  action,
  fields,
  className,
  children,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
  /** The fields in page order, for the order of the error summary. */
  fields: readonly string[];
  className?: string;
  children: (state: State) => ReactNode;
}) {
  const [state, formAction] = useActionState<State, FormData>(action, initialFormState as Awaited<State>);
  return (
    <>
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(state.fieldErrors, fields)} formError={state.formError} />
      <form key={state.attempt} action={formAction} noValidate className={className}>
        {children(state)}
      </form>
    </>
  );
}
