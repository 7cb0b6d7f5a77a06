'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Checkbox, RadioGroup } from '@/components/ui/choice-group';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { Select, TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { signUpAction } from '@/lib/auth/actions/sign-up';
import {
  SIGN_UP_FIELDS,
  US_STATES_AND_TERRITORIES,
  parseSignUp,
  signUpErrorKey,
  type SignUpFormState,
} from '@/lib/auth/sign-up-schema';
import { SecondFactorChoiceFields } from './second-factor-choice-fields';
import { useScripted } from './use-scripted';

const initialState: SignUpFormState = { attempt: 0, values: {} };

/** Errors found in the browser before sending, tied to the server answer they came after. */
interface BrowserCheck {
  afterAttempt: number;
  count: number;
  fieldErrors: SignUpFormState['fieldErrors'];
}

/**
 * The account details (step 1 of signing up). A plain form posting to the server action, so it works
 * without JavaScript; with it, the same rules run first in the browser (the length of the password
 * only: the common-password list stays on the server), and questions that do not apply are hidden.
 */
export function SignUpForm({ locale, texting }: { locale: 'en' | 'es'; texting: boolean }) {
  const t = useTranslations('signUp');
  const translate = useTranslations() as unknown as (key: string) => string;
  const [state, action] = useActionState(signUpAction, initialState);
  const [browserCheck, setBrowserCheck] = useState<BrowserCheck | null>(null);
  const scripted = useScripted();
  const values = state.values;
  const [role, setRole] = useState(values.role ?? '');
  const [kind, setKind] = useState(values.representativeKind ?? '');
  const [shown, setShown] = useState(false);

  // A new answer from the server starts afresh: the fields remount (key) with what was typed.
  const [seenAttempt, setSeenAttempt] = useState(state.attempt);
  if (seenAttempt !== state.attempt) {
    setSeenAttempt(state.attempt);
    setRole(values.role ?? '');
    setKind(values.representativeKind ?? '');
  }

  const current = browserCheck && browserCheck.afterAttempt === state.attempt ? browserCheck : null;
  const fieldErrors = current ? current.fieldErrors : state.fieldErrors;
  const errors = toErrorSummaryItems(fieldErrors, SIGN_UP_FIELDS);
  const error = (field: (typeof SIGN_UP_FIELDS)[number]) => fieldErrors?.[field];

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const raw = Object.fromEntries([...new FormData(event.currentTarget)].filter(([, v]) => typeof v === 'string'));
    const result = parseSignUp(raw);
    if (result.ok) return;
    event.preventDefault();
    const messages: SignUpFormState['fieldErrors'] = {};
    for (const field of SIGN_UP_FIELDS) {
      const code = result.errors[field];
      if (code) messages[field] = translate(signUpErrorKey(field, code));
    }
    setBrowserCheck({ afterAttempt: state.attempt, count: (current?.count ?? 0) + 1, fieldErrors: messages });
  }

  const showRepresentative = !scripted || role === 'representative';
  const showAttorney = !scripted || kind === 'attorney';
  const showAccredited = !scripted || kind === 'accredited_representative';

  return (
    <>
      <ErrorSummary key={`${state.attempt}-${current?.count ?? 0}`} errors={errors} formError={current ? undefined : state.formError} />
      <form key={state.attempt} action={action} onSubmit={checkBeforeSending} noValidate className="max-w-[40rem]">
        <RadioGroup
          id="role"
          legend={t('role.legend')}
          error={error('role')}
          defaultValue={values.role}
          options={[
            { value: 'applicant', label: t('role.applicant'), hint: t('role.applicantHint') },
            { value: 'representative', label: t('role.representative'), hint: t('role.representativeHint') },
          ]}
          inputProps={{ onChange: (event) => setRole(event.target.value) }}
        />

        <h2 className="mt-10 text-[1.3125rem]">{t('aboutYou')}</h2>
        <TextInput id="givenName" label={t('givenName.label')} autoComplete="given-name" spellCheck={false} width="xl" defaultValue={values.givenName} error={error('givenName')} />
        <TextInput id="familyName" label={t('familyName.label')} autoComplete="family-name" spellCheck={false} width="xl" defaultValue={values.familyName} error={error('familyName')} />
        <TextInput
          id="email"
          type="email"
          label={t('email.label')}
          hint={t('email.hint')}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values.email}
          error={error('email')}
        />
        <TextInput id="password" type={shown ? 'text' : 'password'} label={t('password.label')} hint={t('password.hint')} autoComplete="new-password" spellCheck={false} error={error('password')} />
        {scripted ? (
          <Checkbox id="show-password" name="" label={t('password.show')} checked={shown} onChange={(event) => setShown(event.target.checked)} aria-controls="password" groupClassName="mt-2" />
        ) : null}
        <RadioGroup
          id="preferredLanguage"
          legend={t('language.legend')}
          hint={t('language.hint')}
          inline
          error={error('preferredLanguage')}
          defaultValue={values.preferredLanguage ?? locale}
          options={[
            { value: 'en', label: <span lang="en">{t('language.en')}</span> },
            { value: 'es', label: <span lang="es">{t('language.es')}</span> },
          ]}
        />

        <h2 className="mt-10 text-[1.3125rem]">{t('secondStepHeading')}</h2>
        <SecondFactorChoiceFields
          defaultMethod={values.secondFactor}
          defaultPhone={values.phone}
          errors={{ secondFactor: error('secondFactor'), phone: error('phone') }}
          texting={texting}
        />

        <section hidden={!showRepresentative} aria-labelledby="representative-heading">
          <h2 id="representative-heading" className="mt-10 text-[1.3125rem]">
            {t('representative.heading')}
          </h2>
          {scripted ? null : <p>{t('representative.intro')}</p>}
          <RadioGroup
            id="representativeKind"
            legend={t('representative.kind.legend')}
            error={error('representativeKind')}
            defaultValue={values.representativeKind}
            options={[
              { value: 'attorney', label: t('representative.kind.attorney') },
              { value: 'accredited_representative', label: t('representative.kind.accredited_representative'), hint: t('representative.kind.accreditedHint') },
            ]}
            inputProps={{ onChange: (event) => setKind(event.target.value) }}
          />
          <div hidden={!showAttorney}>
            <TextInput
              id="barNumber"
              label={t('representative.barNumber.label')}
              hint={scripted ? undefined : t('representative.barNumber.hint')}
              autoComplete="off"
              spellCheck={false}
              width="lg"
              defaultValue={values.barNumber}
              error={error('barNumber')}
            />
            <Select
              id="licensingState"
              label={t('representative.licensingState.label')}
              hint={scripted ? undefined : t('representative.licensingState.hint')}
              width="xl"
              defaultValue={values.licensingState ?? ''}
              error={error('licensingState')}
              options={US_STATES_AND_TERRITORIES.map((code) => ({ value: code, label: t(`states.${code}`) }))}
            />
          </div>
          <div hidden={!showAccredited}>
            <TextInput
              id="accreditationNumber"
              label={t('representative.accreditationNumber.label')}
              hint={scripted ? undefined : t('representative.accreditationNumber.hint')}
              autoComplete="off"
              spellCheck={false}
              width="lg"
              defaultValue={values.accreditationNumber}
              error={error('accreditationNumber')}
            />
          </div>
          <TextInput id="organisation" label={t('representative.organisation.label')} autoComplete="organization" defaultValue={values.organisation} error={error('organisation')} />
          <RadioGroup
            id="sector"
            legend={t('representative.sector.legend')}
            error={error('sector')}
            defaultValue={values.sector}
            options={[
              { value: 'private', label: t('representative.sector.private') },
              { value: 'nonprofit', label: t('representative.sector.nonprofit') },
            ]}
          />
        </section>

        <SubmitButton className="mt-10">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
