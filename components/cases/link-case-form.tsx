'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { SubmitButton } from '@/components/ui/submit-button';
import { linkCaseAction, type LinkCaseState } from '@/lib/access-codes/actions';
import { Link } from '@/lib/i18n/link';
import { NoticeNumberInput } from './notice-number-input';

const order = ['receiptNumber', 'accessCode'] as const;

/**
 * Receipt number and online access code. A plain form posting to the server action, so it works
 * without JavaScript; after a failed submit the receipt number comes back as typed, the code field
 * empty, with the errors beside the fields and in the summary.
 */
export function LinkCaseForm({ initialReceipt }: { initialReceipt?: string }) {
  const t = useTranslations('cases');
  const [state, action] = useActionState(linkCaseAction, { attempt: 0 } as LinkCaseState);
  const errors = state.fieldErrors ?? {};
  const formError =
    state.formError || state.linkedReceipt ? (
      <>
        {state.formError ? <p className="mb-1">{state.formError}</p> : null}
        {state.linkedReceipt ? (
          <p className="mb-0">
            <Link href={`/cases/${state.linkedReceipt}`}>{state.linkedReceipt}</Link>
          </p>
        ) : null}
      </>
    ) : undefined;

  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(errors, order)} formError={formError} />
      {state.offerNewCode ? (
        <Alert type="info" heading={t('link.noCode')} headingLevel={2}>
          <p>{t('errors.newCodeOffer')}</p>
          <p>
            <Link href="/access-codes/request">{t('link.requestNewCode')}</Link>
          </p>
        </Alert>
      ) : null}
      <form key={`form-${state.attempt}`} action={action} noValidate className="max-w-[30rem]">
        <NoticeNumberInput
          id="receiptNumber"
          label={t('link.receiptNumber.label')}
          hint={t('link.receiptNumber.hint')}
          defaultValue={state.values?.receiptNumber ?? initialReceipt}
          error={errors.receiptNumber}
        />
        <NoticeNumberInput id="accessCode" label={t('link.accessCode.label')} hint={t('link.accessCode.hint')} error={errors.accessCode} />
        <SubmitButton className="mt-8">{t('link.submit')}</SubmitButton>
      </form>
    </>
  );
}
