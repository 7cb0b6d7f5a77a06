'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { RadioGroup, type ChoiceOption } from '@/components/ui/choice-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { chooseCentreAction, chooseGoodCauseAction, confirmRescheduleAction } from '@/lib/biometrics/reschedule-actions';
import type { FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
const actions: Record<'goodCause' | 'ascId' | 'confirmBy', Action> = {
  goodCause: chooseGoodCauseAction,
  ascId: chooseCentreAction,
  confirmBy: confirmRescheduleAction,
};

/**
 * One page of the reschedule flow: a single radio group (the cause, the centre, the confirmation's
 * channel) and its button, posting the case and what was chosen. The options come from the server
 * page, already in words. Works without JavaScript.
 */
export function RescheduleChoiceForm({
  name,
  receiptNumber,
  legend,
  hint,
  options,
  chosen,
  hidden,
  submit,
  pageHeading,
}: {
  name: 'goodCause' | 'ascId' | 'confirmBy';
  receiptNumber: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: ChoiceOption[];
  chosen?: string;
  hidden?: Record<string, string>;
  submit?: string;
  pageHeading?: boolean;
}) {
  const t = useTranslations('reschedule.flow');
  return (
    <ActionForm action={actions[name]} fields={[name]} className="max-w-[40rem]">
      {(state: FormState) => (
        <>
          <input type="hidden" name="receiptNumber" value={receiptNumber} />
          {Object.entries(hidden ?? {}).map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <RadioGroup id={name} pageHeading={pageHeading} legend={legend} hint={hint} options={options} defaultValue={chosen} error={state.fieldErrors?.[name]} />
          <SubmitButton className="mt-8">{submit ?? t('continue')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
