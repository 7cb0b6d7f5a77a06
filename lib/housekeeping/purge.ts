/**
 * Deletes what has served its purpose: sessions that ended or expired, throttle counters whose
 * window and block are over, one-time and backup codes that were used or expired, and the outbox rows
 * of one-time codes (their code sealed inside; older rows also had it in the subject) once settled. Expired API tokens and Idempotency-Keys past their day go too. Hashes of spent
 * secrets are no use to anyone but an attacker with a copy of the database, and the tables stay
 * small; half-filled forms are dropped after a day. The audit log is never touched: it is the record of what happened.
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { apiIdempotencyKeys, apiTokens, backupCodes, formDrafts, notifications, oneTimeCodes, sessions, throttles } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { DAY, HOUR, type Clock } from '@/lib/clock';
import type { WorkerJob } from '@/lib/notifications/worker';
import { evidenceStorage } from '@/lib/api/uploads/storage';
import { purgeAbandonedUploads } from '@/lib/api/uploads/uploads';

/**
 * How long a spent session or code is kept after it ended, was used or expired: long enough that a
 * person who follows an old set-up link or code within the week is told it was used or expired
 * rather than that it is unknown.
 */
export const KEEP_SPENT_FOR_MS = 7 * DAY;
/**
 * A counter is deleted once its window opened this long ago and no block is running: longer than
 * the longest window of any rule (a day), so no count that still matters is forgotten.
 */
export const KEEP_THROTTLES_FOR_MS = 2 * DAY;
/** A form left half-filled this long is abandoned: its answers (free text about a person's situation) go. */
export const KEEP_DRAFTS_FOR_MS = DAY;

export interface PurgeReport {
  sessions: number;
  throttles: number;
  oneTimeCodes: number;
  backupCodes: number;
  codeMessages: number;
  formDrafts: number;
  /** API bearer tokens past their 30 minutes, and Idempotency-Keys past their 24 hours. */
  apiTokens: number;
  idempotencyKeys: number;
}

/** The deletions and their audit entry commit together. */
export function purgeSpentRecords(db: Db, clock: Clock): Promise<PurgeReport> {
  return transaction(db, async (tx) => {
    const now = clock.now();
    const spentBefore = new Date(now.getTime() - KEEP_SPENT_FOR_MS);
    const countersBefore = new Date(now.getTime() - KEEP_THROTTLES_FOR_MS);

    const purgedSessions = await tx
      .delete(sessions)
      .where(or(and(isNotNull(sessions.endedAt), lt(sessions.endedAt, spentBefore)), lt(sessions.expiresAt, spentBefore)))
      .returning({ id: sessions.id });
    const purgedThrottles = await tx
      .delete(throttles)
      .where(and(lt(throttles.windowStartedAt, countersBefore), or(isNull(throttles.blockedUntil), lte(throttles.blockedUntil, now))))
      .returning({ id: throttles.id });
    const purgedCodes = await tx
      .delete(oneTimeCodes)
      .where(or(and(isNotNull(oneTimeCodes.usedAt), lt(oneTimeCodes.usedAt, spentBefore)), lt(oneTimeCodes.expiresAt, spentBefore)))
      .returning({ id: oneTimeCodes.id });
    const purgedBackupCodes = await tx
      .delete(backupCodes)
      .where(and(isNotNull(backupCodes.usedAt), lt(backupCodes.usedAt, spentBefore)))
      .returning({ id: backupCodes.id });

    const purgedDrafts = await tx
      .delete(formDrafts)
      .where(lt(formDrafts.updatedAt, new Date(now.getTime() - KEEP_DRAFTS_FOR_MS)))
      .returning({ id: formDrafts.id });

    const purgedTokens = await tx.delete(apiTokens).where(lt(apiTokens.expiresAt, now)).returning({ id: apiTokens.id });
    const purgedKeys = await tx.delete(apiIdempotencyKeys).where(lte(apiIdempotencyKeys.expiresAt, now)).returning({ id: apiIdempotencyKeys.id });

    // A ten-minute code's message is of no use once delivered or failed; letters and notices are kept.
    const purgedMessages = await tx
      .delete(notifications)
      .where(
        and(
          eq(notifications.template, 'one-time-code'),
          inArray(notifications.status, ['delivered', 'failed']),
          lt(notifications.createdAt, spentBefore),
        ),
      )
      .returning({ id: notifications.id });

    const report: PurgeReport = {
      sessions: purgedSessions.length,
      throttles: purgedThrottles.length,
      oneTimeCodes: purgedCodes.length,
      backupCodes: purgedBackupCodes.length,
      codeMessages: purgedMessages.length,
      formDrafts: purgedDrafts.length,
      apiTokens: purgedTokens.length,
      idempotencyKeys: purgedKeys.length,
    };
    if (Object.values(report).some((n) => n > 0)) {
      await recordAudit(tx, clock, { actor: null, action: 'housekeeping.purge', objectType: 'store', outcome: 'success', detail: { ...report } });
    }
    return report;
  });
}

/** The worker's housekeeping: a purge (and of evidence uploads abandoned unfinished, with their bytes) when the worker starts and then every `everyMs` (an hour). */
export function purgeJob(options: { everyMs?: number } = {}): WorkerJob {
  const everyMs = options.everyMs ?? HOUR;
  let lastRun: number | null = null;
  return {
    name: 'purge-spent-records',
    async run({ db, clock }) {
      const now = clock.now().getTime();
      if (lastRun !== null && now - lastRun < everyMs) return {};
      const report = await purgeSpentRecords(db, clock);
      const abandonedUploads = await purgeAbandonedUploads(db, clock, evidenceStorage());
      lastRun = now;
      return { counts: { ...report, abandonedUploads } };
    },
  };
}
