import type { Tx } from '../../db/tx';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../../http/actor';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  tenantId?: string | null;
}

/** Writes the audit row inside the caller's transaction (R-OR-2). */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: input.tenantId === undefined ? actor.tenantId : input.tenantId,
    actorUserId: actor.userId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: input.before === undefined ? null : strip(input.before),
    after: input.after === undefined ? null : strip(input.after),
    requestId: actor.requestId,
  });
}

/** Secrets never go into the audit trail. */
function strip(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { passwordHash: _p, password: _q, ...rest } = value as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest));
  }
  return value;
}
