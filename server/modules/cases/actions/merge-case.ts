import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';
import { lockCase } from '../case-row';
import { AppError } from '../../../errors';

/** A duplicate joins its main case; the main case must be of the same tenant and not itself merged. */
export async function mergeCase(tx: Tx, actor: Actor, caseId: string, duplicateOfId: string, now: Date) {
  if (caseId === duplicateOfId) throw new AppError('validation', 'Основное обращение: нельзя объединить обращение с самим собой', { duplicateOfId: 'То же обращение' });
  const main = await lockCase(tx, actor.tenantId, duplicateOfId);
  if (main.status === 'merged') throw new AppError('validation', 'Основное обращение само объединено с другим: выберите основное', { duplicateOfId: 'Уже дубликат' });
  return applyTransition(tx, actor, caseId, 'merge', () => ({ duplicateOfId, closedAt: now }), { duplicateOf: main.number });
}
