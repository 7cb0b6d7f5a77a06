'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { claimRequestAction, type ClaimState } from '@/lib/appointment-requests/officer-actions';

/** "Claim this request": one button; when another officer was quicker, the error summary says who and when. */
export function ClaimForm({ reference }: { reference: string }) {
  const t = useTranslations('officerRequests.claim');
  return (
    <ActionForm action={claimRequestAction} fields={[]}>
      {(_state: ClaimState) => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <SubmitButton>{t('button')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
