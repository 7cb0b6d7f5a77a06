'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { Textarea } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { answerQuestionAction, cancelRequestAction, submitRequestAction } from '@/lib/appointment-requests/request-actions';
import type { FormState } from '@/lib/forms/form-state';

/** "Submit request" under "Check your answers"; a refusal (a duplicate, naming its reference) shows above it. */
export function SubmitRequestForm() {
  const t = useTranslations('appointments.check');
  return (
    <ActionForm action={submitRequestAction} fields={[]} className="mt-8">
      {() => <SubmitButton>{t('submit')}</SubmitButton>}
    </ActionForm>
  );
}

/** Cancels the request (or its scheduled appointment): one button, posting the reference. */
export function CancelRequestForm({ reference, label }: { reference: string; label: string }) {
  return (
    <ActionForm action={cancelRequestAction} fields={[]}>
      {() => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <SubmitButton variant="danger">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The requester's answer to "More information needed". */
export function AnswerQuestionForm({ reference }: { reference: string }) {
  const t = useTranslations('appointments.detail');
  return (
    <ActionForm action={answerQuestionAction} fields={['answer']} className="max-w-[40rem]">
      {(state: FormState) => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <Textarea id="answer" label={t('answerLabel')} hint={t('answerHint')} rows={6} defaultValue={state.values?.answer} error={state.fieldErrors?.answer} />
          <SubmitButton>{t('sendAnswer')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
