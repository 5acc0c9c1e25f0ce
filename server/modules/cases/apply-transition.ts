import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { cases } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { checkTransition, type CaseAction } from '../../../domain/cases/transitions';
import type { CaseStatus } from '../../../domain/cases/status';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { auditView, lockCase, type CaseRow } from './case-row';

/**
 * The one place a case changes status: checks the transition table and the actor's rights and
 * scope, writes the change and its audit row in the caller's transaction. `patch` carries the
 * action's own fields; `details` goes into the audit row (reason, criteria, rating…).
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  patch: (c: CaseRow) => Partial<typeof cases.$inferInsert> = () => ({}),
  details?: Record<string, unknown>,
): Promise<CaseRow> {
  const before = await lockCase(tx, actor.tenantId, caseId);
  const check = checkTransition(action, { status: before.status as CaseStatus, recipientId: before.recipientId }, actor);
  if (!check.ok) throw new AppError(check.reason === 'status' ? 'invalid_transition' : 'forbidden', check.message);
  // A reason belongs to the action that gave it: later actions clear it unless they set their own.
  const changes = { statusReason: null, ...patch(before), ...(check.to ? { status: check.to } : {}), updatedAt: new Date(), version: before.version + 1 };
  const [after] = await tx.update(cases).set(changes).where(eq(cases.id, caseId)).returning();
  await recordAudit(tx, actor, { action, entity: 'case', entityId: caseId, before: pick(before, changes), after: { ...pick(after, changes), ...details } });
  return after;
}

/** Only the fields the change touched, so the timeline shows what moved. */
function pick(row: CaseRow, changes: Record<string, unknown>) {
  const view = auditView(row) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).filter((k) => k !== 'updatedAt' && k !== 'version' && k in view).map((k) => [k, view[k]]));
}
