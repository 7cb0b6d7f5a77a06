/**
 * What the browser is told about the session's remaining time. Durations, not instants: the
 * browser's clock may be wrong by minutes, so it counts from when it received them. The warning
 * lead time travels with them, so the server alone decides both.
 */
import { MINUTE } from '@/lib/clock';

/** The idle warning opens this long before the session would end. */
export const IDLE_WARNING_LEAD_MS = 2 * MINUTE;

export interface SessionTimeLeft {
  /** Until the session ends unless there is activity (never later than the absolute end). */
  idleMs: number;
  /** Until the 12-hour limit, which no activity extends. */
  absoluteMs: number;
  /** How long before the end to warn. */
  warnBeforeMs: number;
  /** Which limit comes first: "stay signed in" can only push back the idle one. */
  endsBy: 'idle' | 'absolute';
}

export function sessionTimeLeft(session: { idleExpiresAt: Date; absoluteExpiresAt: Date }, now: Date): SessionTimeLeft {
  const idleMs = Math.max(0, session.idleExpiresAt.getTime() - now.getTime());
  const absoluteMs = Math.max(0, session.absoluteExpiresAt.getTime() - now.getTime());
  return { idleMs, absoluteMs, warnBeforeMs: IDLE_WARNING_LEAD_MS, endsBy: absoluteMs <= idleMs ? 'absolute' : 'idle' };
}
