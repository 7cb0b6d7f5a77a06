import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Clock } from '@/lib/clock';

export interface AuditActor {
  id: number | null;
  role: string | null;
  /** The person the actor acted for, e.g. a representative's client. */
  onBehalfOfId?: number | null;
}

export interface AuditEvent {
  actor: AuditActor | null;
  action: string; // verb.noun, e.g. "case.link", "session.end"
  objectType: string;
  objectId?: string | number | null;
  outcome: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends one entry to the audit log: who, acting for whom, what, on which object, when (UTC), with
 * what outcome. Call it inside the transaction that makes the change so the two land together.
 * Never put secrets (codes, passwords, tokens) in `detail`.
 */
export async function recordAudit(db: DbOrTx, clock: Clock, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    at: clock.now(),
    actorId: event.actor?.id ?? null,
    actorRole: event.actor?.role ?? null,
    onBehalfOfId: event.actor?.onBehalfOfId ?? null,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId == null ? null : String(event.objectId),
    outcome: event.outcome,
    detail: event.detail ?? null,
    requestId: event.requestId ?? null,
  });
}
