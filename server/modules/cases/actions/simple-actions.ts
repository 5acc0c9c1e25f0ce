import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';
import { lockCase } from '../case-row';
import { AppError } from '../../../errors';
import { notify, mcuReviewers, recipientHeads } from '../../notifications/notify';

/** The executor takes the case into work (assigns themselves when no executor was named). */
export function acceptCase(tx: Tx, actor: Actor, caseId: string) {
  return applyTransition(tx, actor, caseId, 'accept', (c) => ({ executorId: c.executorId ?? actor.userId }));
}

/** The recipient says the case is not its competence: back to the МЦУ for another recipient. */
export async function declineCase(tx: Tx, actor: Actor, caseId: string, reason: string) {
  const row = await applyTransition(tx, actor, caseId, 'decline', () => ({ recipientId: null, executorId: null, statusReason: reason }), { reason });
  await notify(tx, actor.tenantId, { userIds: await mcuReviewers(tx, actor.tenantId), caseId, kind: `declined:${row.version}`, text: `№ ${row.number}: получатель вернул обращение — ${reason}` });
  return row;
}

/** Out of the municipality's competence: forwarded to the competent body (59-ФЗ ст. 8 ч. 3, 7 days). */
export function forwardCase(tx: Tx, actor: Actor, caseId: string, forwardedTo: string, reason: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'forward', () => ({ forwardedTo, statusReason: reason, closedAt: now }), { forwardedTo, reason });
}

/** Spam, no substance, abuse: rejected with a reason. */
export function rejectCase(tx: Tx, actor: Actor, caseId: string, reason: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'reject', () => ({ statusReason: reason, closedAt: now }), { reason });
}

/** A duplicate joins its main case; the main case must be of the same tenant and not itself merged. */
export async function mergeCase(tx: Tx, actor: Actor, caseId: string, duplicateOfId: string, now: Date) {
  if (caseId === duplicateOfId) throw new AppError('validation', 'Основное обращение: нельзя объединить обращение с самим собой', { duplicateOfId: 'То же обращение' });
  const main = await lockCase(tx, actor.tenantId, duplicateOfId);
  if (main.status === 'merged') throw new AppError('validation', 'Основное обращение само объединено с другим: выберите основное', { duplicateOfId: 'Уже дубликат' });
  return applyTransition(tx, actor, caseId, 'merge', () => ({ duplicateOfId, closedAt: now }), { duplicateOf: main.number });
}

/** The recipient's head sends a prepared answer back to the executor. */
export function returnToExecutor(tx: Tx, actor: Actor, caseId: string, reason: string) {
  return applyTransition(tx, actor, caseId, 'return_to_executor', () => ({ statusReason: reason }), { reason });
}

/** Reopen after a dispute («не решено») or on the МЦУ's own decision. */
export async function reopenCase(tx: Tx, actor: Actor, caseId: string, reason: string) {
  const row = await applyTransition(tx, actor, caseId, 'reopen', (c) => ({ reopenCount: c.reopenCount + 1, closedAt: null, statusReason: reason }), { reason });
  await notify(tx, actor.tenantId, { userIds: await recipientHeads(tx, row.recipientId), caseId, kind: `reopened:${row.reopenCount}`, text: `№ ${row.number} возобновлено: ${reason}` });
  return row;
}

/** Close an answered or reopened case. */
export function closeCase(tx: Tx, actor: Actor, caseId: string, now: Date) {
  return applyTransition(tx, actor, caseId, 'close', () => ({ closedAt: now }));
}
