'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { MemorableDate } from '@/components/ui/memorable-date';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestAccessCodeAction, type RequestCodeState } from '@/lib/access-codes/actions';
import { NoticeNumberInput } from './notice-number-input';

const order = ['receiptNumber', 'dateOfBirth'] as const;

/** Receipt number and the applicant's date of birth; works without JavaScript, keeps what was typed. */
export function RequestCodeForm() {
  const t = useTranslations('cases.request');
  const [state, action] = useActionState(requestAccessCodeAction, { attempt: 0 } as RequestCodeState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(errors, order)} formError={state.formError} />
      <form key={`form-${state.attempt}`} action={action} noValidate className="max-w-[30rem]">
        <NoticeNumberInput
          id="receiptNumber"
          label={t('receiptNumber.label')}
          hint={t('receiptNumber.hint')}
          defaultValue={values.receiptNumber}
          error={errors.receiptNumber}
        />
        <MemorableDate
          id="dateOfBirth"
          legend={t('dateOfBirth.legend')}
          hint={t('dateOfBirth.hint')}
          error={errors.dateOfBirth}
          defaultValue={{ month: values.dateOfBirthMonth, day: values.dateOfBirthDay, year: values.dateOfBirthYear }}
        />
        <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
