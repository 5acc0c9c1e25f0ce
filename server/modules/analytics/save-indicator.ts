import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { analyticsIndicators, recipients, settlements, topicBlocks, topics } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { IndicatorInput } from '../../../domain/analytics/schemas';
import { recordAudit } from '../audit/record-audit';
import { presentDefinition } from './indicator-definitions';

/** Filter references must point into the municipality (a copied uuid of another one is refused). */
async function checkFilterRefs(tx: Tx, tenantId: string, f: IndicatorInput['filters']) {
  await assertOwnedRef(tx, topicBlocks, f.blockId, tenantId, 'filters.blockId', 'Блок');
  await assertOwnedRef(tx, topics, f.topicId, tenantId, 'filters.topicId', 'Тематика');
  await assertOwnedRef(tx, settlements, f.settlementId, tenantId, 'filters.settlementId', 'Поселение');
  await assertOwnedRef(tx, recipients, f.recipientId, tenantId, 'filters.recipientId', 'Получатель');
}

const clean = (f: IndicatorInput['filters']) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== undefined && v !== ''));

export function valuesOf(input: IndicatorInput) {
  const { code, name, measure, filters, period, targetValue, targetDirection, sort } = input;
  return { code, name, measure, filters: clean(filters), period, targetValue, targetDirection, sort };
}

/** The municipality's own indicator (set by the куратор / руководитель МЦУ: `reports.manage`). */
export async function saveCuratorIndicator(tx: Tx, actor: Actor, input: IndicatorInput, now: Date, id?: string) {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Показатели муниципалитета ведёт МЦУ');
  await checkFilterRefs(tx, actor.tenantId, input.filters);
  if (!id) {
    const [row] = await tx.insert(analyticsIndicators).values({ ...valuesOf(input), tenantId: actor.tenantId, setBy: 'curator', createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'indicator', entityId: row.id, after: row });
    return presentDefinition(row);
  }
  const before = await findOwned(tx, analyticsIndicators, id, actor.tenantId, 'Показатель');
  if (before.setBy !== 'curator') throw new AppError('forbidden', 'Показатель установлен ЦУР: изменить его может только ЦУР');
  const [row] = await tx.update(analyticsIndicators).set({ ...valuesOf(input), updatedAt: now }).where(eq(analyticsIndicators.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'indicator', entityId: id, before, after: row });
  return presentDefinition(row);
}
