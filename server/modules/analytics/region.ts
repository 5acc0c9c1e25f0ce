import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { MEASURE_UNITS, emptySums, keysFor, measureValue, sumAll, type IndicatorMeasure } from '../../../domain/analytics/measures';
import type { RegionFilters, RegionHeatmapQuery } from '../../../domain/analytics/schemas';
import { buildMatrix, type Member } from './matrix';
import { caseFiltersOf, resolveRange } from './filters';
import { daySumsConditions, type DaySumsFilters } from './day-sums';
import { regionView, type RegionView, type TenantInfo } from './scope';
import { DEFAULT_DAYS } from './heatmap';
import { dashboardCore, overdueNow } from './dashboard';
import { RATING_DEFAULT_DAYS, rateEntities, sumsBy } from './rating';
import { computeIndicatorValues, indicatorPeriod } from './indicator-values';
import { listDefinitions, presentDefinition } from './indicator-definitions';

// The ЦУР sees aggregates only (R-RA-3, 152-ФЗ): counts and shares per municipality, topic code and
// settlement; no case texts, no addresses, no people, no links into a municipality's register.

/** Topics differ per municipality; across the region they are matched by rubricator code. */
function regionConditions(f: RegionFilters): { filters: DaySumsFilters; conds: SQL[] } {
  const filters: DaySumsFilters = { ...caseFiltersOf(f), ...(f.topicCode ? { topicCode: f.topicCode } : {}) };
  return { filters, conds: daySumsConditions(filters, 'c') };
}

const populationOf = (ms: TenantInfo[]) => (ms.length && ms.every((m) => m.population !== null) ? ms.reduce((s, m) => s + m.population!, 0) : null);
const tenantList = (v: RegionView) => v.municipalities.map((m) => ({ id: m.id, code: m.code, name: m.name, population: m.population }));

async function topicCodeRows(db: Db, v: RegionView, topicCode?: string): Promise<Member[]> {
  if (!v.municipalities.length) return [];
  const ids = sql.join(v.municipalities.map((m) => sql`${m.id}::uuid`), sql`, `);
  const found = topicCode
    ? await rows(db, sql`SELECT s.code, min(s.name) AS name, min(s.sort) AS sort FROM topics s JOIN topics p ON p.id = s.parent_id WHERE p.code = ${topicCode} AND s.tenant_id IN (${ids}) GROUP BY s.code ORDER BY 3, 2`)
    : await rows(db, sql`SELECT code, min(name) AS name, min(sort) AS sort FROM topics WHERE parent_id IS NULL AND tenant_id IN (${ids}) GROUP BY code ORDER BY 3, 2`);
  return found.map((r) => ({ key: r.code as string, id: null, code: r.code as string, name: r.name as string, population: null }));
}

/** GET /api/analytics/region/heatmap: topic codes × municipalities (or × settlements of one municipality). */
export async function regionHeatmap(db: Db, actor: Actor, q: RegionHeatmapQuery, now: Date) {
  const v = await regionView(db, actor, q.municipalityId);
  const range = resolveRange(q, now, v.timeZone, DEFAULT_DAYS);
  const { filters, conds } = regionConditions(q);
  const one = q.municipalityId ? v.municipalities[0] : null;
  const cols: Member[] = one
    ? (await rows(db, sql`SELECT id, code, name, population FROM settlements WHERE tenant_id = ${one.id} ORDER BY population DESC NULLS LAST, name`)).map((r) => ({
        key: r.id as string, id: r.id as string, code: r.code as string, name: r.name as string, population: r.population == null ? null : Number(r.population),
      }))
    : v.municipalities.map((m) => ({ key: m.id, id: m.id, code: m.code, name: m.name, population: m.population }));
  const matrix = await buildMatrix(
    db,
    {
      view: v,
      conditions: conds,
      joins: sql`LEFT JOIN topics t ON t.id = ${q.topicCode ? sql`c.subtopic_id` : sql`c.topic_id`}`,
      rowKey: sql`t.code`,
      colKey: one ? sql`c.settlement_id` : sql`c.tenant_id`,
      rows: await topicCodeRows(db, v, q.topicCode),
      cols,
      measure: q.measure,
      range,
      totalPopulation: populationOf(v.municipalities),
      link: () => null,
      daySums: { filters, columns: [q.topicCode ? 'subtopic_id' : 'topic_id', one ? 'settlement_id' : 'tenant_id'] },
    },
    now,
  );
  return { measure: q.measure, unit: MEASURE_UNITS[q.measure], level: one ? 'settlement' : 'municipality', rowsAre: q.topicCode ? 'subtopic' : 'topic', filters, ...matrix };
}

