'use server';
/**
 * Server actions on a linked case. Each starts with requireArea('cases') and looks the case up
 * through the caller's own links, so a forged POST for someone else's case finds nothing.
 */
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { formFields, requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { caseForViewer } from './case-views';
import { endRepresentativeAccess } from './end-representative-access';
import { normaliseReceiptNumber } from './receipt-number';

/** "End access": only the applicant of the case, only for a representative of that case. */
export async function endRepresentativeAccessAction(form: FormData): Promise<void> {
  const { user } = await requireArea('cases');
  const fields = formFields(form);
  const receiptNumber = typeof fields.receiptNumber === 'string' ? normaliseReceiptNumber(fields.receiptNumber) : null;
  const linkId = typeof fields.linkId === 'string' && /^\d{1,12}$/.test(fields.linkId) ? Number(fields.linkId) : null;
  const theCase = receiptNumber ? await caseForViewer(getDb(), user, receiptNumber) : null;
  if (!theCase || linkId === null) notFound();
  const outcome = await endRepresentativeAccess(getDb(), systemClock, { applicant: user, theCase, linkId, requestId: (await requestMeta()).requestId });
  if (!outcome.ok) notFound();
  redirect({ href: `/cases/${theCase.receiptNumber}?ended=${linkId}#people`, locale: await getLocale() });
}
