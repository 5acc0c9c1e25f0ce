import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { analyticsIndicators, tenants } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { IndicatorInput, RegionIndicatorInput } from '../../../domain/analytics/schemas';
import { recordAudit } from '../audit/record-audit';
import { presentDefinition, type IndicatorRow } from './indicator-definitions';
import { valuesOf } from './save-indicator';

/** The region's municipalities an actor of the ЦУР may set indicators for. */
async function regionMunicipalities(tx: Tx, actor: Actor, ids?: string[]): Promise<string[]> {
  if (actor.tenantKind !== 'region') throw new AppError('forbidden', 'Показатели региона устанавливает ЦУР');
  const all = (await tx.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.parentId, actor.tenantId), eq(tenants.kind, 'municipality')))).map((r) => r.id);
  if (!ids) return all;
  const foreign = ids.filter((i) => !all.includes(i));
  if (foreign.length) throw new AppError('validation', 'Муниципалитеты: выберите из муниципалитетов региона', { municipalityIds: 'Выберите из муниципалитетов региона' });
  return ids;
}

function assertRegionFilters(f: IndicatorInput['filters']) {
  const local = (['blockId', 'topicId', 'settlementId', 'recipientId'] as const).find((k) => f[k]);
  if (local) throw new AppError('validation', 'Фильтры: у показателя ЦУР — только режим, канал и ускоренное решение', { [`filters.${local}`]: 'Недоступно для показателя ЦУР' });
}

/** The ЦУР sets an indicator for all (or the listed) municipalities of the region (`region.manage`). */
export async function createRegionIndicator(tx: Tx, actor: Actor, input: RegionIndicatorInput) {
  assertRegionFilters(input.filters);
  const ids = await regionMunicipalities(tx, actor, input.municipalityIds);
  if (!ids.length) throw new AppError('validation', 'Муниципалитеты: в регионе нет муниципалитетов', { municipalityIds: 'В регионе нет муниципалитетов' });
  const created = await tx.insert(analyticsIndicators).values(ids.map((tenantId) => ({ ...valuesOf(input), tenantId, setBy: 'region', createdBy: actor.userId }))).returning();
  for (const row of created) await recordAudit(tx, actor, { action: 'create', entity: 'indicator', entityId: row.id, after: row, tenantId: row.tenantId });
  return { items: created.map(presentDefinition) };
}

/** Loads a region-set indicator of one of the actor's municipalities. */
export async function regionRow(tx: Tx, actor: Actor, id: string): Promise<IndicatorRow> {
  const ids = await regionMunicipalities(tx, actor);
  const [row] = ids.length ? await tx.select().from(analyticsIndicators).where(and(eq(analyticsIndicators.id, id), inArray(analyticsIndicators.tenantId, ids))) : [];
  if (!row) throw new AppError('not_found', 'Показатель: запись не найдена');
  if (row.setBy !== 'region') throw new AppError('forbidden', 'Показатель установлен муниципалитетом: ЦУР его не изменяет');
  return row;
}

export async function updateRegionIndicator(tx: Tx, actor: Actor, id: string, input: IndicatorInput, now: Date) {
  assertRegionFilters(input.filters);
  const before = await regionRow(tx, actor, id);
  const [row] = await tx.update(analyticsIndicators).set({ ...valuesOf(input), updatedAt: now }).where(eq(analyticsIndicators.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'indicator', entityId: id, before, after: row, tenantId: row.tenantId });
  return presentDefinition(row);
}
