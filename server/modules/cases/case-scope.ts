import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../db/rows';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';

/**
 * Which cases of the tenant the actor may see: everything with `cases.read` (limited to the
 * topics of their blocks when the role is block-scoped); with `cases.read_own` only the cases of
 * their recipient(s), as the responsible recipient or a co-executor.
 */
export function caseScope(actor: Actor, alias = 'c'): SQL {
  const a = sql.raw(alias);
  const tenant = sql`${a}.tenant_id = ${actor.tenantId}`;
  if (actor.permissions.has('cases.read')) {
    if (!actor.blockIds.length) return tenant;
    return sql`${tenant} AND ${a}.topic_id IN (SELECT id FROM topics WHERE block_id IN (${sql.join(actor.blockIds.map((b) => sql`${b}`), sql`, `)}))`;
  }
  if (actor.permissions.has('cases.read_own') && actor.recipientIds.length) {
    const ids = sql.join(actor.recipientIds.map((r) => sql`${r}::uuid`), sql`, `);
    return sql`${tenant} AND (${a}.recipient_id IN (${ids}) OR ${a}.id IN (SELECT case_id FROM case_co_executors WHERE recipient_id IN (${ids})))`;
  }
  if (actor.permissions.has('cases.read_own') && actor.userId) return sql`${tenant} AND ${a}.executor_id = ${actor.userId}`;
  throw new AppError('forbidden', 'Нет доступа к реестру обращений');
}

interface Executes {
  execute(q: SQL): Promise<unknown>;
}

/** Fails with a Russian 404 unless the case exists in the actor's scope (one indexed lookup). */
export async function assertCaseVisible(db: Executes, actor: Actor, id: string): Promise<void> {
  const visible = await rows(db, sql`SELECT 1 FROM cases c WHERE c.id = ${id} AND ${caseScope(actor)}`);
  if (!visible.length) throw new AppError('not_found', 'Обращение не найдено или недоступно');
}
