'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Checkbox, RadioGroup } from '@/components/ui/choice-group';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { Select, TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { CALLBACK_FIELDS, CALLBACK_TOPICS } from '@/lib/callbacks/callback-rules';
import { requestCallbackAction, type CallbackRequestState } from '@/lib/callbacks/customer-actions';

export interface CallbackFormDefaults {
  receiptNumber: string;
  phone: string;
  language: 'en' | 'es';
}

/**
 * The callback request: case, topic, urgency, phone, language and the text-ahead opt-in (offered
 * only when texts can be sent). A plain form posting to the server action: it works without
 * JavaScript, and a failed submit comes back with everything as chosen and the errors.
 */
export function CallbackRequestForm({ cases, defaults, textingOffered }: { cases: { receiptNumber: string; formType: string }[]; defaults: CallbackFormDefaults; textingOffered: boolean }) {
  const t = useTranslations('callbackRequest');
  const [state, action] = useActionState(requestCallbackAction, { attempt: 0 } as CallbackRequestState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const chosen = (field: (typeof CALLBACK_FIELDS)[number], fallback: string) => (state.values ? (values[field] ?? '') : fallback);
  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(errors, CALLBACK_FIELDS)} formError={state.formError} />
      <form key={`form-${state.attempt}`} action={action} noValidate className="max-w-[40rem]">
        <Select
          id="receiptNumber"
          label={t('receiptNumber.label')}
          hint={t('receiptNumber.hint')}
          error={errors.receiptNumber}
          placeholder={t('receiptNumber.none')}
          defaultValue={chosen('receiptNumber', defaults.receiptNumber)}
          options={cases.map((c) => ({ value: c.receiptNumber, label: `${c.receiptNumber} (${c.formType})` }))}
        />
        <Select
          id="topic"
          label={t('topic.label')}
          error={errors.topic}
          defaultValue={chosen('topic', '')}
          options={CALLBACK_TOPICS.map((topic) => ({ value: topic, label: t(`topic.options.${topic}`) }))}
        />
        <RadioGroup
          id="urgency"
          name="urgency"
          legend={t('urgency.legend')}
          error={errors.urgency}
          defaultValue={chosen('urgency', '')}
          options={[
            { value: 'urgent', label: t('urgency.urgent'), hint: t('urgency.urgentHint') },
            { value: 'regular', label: t('urgency.regular'), hint: t('urgency.regularHint') },
          ]}
        />
        <TextInput
          id="phone"
          label={t('phone.label')}
          hint={t('phone.hint')}
          error={errors.phone}
          type="tel"
          autoComplete="tel"
          width="lg"
          defaultValue={chosen('phone', defaults.phone)}
        />
        <RadioGroup
          id="language"
          name="language"
          legend={t('language.legend')}
          error={errors.language}
          defaultValue={chosen('language', defaults.language)}
          inline
          options={[
            { value: 'en', label: t('language.en') },
            { value: 'es', label: t('language.es') },
          ]}
        />
        {textingOffered ? (
          <Checkbox
              id="textAhead"
              name="textAhead"
              value="yes"
              label={t('textAhead.label')}
              hint={t('textAhead.hint')}
              error={errors.textAhead}
              defaultChecked={state.values ? values.textAhead === 'yes' : false}
            />
        ) : null}
        <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
