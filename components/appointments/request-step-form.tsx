'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Fieldset, RadioGroup } from '@/components/ui/choice-group';
import { Select, TextInput, Textarea } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveRequestStepAction, type RequestStepState } from '@/lib/appointment-requests/request-actions';
import { NO_CASE, preferredDateRows, STEP_FIELDS, type RequestStep } from '@/lib/appointment-requests/request-flow';
import { OTHER_REASONS, REQUEST_REASONS } from '@/lib/appointment-requests/reasons';

export interface RequestStepOptions {
  cases?: { receiptNumber: string; formType: string; applicantName: string }[];
  offices?: { code: string; name: string; city: string; state: string }[];
  /** The requester's email, for "By email (…)". */
  email?: string;
  representative?: boolean;
  /** The reason already chosen: the details page asks for what it needs. */
  reason?: string;
  /** For the dates page: the first and last day that may be chosen (YYYY-MM-DD), and the last written out. */
  firstDate?: string;
  lastDate?: string;
  lastDateText?: string;
}

/** The error summary's order; the preferred dates' messages link to the first date field. */
const summaryOrder = (step: RequestStep) => STEP_FIELDS[step].map((field) => (field === 'preferredDates' ? 'preferredDates' : field));

/**
 * One page of "Request an appointment": its question(s) and "Continue". Posts to the step action,
 * which keeps the answers in the draft and goes on, or answers with the messages and what was typed.
 * Works without JavaScript.
 */
