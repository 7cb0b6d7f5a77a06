'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { Checkbox } from '@/components/ui/choice-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInAction } from '@/lib/auth/actions/sign-in';
import type { SignInFormState } from '@/lib/auth/sign-in-schemas';

const initialState: SignInFormState = { attempt: 0, email: '' };

/**
 * Step one: email address and password. A plain form posting to the server action, so it works
 * without JavaScript; the page re-renders with what was typed (never the password) and the errors.
 */
export function SignInForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations('signIn');
  const [state, action] = useActionState(signInAction, initialState);
  const errors = toErrorSummaryItems(state.fieldErrors, ['email', 'password']);

  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={errors} formError={state.formError} />
      {/* Keyed by attempt: React 19 resets uncontrolled fields after an action, so each attempt mounts
          fresh fields with the typed email as their default and an empty password. */}
      <form key={`form-${state.attempt}`} action={action} noValidate className="max-w-[30rem]">
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextInput
          id="email"
          type="email"
          label={t('email.label')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={state.email}
          error={state.fieldErrors?.email}
        />
        <PasswordField label={t('password.label')} showLabel={t('password.show')} error={state.fieldErrors?.password} />
        <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}

const noSubscription = () => () => {};

/** A password field; with JavaScript, a "Show password" box under it (without, there is nothing to show it with). */
function PasswordField({ label, showLabel, error }: { label: string; showLabel: string; error?: string }) {
  const [shown, setShown] = useState(false);
  // False on the server and while hydrating, true once scripts run: the box appears only when it can work.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <>
      <TextInput id="password" type={shown ? 'text' : 'password'} label={label} autoComplete="current-password" spellCheck={false} error={error} />
      {scripted ? (
        <Checkbox
          id="show-password"
          name=""
          label={showLabel}
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
          aria-controls="password"
        />
      ) : null}
    </>
  );
}
