/**
 * What the sign-up and second-step actions share. Not a 'use server' module on purpose: nothing
 * here may become an endpoint the browser can call.
 */
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { clientAddressFrom } from '@/lib/http/client-address';
import { redirect } from '@/lib/i18n/navigation';
import { landingPath } from '../policy';
import { minutesToWait } from '../sign-in-display';
import { stagePaths, type SignUpStage } from '../sign-up-progress';
import { getTranslations } from '@/lib/i18n/server';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The whole catalogue, with keys built at run time (error codes per field). */
export async function translator(): Promise<Translate> {
  return (await getTranslations()) as unknown as Translate;
}

/** What a refused "send a new code by text" says: the resend limit, the text limits, or no texting at all. */
export function phoneResendRefusal(
  t: Translate,
  refusal: { error: 'throttled' | 'text_limit'; until: Date } | { error: 'unavailable' },
  now: Date,
): string {
  if (refusal.error === 'unavailable') return t('secondFactor.sms.unavailable');
  const minutes = minutesToWait(refusal.until, now);
  if (refusal.error === 'throttled') return t('secondFactor.sms.resendThrottled', { minutes });
  return textLimitMessage(t, refusal.until, now);
}

/** The text limits were reached: how long to wait, in minutes within the hour, in hours beyond. */
export function textLimitMessage(t: Translate, until: Date, now: Date): string {
  const minutes = minutesToWait(until, now);
  return minutes <= 60 ? t('secondFactor.sms.textLimitMinutes', { minutes }) : t('secondFactor.sms.textLimitHours', { hours: Math.ceil(minutes / 60) });
}

/** Who is asking, for the audit log and the per-client limits. */
export async function requestMeta() {
  const h = await headers();
  return { userAgent: h.get('user-agent'), requestId: h.get('x-request-id'), clientAddress: clientAddressFrom(h.get('x-forwarded-for')) };
}

/** The posted fields as text. A field sent twice (a forged second "role", say) is kept as a list, which no rule accepts. */
export function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    fields[name] = name in fields ? [fields[name], value].flat() : value;
  }
  return fields;
}

/**
 * Sends the person to the page for the step they are at. `here` is the page of the action that
 * asked: with nothing pending it explains that the sign-up timed out.
 */
export async function goToStage(stage: SignUpStage, here: string): Promise<never> {
  const locale = await getLocale();
  switch (stage.step) {
    case 'none':
      return redirect({ href: here, locale });
    case 'signed_in':
      return redirect({ href: landingPath(stage.user.role), locale });
    case 'sign_in':
      return redirect({ href: '/sign-in/verify', locale });
    default:
      return redirect({ href: stagePaths[stage.step], locale });
  }
}
