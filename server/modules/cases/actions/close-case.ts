import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';

/** Close an answered or reopened case. */
export function closeCase(tx: Tx, actor: Actor, caseId: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'close', () => ({ closedAt: now }));
}
