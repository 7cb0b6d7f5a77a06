'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { verifyCodeAction } from '@/lib/auth/actions/sign-in';
import type { CodeFormState, SecondStepMethod } from '@/lib/auth/sign-in-schemas';

const initialState: CodeFormState = { attempt: 0 };

/**
 * Step two: the code from the person's method, or one of their backup codes. Works without
 * JavaScript. A password reset asks the same with its own action.
 */
export function SignInCodeForm({
  method,
  returnTo,
  action: submit = verifyCodeAction,
}: {
  method: SecondStepMethod;
  returnTo: string | null;
  action?: (previous: CodeFormState, form: FormData) => Promise<CodeFormState>;
}) {
  const t = useTranslations('signIn');
  const [state, action] = useActionState(submit, initialState);
  const backup = method === 'backup';

  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(state.fieldErrors, ['code'])} formError={state.formError} />
      {/* A code that was wrong is not shown again: each attempt mounts an empty field. */}
      <form key={`form-${state.attempt}`} action={action} noValidate>
        <input type="hidden" name="method" value={method} />
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextInput
          id="code"
          label={t(backup ? 'verify.backupLabel' : 'verify.codeLabel')}
          hint={t(backup ? 'verify.backupHint' : 'verify.codeHint')}
          error={state.fieldErrors?.code}
          width={backup ? 'md' : 'sm'}
          autoComplete={backup ? 'off' : 'one-time-code'}
          inputMode={backup ? 'text' : 'numeric'}
          autoCapitalize={backup ? 'characters' : 'none'}
          spellCheck={false}
          className="tracking-widest"
        />
        <SubmitButton className="mt-8">{t('verify.submit')}</SubmitButton>
      </form>
    </>
  );
}
