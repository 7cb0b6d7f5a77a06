'use client';

import { useTranslations } from 'next-intl';
import { RadioGroup } from '@/components/ui/choice-group';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { updateSettingsAction, type AccountSettingsState } from '@/lib/auth/actions/settings';
import type { AccountSettingsField } from '@/lib/auth/account-settings';

const order: AccountSettingsField[] = ['givenName', 'familyName', 'phone', 'preferredLanguage', 'notificationChannel'];

export interface AccountSettingsValues {
  givenName: string;
  familyName: string;
  /** As people read it, e.g. "(602) 555-0143"; empty when none. */
  phone: string;
  preferredLanguage: 'en' | 'es';
  notificationChannel: 'email' | 'sms';
}

/**
 * Name, phone, language and notifications. A plain form posting to the server action (works without
 * JavaScript); after a failed submit the fields come back with what was typed and their errors.
 * When text messages carry the sign-in codes, the phone is read-only here: changing it is changing
 * the second sign-in step, which asks for the password (security settings).
 */
export function AccountSettingsForm({
  saved,
  email,
  phoneIsSecondFactor,
  texting,
}: {
  saved: AccountSettingsValues;
  email: string;
  phoneIsSecondFactor: boolean;
  /** Without texting, no text-message choice for notifications. */
  texting: boolean;
}) {
  const t = useTranslations('settings.account');
  return (
    <ActionForm action={updateSettingsAction} fields={order} className="max-w-[30rem]">
      {(state: AccountSettingsState) => {
        const values = { ...saved, ...state.values };
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <TextInput id="givenName" label={t('givenName.label')} autoComplete="given-name" defaultValue={values.givenName} error={errors.givenName} />
            <TextInput id="familyName" label={t('familyName.label')} autoComplete="family-name" defaultValue={values.familyName} error={errors.familyName} />
            <TextInput
              id="phone"
              type="tel"
              label={t('phone.label')}
              hint={phoneIsSecondFactor ? t('phone.hintSecondFactor') : t('phone.hint')}
              optional={!phoneIsSecondFactor}
              autoComplete="tel"
              width="lg"
              readOnly={phoneIsSecondFactor}
              defaultValue={values.phone}
              error={errors.phone}
            />
            <RadioGroup
              id="preferredLanguage"
              legend={t('language.legend')}
              hint={t('language.hint')}
              defaultValue={values.preferredLanguage}
              error={errors.preferredLanguage}
              options={[
                { value: 'en', label: <span lang="en">English</span> },
                { value: 'es', label: <span lang="es">Español</span> },
              ]}
            />
            <RadioGroup
              id="notificationChannel"
              legend={t('channel.legend')}
              hint={t('channel.hint')}
              defaultValue={values.notificationChannel}
              error={errors.notificationChannel}
              options={[
                { value: 'email', label: t('channel.email'), hint: t('channel.emailHint', { email }) },
                ...(texting ? [{ value: 'sms', label: t('channel.sms'), hint: t('channel.smsHint') }] : []),
              ]}
            />
            <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
