'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { RadioGroup, type ChoiceOption } from '@/components/ui/choice-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { chooseCentreAction, chooseGoodCauseAction, chooseTimeAction, confirmRescheduleAction } from '@/lib/biometrics/reschedule-actions';
import type { FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
const actions: Record<'goodCause' | 'ascId' | 'slotId' | 'confirmBy', Action> = {
  goodCause: chooseGoodCauseAction,
  ascId: chooseCentreAction,
  slotId: chooseTimeAction,
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

/** The open times of a week: one group per day, each time a radio; the error summary links to the first. */
export function TimeChoiceForm({
  receiptNumber,
  legend,
  hint,
  days,
  chosen,
}: {
  receiptNumber: string;
  legend: ReactNode;
  hint: ReactNode;
  days: { date: string; label: string; options: ChoiceOption[] }[];
  chosen?: string;
}) {
  const t = useTranslations('reschedule.flow');
  return (
    <ActionForm action={actions.slotId} fields={['slotId']} className="max-w-[40rem]">
      {(state: FormState) => {
        const error = state.fieldErrors?.slotId;
        return (
          <>
            <input type="hidden" name="receiptNumber" value={receiptNumber} />
            <fieldset className="m-0 min-w-0 border-0 p-0" aria-describedby={error ? 'slotId-error slotId-hint' : 'slotId-hint'}>
              <legend className="mb-2 p-0">
                <h1 className="mb-0">{legend}</h1>
              </legend>
              <p id="slotId-hint" className="hint">
                {hint}
              </p>
              {error ? (
                <p id="slotId-error" className="error-message">
                  {error}
                </p>
              ) : null}
              {days.map((day, index) => (
                <RadioGroup
                  key={day.date}
                  // The first option of the first day carries the field's id: the error summary's link lands there.
                  id={index === 0 ? 'slotId' : `slotId-${day.date}`}
                  name="slotId"
                  legend={day.label}
                  options={day.options}
                  defaultValue={chosen}
                  groupClassName="mt-6"
                />
              ))}
            </fieldset>
            <SubmitButton className="mt-8">{t('continue')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