/** GET /api/analytics/region/dashboard: the consolidated picture and the figures per municipality. */
export async function regionDashboard(db: Db, actor: Actor, q: RegionFilters, now: Date) {
  const v = await regionView(db, actor, q.municipalityId);
  const range = resolveRange(q, now, v.timeZone, DEFAULT_DAYS);
  const { filters, conds } = regionConditions(q);
  const withIncident = !q.channel || q.channel === 'incident';
  const [core, overdue, perTenant] = await Promise.all([
    dashboardCore(db, v, { conds, filters }, range, now, () => null, withIncident),
    overdueNow(db, v, conds, now, sql`c.tenant_id::text`, sql`LEFT JOIN tenants g ON g.id = c.tenant_id`),
    sumsBy(db, v, 'tenant_id', { conds, filters }, range, now, keysFor(['answered_in_time_share', 'rating_4_5_share', 'avg_rating'])),
  ]);
  const overdueOf = new Map(overdue.map((o) => [o.id, o.n]));
  const overdueTotal = overdue.reduce((s, r) => s + r.n, 0);
  return {
    ...core,
    filters,
    municipalities: tenantList(v),
    byMunicipality: v.municipalities.map((m) => {
      const x = perTenant.get(m.id) ?? emptySums();
      return {
        municipality: { id: m.id, name: m.name },
        received: x.n,
        per1000: m.population ? (x.n * 1000) / m.population : null,
        inTimeShare: measureValue('answered_in_time_share', x).value,
        rating45Share: measureValue('rating_4_5_share', x).value,
        avgRating: measureValue('avg_rating', x).value,
        overdueNow: overdueOf.get(m.id) ?? 0,
      };
    }),
    overdueNow: { total: { value: overdueTotal, n: overdueTotal, registerQuery: null } },
  };
}

/** GET /api/analytics/region/rating: municipalities of the region, fairly (same method as recipients). */
export async function municipalityRating(db: Db, actor: Actor, q: RegionFilters, now: Date) {
  const v = await regionView(db, actor, q.municipalityId);
  const range = resolveRange(q, now, v.timeZone, RATING_DEFAULT_DAYS);
  const { filters, conds } = regionConditions(q);
  const result = await rateEntities(db, v, 'tenant_id', { conds, filters }, range, now);
  const byId = new Map(v.municipalities.map((m) => [m.id, m]));
  return {
    ...result,
    filters,
    items: result.items.map(({ id, ...x }) => {
      const m = byId.get(id);
      return { municipality: { id, name: m?.name ?? null }, per1000: m?.population ? (x.n * 1000) / m.population : null, ...x };
    }),
  };
}

/** GET /api/analytics/region/indicators: each municipality's indicators against targets, side by side. */
export async function regionIndicators(db: Db, actor: Actor, periodCode: string | undefined, now: Date) {
  const v = await regionView(db, actor);
  const period = indicatorPeriod(periodCode, now, v.timeZone);
  const defs = await listDefinitions(db, v.municipalities.map((m) => m.id), true);
  const values = await computeIndicatorValues(db, v, defs, period, now);
  const codes = [...new Map(defs.map((d) => [d.code, d])).values()];
  return {
    period: { code: period.code, kind: period.kind, from: period.from, to: period.to },
    municipalities: tenantList(v),
    indicators: codes.map((d) => {
      const order = new Map(v.municipalities.map((m, i) => [m.id, i]));
      const mine = values.filter((x) => x.def.code === d.code).sort((a, b) => order.get(a.def.tenantId)! - order.get(b.def.tenantId)!);
      const same = mine.every((x) => x.def.measure === d.measure && JSON.stringify(x.def.filters) === JSON.stringify(d.filters));
      const { id: _id, tenantId: _t, ...shape } = presentDefinition(d);
      return {
        ...shape,
        /** Pooled over the municipalities that have it (only when they all define it alike). */
        region: same ? regionValue(mine) : null,
        values: mine.map((x) => ({ municipalityId: x.def.tenantId, target: presentDefinition(x.def).target, setBy: x.def.setBy, ...x.current, previous: x.previous })),
      };
    }),
  };
}

/** An indicator pooled over municipalities: the same ratio over the summed tallies. */
function regionValue(mine: Awaited<ReturnType<typeof computeIndicatorValues>>) {
  if (!mine.length) return null;
  return measureValue(mine[0].def.measure as IndicatorMeasure, sumAll(mine.map((x) => x.sums)));
}
