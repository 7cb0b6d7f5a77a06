'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Fieldset, RadioGroup } from '@/components/ui/choice-group';
import { Select, TextInput, Textarea, type SelectOption } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { DECISION_FIELDS } from '@/lib/appointment-requests/decision-form';
import { decideRequestAction, type DecisionState } from '@/lib/appointment-requests/officer-actions';

export interface DecisionFormProps {
  reference: string;
  /** Offices, each labelled with its time zone, so the time is read as the office's. */
  offices: SelectOption[];
  /** The office the requester preferred. */
  preferredOfficeId: string;
  times: SelectOption[];
  /** The not-needed message, prefilled in the requester's language for the officer to edit. */
  template: string;
  languageName: string;
  dateExample: string;
}

/**
 * The claimant's decision: a radio group, then what each decision needs. Every part is on the page
 * (it works without JavaScript); only the chosen decision's fields are checked, and after a refused
 * submit everything typed comes back.
 */
export function DecisionForm({ reference, offices, preferredOfficeId, times, template, languageName, dateExample }: DecisionFormProps) {
  const t = useTranslations('officerRequests.decision');
  return (
    <ActionForm action={decideRequestAction} fields={DECISION_FIELDS} className="max-w-[40rem]">
      {(state: DecisionState) => {
        const values = state.values ?? {};
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="reference" value={reference} />
            <RadioGroup
              id="decision"
              legend={t('legend')}
              defaultValue={values.decision}
              error={errors.decision}
              options={[
                { value: 'schedule', label: t('schedule'), hint: t('scheduleHint') },
                { value: 'not_needed', label: t('notNeeded'), hint: t('notNeededHint') },
                { value: 'more_info', label: t('moreInfo'), hint: t('moreInfoHint') },
              ]}
            />
            <Fieldset id="schedule-details" legend={t('scheduleLegend')} groupClassName="border-l-4 border-base-lighter pl-5">
              <Select
                id="fieldOfficeId"
                label={t('office')}
                options={offices}
                placeholder={null}
                defaultValue={values.fieldOfficeId ?? preferredOfficeId}
                error={errors.fieldOfficeId}
              />
              <TextInput id="date" type="date" label={t('date')} hint={t('dateHint', { example: dateExample })} width="md" defaultValue={values.date} error={errors.date} />
              <Select id="time" label={t('time')} hint={t('timeHint')} options={times} width="md" defaultValue={values.time ?? ''} error={errors.time} />
            </Fieldset>
            <Fieldset id="not-needed-details" legend={t('notNeededLegend')} groupClassName="border-l-4 border-base-lighter pl-5">
              <Textarea
                id="message"
                label={t('message')}
                hint={t('messageHint', { language: languageName })}
                rows={6}
                defaultValue={values.message ?? template}
                error={errors.message}
              />
            </Fieldset>
            <Fieldset id="more-info-details" legend={t('moreInfoLegend')} groupClassName="border-l-4 border-base-lighter pl-5">
              <Textarea id="question" label={t('question')} hint={t('questionHint')} rows={4} defaultValue={values.question} error={errors.question} />
              <RadioGroup
                id="followUpBy"
                legend={t('followUpBy')}
                inline
                defaultValue={values.followUpBy}
                error={errors.followUpBy}
                options={[
                  { value: 'email', label: t('followUpByEmail') },
                  { value: 'phone', label: t('followUpByPhone') },
                ]}
              />
            </Fieldset>
            <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
