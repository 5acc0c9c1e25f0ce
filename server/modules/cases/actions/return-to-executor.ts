import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';

/** The recipient's head sends a prepared answer back to the executor. */
export function returnToExecutor(tx: Tx, actor: Actor, caseId: string, reason: string) {
  return applyTransition(tx, actor, caseId, 'return_to_executor', () => ({ statusReason: reason }), { reason });
}
