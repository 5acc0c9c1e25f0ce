import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { caseCoExecutors, recipients, users } from '../../../db/schema';
import { AppError } from '../../../errors';
import { applyTransition } from '../apply-transition';
import { notify, recipientUsers } from '../../notifications/notify';
import { recordRecipientCorrection } from '../../classify/record-correction';

export interface AssignInput {
  recipientId: string;
  executorId?: string | null;
  coExecutorIds?: string[];
  comment?: string | null;
}

/**
 * Sends the case to a responsible recipient (and optionally a named executor and co-executors),
 * or reassigns it. A recipient's head may pick the executor inside their own unit.
 */
export async function assignCase(tx: Tx, actor: Actor, caseId: string, input: AssignInput) {
  const [recipient] = await tx.select().from(recipients).where(and(eq(recipients.id, input.recipientId), eq(recipients.tenantId, actor.tenantId), eq(recipients.isActive, true)));
  if (!recipient) throw new AppError('validation', 'Ответственный получатель: выберите из списка', { recipientId: 'Неизвестный получатель' });
  if (actor.recipientIds.length && !actor.recipientIds.includes(input.recipientId)) throw new AppError('forbidden', 'Можно назначить исполнителя только в своём подразделении');
  if (input.executorId) {
    const [u] = await tx.select({ recipientId: users.recipientId }).from(users).where(and(eq(users.id, input.executorId), eq(users.tenantId, actor.tenantId), eq(users.isActive, true)));
    if (!u) throw new AppError('validation', 'Исполнитель: выберите из списка', { executorId: 'Неизвестный исполнитель' });
    if (u.recipientId !== input.recipientId) throw new AppError('validation', 'Исполнитель: должен работать у выбранного получателя', { executorId: 'Другой получатель' });
  }
  let previous = { recipientId: null as string | null, autoRouted: false };
  const row = await applyTransition(
    tx,
    actor,
    caseId,
    'assign',
    (c) => {
      previous = c;
      return { recipientId: input.recipientId, executorId: input.executorId ?? null, routingReason: c.recipientId === input.recipientId ? c.routingReason : 'назначен вручную', autoRouted: false };
    },
    { comment: input.comment ?? undefined, recipientName: recipient.name },
  );
  await recordRecipientCorrection(tx, actor, caseId, input.recipientId, previous);
  await tx.delete(caseCoExecutors).where(eq(caseCoExecutors.caseId, caseId));
  const co = [...new Set(input.coExecutorIds ?? [])].filter((id) => id !== input.recipientId);
  if (co.length) await tx.insert(caseCoExecutors).values(co.map((recipientId) => ({ caseId, recipientId })));
  const to = input.executorId ? [input.executorId] : await recipientUsers(tx, input.recipientId);
  await notify(tx, actor.tenantId, { userIds: to, caseId, kind: `assigned:${row.version}`, text: `Поручение № ${row.number}: ${recipient.name}` });
  return row;
}
