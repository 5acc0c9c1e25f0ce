import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { analyticsIndicators } from '../../db/schema';
import { systemActor } from '../../http/actor';
import { STANDARD_INDICATORS } from '../../../domain/analytics/indicators';
import { MEASURE_UNITS } from '../../../domain/analytics/measures';
import { recordAudit } from '../audit/record-audit';

export type IndicatorRow = typeof analyticsIndicators.$inferSelect;

const seeded = new WeakMap<object, Set<string>>();

/**
 * Adds the usual indicators (domain/analytics/indicators.ts) to municipalities that lack a code,
 * as set by the region. Idempotent; a deactivated one keeps its code and is not re-added.
 */
export async function ensureStandardIndicators(db: Db, tenantIds: string[]): Promise<void> {
  const done = seeded.get(db) ?? new Set<string>();
  seeded.set(db, done);
  const todo = tenantIds.filter((t) => !done.has(t));
  if (!todo.length) return;
  await db.transaction(async (tx) => {
    for (const tenantId of todo) {
      const added = await tx
        .insert(analyticsIndicators)
        .values(STANDARD_INDICATORS.map((s) => ({ ...s, tenantId, setBy: 'region' })))
        .onConflictDoNothing({ target: [analyticsIndicators.tenantId, analyticsIndicators.code] })
        .returning({ id: analyticsIndicators.id, code: analyticsIndicators.code });
      if (added.length) await recordAudit(tx, systemActor(tenantId), { action: 'seed', entity: 'indicator', after: { codes: added.map((a) => a.code) } });
    }
  });
  for (const t of todo) done.add(t);
}

export function presentDefinition(r: IndicatorRow) {
  return {
    id: r.id,
    tenantId: r.tenantId,
    code: r.code,
    name: r.name,
    measure: r.measure,
    unit: MEASURE_UNITS[r.measure as keyof typeof MEASURE_UNITS] ?? 'count',
    filters: r.filters as Record<string, string>,
    period: r.period,
    target: r.targetValue === null ? null : { value: r.targetValue, direction: r.targetDirection },
    setBy: r.setBy,
    sort: r.sort,
    isActive: r.isActive,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listDefinitions(db: Db, tenantIds: string[], activeOnly = false): Promise<IndicatorRow[]> {
  if (!tenantIds.length) return [];
  await ensureStandardIndicators(db, tenantIds);
  const where = activeOnly ? and(inArray(analyticsIndicators.tenantId, tenantIds), eq(analyticsIndicators.isActive, true)) : inArray(analyticsIndicators.tenantId, tenantIds);
  return db.select().from(analyticsIndicators).where(where).orderBy(asc(analyticsIndicators.sort), asc(analyticsIndicators.code));
}
