import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';

/** The executor takes the case into work (assigns themselves when no executor was named). */
export function acceptCase(tx: Tx, actor: Actor, caseId: string) {
  return applyTransition(tx, actor, caseId, 'accept', (c) => ({ executorId: c.executorId ?? actor.userId }));
}