export function RequestStepForm({
  step,
  changing,
  saved,
  options,
  prefillCase,
}: {
  step: RequestStep;
  changing: boolean;
  /** The case a case page's link named, carried into the draft with the first answer. */
  prefillCase?: string;
  /** The answers already in the draft, as form fields. */
  saved: Record<string, string>;
  options: RequestStepOptions;
}) {
  const t = useTranslations('appointments');
  return (
    <ActionForm action={saveRequestStepAction} fields={summaryOrder(step)} className="max-w-[40rem]">
      {(state: RequestStepState) => {
        const values = state.values ?? saved;
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="step" value={step} />
            {changing ? <input type="hidden" name="change" value="1" /> : null}
            {prefillCase ? <input type="hidden" name="prefillCase" value={prefillCase} /> : null}
            <StepFields step={step} values={values} errors={errors} options={options} t={t} />
            <SubmitButton className="mt-8">{t('flow.continue')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}

type T = ReturnType<typeof useTranslations<'appointments'>>;

function StepFields({
  step,
  values,
  errors,
  options,
  t,
}: {
  step: RequestStep;
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
  options: RequestStepOptions;
  t: T;
}) {
  switch (step) {
    case 'reason':
      return (
        <RadioGroup
          id="reason"
          pageHeading
          legend={t('flow.reason.legend')}
          hint={t('flow.reason.hint')}
          defaultValue={values.reason}
          error={errors.reason}
          options={REQUEST_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`), hint: t(`flow.reason.${reason}`) }))}
        />
      );
    case 'other-reason':
      return (
        <RadioGroup
          id="otherReason"
          pageHeading
          legend={t('flow.otherReason.legend')}
          defaultValue={values.otherReason}
          error={errors.otherReason}
          options={OTHER_REASONS.map((reason) => ({ value: reason, label: t(`otherReasons.${reason}`) }))}
        />
      );
    case 'case': {
      const cases = options.cases ?? [];
      return (
        <>
          <RadioGroup
            id="caseReceipt"
            pageHeading
            legend={t('flow.case.legend')}
            hint={options.representative ? t('flow.case.hintRepresentative') : t('flow.case.hintApplicant')}
            defaultValue={values.caseReceipt}
            error={errors.caseReceipt}
            options={[
              ...cases.map((linked) => ({
                value: linked.receiptNumber,
                label: options.representative
                  ? t('flow.case.optionClient', { name: linked.applicantName, receipt: linked.receiptNumber, form: linked.formType })
                  : t('flow.case.option', { receipt: linked.receiptNumber, form: linked.formType }),
              })),
              ...(options.representative ? [] : [{ value: NO_CASE, label: t('flow.case.none') }]),
            ]}
          />
          <TextInput
            id="aNumber"
            label={t('flow.aNumber.label')}
            hint={t('flow.aNumber.hint')}
            optional
            width="md"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.aNumber}
            error={errors.aNumber}
          />
        </>
      );
    }
    case 'office':
      return (
        <Select
          id="fieldOfficeCode"
          pageHeading
          label={t('flow.office.label')}
          hint={t('flow.office.hint')}
          defaultValue={values.fieldOfficeCode}
          error={errors.fieldOfficeCode}
          options={(options.offices ?? []).map((office) => ({ value: office.code, label: `${office.name} (${office.city}, ${office.state})` }))}
        />
      );
    case 'dates':
      return (
        <Fieldset id="preferredDatesGroup" pageHeading legend={t('flow.dates.legend')} hint={t('flow.dates.hint', { last: options.lastDateText ?? '' })} error={errors.preferredDates}>
          {preferredDateRows.map((row, index) => (
            <Fieldset
              key={row.date}
              id={`${row.date}-group`}
              legend={
                <>
                  {t(`flow.dates.choice${index + 1}` as 'flow.dates.choice1')}
                  {index > 0 ? <span className="font-normal"> {t('flow.dates.optional')}</span> : null}
                </>
              }
              groupClassName="mt-6"
            >
              <div className="flex flex-wrap gap-x-6">
                <TextInput
                  // The error summary's link lands on the first date.
                  id={index === 0 ? 'preferredDates' : row.date}
                  name={row.date}
                  type="date"
                  label={t('flow.dates.date')}
                  width="md"
                  min={options.firstDate}
                  max={options.lastDate}
                  defaultValue={values[row.date]}
                />
                <Select
                  id={row.period}
                  label={t('flow.dates.period')}
                  width="md"
                  defaultValue={values[row.period]}
                  options={[
                    { value: 'morning', label: t('flow.dates.morning') },
                    { value: 'afternoon', label: t('flow.dates.afternoon') },
                  ]}
                />
              </div>
            </Fieldset>
          ))}
        </Fieldset>
      );
    case 'details': {
      const required = options.reason === 'emergency_advance_parole' || options.reason === 'other';
      return (
        <>
          <h1>{t('flow.details.title')}</h1>
          <Textarea
            id="explanation"
            label={required ? t('flow.details.explanationRequired') : t('flow.details.explanationOptional')}
            hint={t('flow.details.explanationHint')}
            optional={!required}
            rows={8}
            defaultValue={values.explanation}
            error={errors.explanation}
          />
          {options.reason === 'emergency_advance_parole' ? (
            <>
              <TextInput
                id="travelDate"
                type="date"
                label={t('flow.details.travelDate')}
                hint={t('flow.details.travelDateHint')}
                width="md"
                defaultValue={values.travelDate}
                error={errors.travelDate}
              />
              <TextInput id="destination" label={t('flow.details.destination')} width="xl" defaultValue={values.destination} error={errors.destination} />
            </>
          ) : null}
        </>
      );
    }
    case 'contact':
      return (
        <>
          <RadioGroup
            id="contactPreference"
            pageHeading
            legend={t('flow.contact.legend')}
            defaultValue={values.contactPreference}
            error={errors.contactPreference}
            options={[
              { value: 'email', label: t('flow.contact.email', { email: options.email ?? '' }) },
              { value: 'phone', label: t('flow.contact.phone') },
            ]}
          />
          <TextInput
            id="contactPhone"
            type="tel"
            autoComplete="tel"
            label={t('flow.contact.phoneLabel')}
            hint={t('flow.contact.phoneHint')}
            width="lg"
            defaultValue={values.contactPhone}
            error={errors.contactPhone}
          />
        </>
      );
    case 'accommodations':
      return (
        <Textarea
          id="accommodations"
          pageHeading
          optional
          label={t('flow.accommodations.label')}
          hint={t('flow.accommodations.hint')}
          defaultValue={values.accommodations}
          error={errors.accommodations}
        />
      );
  }
}
