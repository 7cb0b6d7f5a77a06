'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { RadioGroup } from '@/components/ui/choice-group';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { Textarea } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';
import { recordCallOutcomeAction, startCallbackAction, type CallOutcomeState } from '@/lib/callbacks/officer-actions';

/** "Start callback": one button, a plain form (works without JavaScript). */
export function StartCallbackForm({ serviceRequestNumber, hint }: { serviceRequestNumber: string; hint: string }) {
  const t = useTranslations('callbacks.officer');
  const [, action] = useActionState(startCallbackAction, { attempt: 0 } as FormState);
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="serviceRequestNumber" value={serviceRequestNumber} />
      <p className="max-w-[40rem]">{hint}</p>
      <SubmitButton>{t('start')}</SubmitButton>
    </form>
  );
}

/** How the call went: "Reached" or "No answer", and a note. */
export function CallOutcomeForm({ serviceRequestNumber }: { serviceRequestNumber: string }) {
  const t = useTranslations('callbacks.officer.outcome');
  const [state, action] = useActionState(recordCallOutcomeAction, { attempt: 0 } as CallOutcomeState);
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(errors, ['outcome', 'note'])} formError={state.formError} />
      <form key={`form-${state.attempt}`} action={action} noValidate className="mt-6 max-w-[40rem]">
        <input type="hidden" name="serviceRequestNumber" value={serviceRequestNumber} />
        <RadioGroup
          id="outcome"
          legend={t('legend')}
          error={errors.outcome}
          defaultValue={state.values?.outcome}
          options={[
            { value: 'reached', label: t('reached') },
            { value: 'no_answer', label: t('noAnswer') },
          ]}
        />
        <Textarea id="note" label={t('note')} rows={3} error={errors.note} defaultValue={state.values?.note} />
        <SubmitButton className="mt-4">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
