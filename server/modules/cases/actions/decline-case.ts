import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';
import { notify, mcuReviewers } from '../../notifications/notify';

/** The recipient says the case is not its competence: back to the МЦУ for another recipient. */
export async function declineCase(tx: Tx, actor: Actor, caseId: string, reason: string) {
  const row = await applyTransition(tx, actor, caseId, 'decline', () => ({ recipientId: null, executorId: null, statusReason: reason }), { reason });
  await notify(tx, actor.tenantId, { userIds: await mcuReviewers(tx, actor.tenantId), caseId, kind: `declined:${row.version}`, text: `№ ${row.number}: получатель вернул обращение — ${reason}` });
  return row;
}
