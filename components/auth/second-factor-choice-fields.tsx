'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { RadioGroup } from '@/components/ui/choice-group';
import { TextInput } from '@/components/ui/form-group';
import type { SecondFactorMethod } from '@/lib/auth/sign-up-schema';
import { useScripted } from './use-scripted';

export interface SecondFactorChoiceFieldsProps {
  defaultMethod?: string;
  defaultPhone?: string;
  errors?: Partial<Record<'secondFactor' | 'phone', string>>;
  /** Render the question as the page's h1 (a page that asks only this). */
  pageHeading?: boolean;
  /** Replaces the standard hint under the question. */
  hint?: string;
  /** Whether the portal offers texting (lib/notifications/config.ts textingOffered); without it, no text-message choice. */
  texting: boolean;
}

// Text message last, so the phone question that belongs to it comes right after it.
const methods: SecondFactorMethod[] = ['totp', 'email', 'sms'];

/**
 * "How do you want to get your code when you sign in?": authenticator app, text message or email,
 * with the mobile number for text messages. Posts `secondFactor` and `phone`. With JavaScript the
 * phone question shows only when text message is chosen; without it, it is always there and its
 * hint says when it is needed. Used by sign-up and by settings (changing the second step).
 */
export function SecondFactorChoiceFields({ defaultMethod, defaultPhone, errors, pageHeading, hint, texting }: SecondFactorChoiceFieldsProps) {
  const t = useTranslations('secondFactor.choice');
  const scripted = useScripted();
  const [method, setMethod] = useState(defaultMethod ?? '');
  return (
    <>
      <RadioGroup
        id="secondFactor"
        legend={t('legend')}
        hint={hint ?? t('hint')}
        pageHeading={pageHeading}
        error={errors?.secondFactor}
        defaultValue={defaultMethod}
        options={methods.filter((value) => texting || value !== 'sms').map((value) => ({ value, label: t(value), hint: t(`${value}Hint`) }))}
        inputProps={{ onChange: (event) => setMethod(event.target.value) }}
      />
      {texting ? (
        <div hidden={scripted && method !== 'sms'} className="ml-9">
          <TextInput
            id="phone"
            type="tel"
            label={t('phoneLabel')}
            hint={t('phoneHint')}
            autoComplete="tel"
            width="lg"
            defaultValue={defaultPhone}
            error={errors?.phone}
          />
        </div>
      ) : null}
    </>
  );
}
