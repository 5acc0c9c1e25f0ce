import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { problems } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import { PROBLEM_TRANSITIONS, type ProblemInput, type ProblemStatus, type ProblemUpdateInput } from '../../../domain/problems/schemas';
import { recordAudit } from '../audit/record-audit';
import { assertManage, assertOwned } from './access';
import { attachCases, lockProblem } from './problem-cases';

const STATUS_NAMES: Record<ProblemStatus, string> = { open: 'открыта', in_progress: 'в работе', resolved: 'решена', not_confirmed: 'не подтвердилась' };

/** A new problem: from a growth signal, from cases, or by hand; its cases linked at once. */
export async function createProblem(tx: Tx, actor: Actor, input: ProblemInput, now: Date) {
  assertManage(actor);
  await assertOwned(tx, 'topics', actor.tenantId, input.topicId, 'topicId', 'Тематика');
  await assertOwned(tx, 'settlements', actor.tenantId, input.settlementId, 'settlementId', 'Поселение');
  const source = input.signalKey ? 'signal' : input.caseIds?.length ? 'cases' : 'manual';
  const [p] = await tx
    .insert(problems)
    .values({
      tenantId: actor.tenantId,
      title: input.title,
      description: input.description ?? '',
      topicId: input.topicId ?? null,
      settlementId: input.settlementId ?? null,
      source,
      signalKey: input.signalKey ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'problem', entityId: p.id, after: { title: p.title, topicId: p.topicId, settlementId: p.settlementId, source, signalKey: p.signalKey } });
  const linked = input.caseIds?.length ? await attachCases(tx, actor, p.id, input.caseIds, now) : { added: 0 };
  return { id: p.id, title: p.title, status: p.status, casesLinked: linked.added };
}

export async function updateProblem(tx: Tx, actor: Actor, id: string, input: ProblemUpdateInput, now: Date) {
  assertManage(actor);
  const before = await lockProblem(tx, actor, id);
  await assertOwned(tx, 'topics', actor.tenantId, input.topicId, 'topicId', 'Тематика');
  await assertOwned(tx, 'settlements', actor.tenantId, input.settlementId, 'settlementId', 'Поселение');
  const values = { title: input.title, description: input.description ?? '', topicId: input.topicId ?? null, settlementId: input.settlementId ?? null };
  await tx.update(problems).set({ ...values, updatedAt: now }).where(eq(problems.id, id));
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'problem',
    entityId: id,
    before: { title: before.title, description: before.description, topicId: before.topicId, settlementId: before.settlementId },
    after: values,
  });
  return { id, ...values };
}

/** open → in_progress → resolved | not_confirmed; resolved/not_confirmed record when. */
export async function setProblemStatus(tx: Tx, actor: Actor, id: string, status: ProblemStatus, now: Date) {
  assertManage(actor);
  const p = await lockProblem(tx, actor, id);
  const from = p.status as ProblemStatus;
  if (from === status) return { id, status };
  if (!PROBLEM_TRANSITIONS[from]?.includes(status)) {
    throw new AppError('invalid_transition', `Статус: из «${STATUS_NAMES[from]}» нельзя перевести в «${STATUS_NAMES[status]}»`, { status: 'Недопустимый переход' });
  }
  const closed = status === 'resolved' || status === 'not_confirmed';
  await tx.update(problems).set({ status, resolvedAt: closed ? now : null, updatedAt: now }).where(eq(problems.id, id));
  await recordAudit(tx, actor, { action: 'status', entity: 'problem', entityId: id, before: { status: from }, after: { status } });
  return { id, status };
}
