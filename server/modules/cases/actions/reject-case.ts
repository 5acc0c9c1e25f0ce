import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';

/** Spam, no substance, abuse: rejected with a reason. */
export function rejectCase(tx: Tx, actor: Actor, caseId: string, reason: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'reject', () => ({ statusReason: reason, closedAt: now }), { reason });
}
