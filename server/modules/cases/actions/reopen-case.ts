import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';
import { notify, recipientHeads } from '../../notifications/notify';

/** Reopen after a dispute («не решено») or on the МЦУ's own decision. */
export async function reopenCase(tx: Tx, actor: Actor, caseId: string, reason: string) {
  const row = await applyTransition(tx, actor, caseId, 'reopen', (c) => ({ reopenCount: c.reopenCount + 1, closedAt: null, statusReason: reason }), { reason });
  await notify(tx, actor.tenantId, { userIds: await recipientHeads(tx, row.recipientId), caseId, kind: `reopened:${row.reopenCount}`, text: `№ ${row.number} возобновлено: ${reason}` });
  return row;
}
