'use client';

import { useTranslations } from 'next-intl';
import { SecondFactorChoiceFields } from '@/components/auth/second-factor-choice-fields';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { chooseSecondFactorAction, type ChooseSecondFactorState } from '@/lib/auth/actions/settings';
import { Link } from '@/lib/i18n/link';

/**
 * Changing the second step: the password again and the new method (the choice fields shared with
 * sign-up). The password is never sent back; the choice is.
 */
export function ChooseSecondFactorForm({
  email,
  defaultMethod,
  defaultPhone,
  texting,
}: {
  email: string;
  defaultMethod?: string;
  defaultPhone?: string;
  texting: boolean;
}) {
  const t = useTranslations('settings');
  return (
    <ActionForm action={chooseSecondFactorAction} fields={['password', 'secondFactor', 'phone']} className="max-w-[40rem]">
      {(state: ChooseSecondFactorState) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
            <TextInput
              id="password"
              type="password"
              label={t('confirmPassword.label')}
              hint={t('confirmPassword.hint')}
              autoComplete="current-password"
              spellCheck={false}
              error={errors.password}
            />
            <SecondFactorChoiceFields
              defaultMethod={state.values?.secondFactor ?? defaultMethod}
              defaultPhone={state.values?.phone ?? defaultPhone}
              errors={errors}
              texting={texting}
            />
            <div className="mt-8 flex flex-wrap items-center gap-6">
              <SubmitButton>{t('secondFactor.continue')}</SubmitButton>
              <Link href="/settings/security" className="inline-flex min-h-11 items-center">
                {t('secondFactor.cancel')}
              </Link>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
