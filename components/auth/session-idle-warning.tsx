'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { usePathname } from 'next/navigation';
import { endTimedOutSessionAction, sessionTimeAction, staySignedInAction } from '@/lib/auth/actions/session';
import { signOutAction } from '@/lib/auth/actions/sign-out';
import type { SessionTimeLeft } from '@/lib/auth/session-timing';
import type { SessionTimeState } from '@/lib/auth/session-lifecycle';

/** After a network failure, ask the server again this much later. */
const RETRY_MS = 15_000;

interface Countdown {
  /** When the session ends, on this browser's clock (the server sends durations, not instants). */
  endsAt: number;
  endsBy: SessionTimeLeft['endsBy'];
}

interface Controller {
  follow(timeLeft: SessionTimeLeft): void;
  expire(): Promise<void>;
}

/**
 * Warns before an automatic sign-out and offers to stay signed in (WCAG 2.2.1 Timing Adjustable).
 * The server is the judge at every step: when the warning is due it asks how much time is really left
 * (activity in another tab may have extended the session), and when the countdown runs out it asks
 * the server to end the session, which either does so and sends the browser to sign in, or answers
 * with the time left. Without JavaScript nothing shows; the next request after expiry signs in again.
 */
export function SessionIdleWarning({ initial }: { initial: SessionTimeLeft }) {
  const t = useTranslations('session');
  const dialog = useRef<HTMLDialogElement>(null);
  const controller = useRef<Controller | null>(null);
  const [countdown, setCountdown] = useState<Countdown | null>(null);
  const [now, setNow] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const pathname = usePathname();
  const firstPath = useRef(pathname);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (work: () => void, ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(work, Math.max(0, ms));
    };
    const returnTo = () => window.location.pathname + window.location.search;

    const follow = (left: SessionTimeLeft) => {
      const startedAt = Date.now();
      later(() => void warn(), left.idleMs - left.warnBeforeMs);
      // Still inside the warning period (e.g. "stay signed in" could not push back the 12-hour end): warn at once.
      if (left.idleMs <= left.warnBeforeMs) later(() => show({ endsAt: startedAt + left.idleMs, endsBy: left.endsBy }), 0);
    };

    const show = (next: Countdown) => {
      setCountdown(next);
      setNow(Date.now());
      later(() => void expire(), next.endsAt - Date.now());
    };

    const warn = async () => {
      let state: SessionTimeState;
      try {
        state = await sessionTimeAction();
      } catch {
        return later(() => void warn(), RETRY_MS);
      }
      if (state.status === 'ended') return expire();
      const left = state.timeLeft;
      if (left.idleMs > left.warnBeforeMs) {
        setCountdown(null);
        return follow(left);
      }
      show({ endsAt: Date.now() + left.idleMs, endsBy: left.endsBy });
    };

    const expire = async () => {
      let state: SessionTimeState | undefined;
      try {
        // Redirects to sign in when the session has ended; answers only when it has not.
        state = await endTimedOutSessionAction(returnTo());
      } catch {
        return later(() => void expire(), RETRY_MS);
      }
      if (state?.status === 'active') {
        setCountdown(null);
        follow(state.timeLeft);
      }
    };

    controller.current = { follow, expire };
    follow(initial);
    // Marks that the timers run: tests that move the clock wait for it, so there is a timer to move.
    dialog.current?.setAttribute('data-armed', '');
    return () => clearTimeout(timer);
  }, [initial]);

  // A page reached without a full load may not have passed through the server's session check: ask.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    sessionTimeAction()
      .then((state) => {
        if (state.status === 'active') controller.current?.follow(state.timeLeft);
      })
      .catch(() => {});
  }, [pathname]);

  // The dialog is modal (showModal): the rest of the page is inert until it is answered.
  const open = countdown !== null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [open]);

  async function staySignedIn() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const state = await staySignedInAction();
      if (state.status === 'ended') return await controller.current?.expire();
      setCountdown(null);
      controller.current?.follow(state.timeLeft);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const idle = countdown?.endsBy !== 'absolute';
  const remaining = countdown ? Math.max(0, countdown.endsAt - now) : 0;
  const time =
    remaining >= 60_000
      ? t('idle.minutes', { count: Math.ceil(remaining / 60_000) })
      : t('idle.seconds', { count: Math.ceil(remaining / 1000) });

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby="session-warning-title"
      aria-describedby="session-warning-body"
      onCancel={(event) => {
        // Escape: someone is here to press it, so in the idle case that is activity; otherwise it just closes.
        event.preventDefault();
        if (idle) void staySignedIn();
        else setCountdown(null);
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-[36rem] border-t-8 border-primary bg-white p-6 text-base-darkest shadow-xl backdrop:bg-black/60 sm:p-8"
    >
      {open ? (
        <>
          <h2 id="session-warning-title" className="mt-0">
            {idle ? t('idle.title') : t('idle.absoluteTitle')}
          </h2>
          <p id="session-warning-body">{idle ? t('idle.body', { time }) : t('idle.absoluteBody', { time })}</p>
          {failed ? (
            <p role="alert" className="font-bold text-error">
              {t('idle.failed')}
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap items-center gap-4">
            {idle ? (
              <Button type="button" autoFocus aria-disabled={busy || undefined} onClick={() => void staySignedIn()}>
                {t('idle.stay')}
              </Button>
            ) : (
              <Button type="button" autoFocus onClick={() => setCountdown(null)}>
                {t('idle.continue')}
              </Button>
            )}
            <form action={signOutAction}>
              <Button variant="secondary">{t('idle.signOut')}</Button>
            </form>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
