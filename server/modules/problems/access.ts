import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
export { tenantToday } from '../../db/tenant-today';

type Executes = Db | Tx;

/** Problems and roadmaps are a municipality's work; the ЦУР sees them in its own views. */
export function assertMunicipal(actor: Actor): void {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Проблемы и дорожные карты ведёт МЦУ муниципалитета');
}

export function assertManage(actor: Actor): void {
  assertMunicipal(actor);
  if (!actor.permissions.has('problems.manage')) throw new AppError('forbidden', 'Недостаточно прав: нужно право вести проблемы и дорожные карты');
}

/** Fails with a field message unless the id is a row of the tenant in the table. */
export async function assertOwned(db: Executes, table: 'topics' | 'settlements' | 'recipients' | 'topic_blocks' | 'problems' | 'roadmaps', tenantId: string, id: string | null | undefined, field: string, label: string): Promise<void> {
  if (!id) return;
  const found = await rows(db, sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} AND tenant_id = ${tenantId}`);
  if (!found.length) throw new AppError('validation', `${label}: не найдено`, { [field]: 'Не найдено' });
}

/** Audit rows for many cases at once (the case timeline shows the problem link). */
export async function auditCases(tx: Tx, actor: Actor, action: string, caseIds: string[], after: unknown): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 500) {
    await tx.insert(auditEvents).values(
      caseIds.slice(i, i + 500).map((id) => ({ tenantId: actor.tenantId, actorUserId: actor.userId, action, entity: 'case', entityId: id, after: after as object, requestId: actor.requestId })),
    );
  }
}
