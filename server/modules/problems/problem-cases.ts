import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { problemCases, problems } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { caseScope } from '../cases/case-scope';
import { recordAudit } from '../audit/record-audit';
import { assertManage, auditCases } from './access';

/** The problem row of the tenant, locked for the change. */
export async function lockProblem(tx: Tx, actor: Actor, id: string) {
  const [p] = await tx.select().from(problems).where(and(eq(problems.id, id), eq(problems.tenantId, actor.tenantId))).for('update');
  if (!p) throw new AppError('not_found', 'Проблема не найдена');
  return p;
}

/** Fails unless every case is in the actor's register; returns their ids deduplicated. */
export async function visibleCases(tx: Tx, actor: Actor, caseIds: string[]): Promise<string[]> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return [];
  const found = await rows<{ id: string }>(tx, sql`SELECT c.id FROM cases c WHERE c.id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) AND ${caseScope(actor)}`);
  if (found.length !== ids.length) throw new AppError('validation', `Обращения: ${ids.length - found.length} из ${ids.length} не найдены или недоступны`, { caseIds: 'Не найдены или недоступны' });
  return ids;
}

/** Links cases to a problem (already linked ones are skipped); each link is audited on the case. */
export async function attachCases(tx: Tx, actor: Actor, problemId: string, caseIds: string[], now: Date) {
  assertManage(actor);
  const p = await lockProblem(tx, actor, problemId);
  const ids = await visibleCases(tx, actor, caseIds);
  const added = ids.length
    ? await tx
        .insert(problemCases)
        .values(ids.map((caseId) => ({ tenantId: actor.tenantId, problemId, caseId, addedBy: actor.userId, addedAt: now })))
        .onConflictDoNothing()
        .returning({ caseId: problemCases.caseId })
    : [];
  const addedIds = added.map((a) => a.caseId);
  if (addedIds.length) {
    await recordAudit(tx, actor, { action: 'attach_cases', entity: 'problem', entityId: problemId, after: { caseIds: addedIds } });
    await auditCases(tx, actor, 'problem_attach', addedIds, { problemId, problem: p.title });
    await tx.update(problems).set({ updatedAt: now }).where(eq(problems.id, problemId));
  }
  return { problemId, added: addedIds.length, alreadyLinked: ids.length - addedIds.length };
}

/** Unlinks cases from a problem, audited. */
export async function detachCases(tx: Tx, actor: Actor, problemId: string, caseIds: string[], now: Date) {
  assertManage(actor);
  const p = await lockProblem(tx, actor, problemId);
  const removed = await tx
    .delete(problemCases)
    .where(and(eq(problemCases.problemId, problemId), inArray(problemCases.caseId, [...new Set(caseIds)])))
    .returning({ caseId: problemCases.caseId });
  const ids = removed.map((r) => r.caseId);
  if (ids.length) {
    await recordAudit(tx, actor, { action: 'detach_cases', entity: 'problem', entityId: problemId, before: { caseIds: ids } });
    await auditCases(tx, actor, 'problem_detach', ids, { problemId, problem: p.title });
    await tx.update(problems).set({ updatedAt: now }).where(eq(problems.id, problemId));
  }
  return { problemId, removed: ids.length };
}
