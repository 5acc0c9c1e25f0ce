import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';

/** Out of the municipality's competence: forwarded to the competent body (59-ФЗ ст. 8 ч. 3, 7 days). */
export function forwardCase(tx: Tx, actor: Actor, caseId: string, forwardedTo: string, reason: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'forward', () => ({ forwardedTo, statusReason: reason, closedAt: now }), { forwardedTo, reason });
}
