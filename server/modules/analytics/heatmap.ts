import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import type { HeatmapQuery } from '../../../domain/analytics/schemas';
import { MEASURE_UNITS } from '../../../domain/analytics/measures';
import { buildMatrix, type Member } from './matrix';
import { caseFiltersOf, filterConditions, registerLink, resolveRange } from './filters';
import { municipalView, type MunicipalView } from './scope';

export const DEFAULT_DAYS = 30;

const member = (r: Record<string, unknown>): Member => ({
  key: r.id as string,
  id: r.id as string,
  code: (r.code as string) ?? null,
  name: r.name as string,
  population: r.population == null ? null : Number(r.population),
  active: r.is_active !== false,
});

/** Topics (or the sub-topics of one topic) as the heat map's rows; a block-scoped user sees their blocks. */
export async function topicRows(db: Db, view: MunicipalView, actor: Actor, q: { topicId?: string; blockId?: string }): Promise<Member[]> {
  const t = view.tenant.id;
  const found = q.topicId
    ? await rows(db, sql`SELECT id, code, name, is_active FROM topics WHERE tenant_id = ${t} AND parent_id = ${q.topicId} ORDER BY sort, name`)
    : await rows(
        db,
        sql`SELECT id, code, name, is_active FROM topics WHERE tenant_id = ${t} AND parent_id IS NULL
            ${q.blockId ? sql`AND block_id = ${q.blockId}` : sql``}
            ${actor.blockIds.length ? sql`AND block_id IN (${sql.join(actor.blockIds.map((b) => sql`${b}::uuid`), sql`, `)})` : sql``}
            ORDER BY sort, name`,
      );
  return found.map(member);
}

/** Settlements (or localities) as columns, the biggest first. */
export async function territoryColumns(db: Db, view: MunicipalView, level: 'settlement' | 'locality', settlementId?: string): Promise<Member[]> {
  const t = view.tenant.id;
  const found =
    level === 'settlement'
      ? await rows(db, sql`SELECT id, code, name, population, is_active FROM settlements WHERE tenant_id = ${t} ${settlementId ? sql`AND id = ${settlementId}` : sql``} ORDER BY population DESC NULLS LAST, name`)
      : await rows(db, sql`SELECT id, code, name, population, is_active FROM localities WHERE tenant_id = ${t} ${settlementId ? sql`AND settlement_id = ${settlementId}` : sql``} ORDER BY population DESC NULLS LAST, name`);
  return found.map(member);
}

/** Population behind the totals: the filtered settlement or locality, else the municipality. */
async function totalPopulation(db: Db, view: MunicipalView, q: HeatmapQuery): Promise<number | null> {
  if (q.localityId) return populationOf(db, sql`SELECT population FROM localities WHERE id = ${q.localityId} AND tenant_id = ${view.tenant.id}`);
  if (q.settlementId) return populationOf(db, sql`SELECT population FROM settlements WHERE id = ${q.settlementId} AND tenant_id = ${view.tenant.id}`);
  return view.tenant.population;
}

async function populationOf(db: Db, query: ReturnType<typeof sql>): Promise<number | null> {
  const [r] = await rows<{ population: number | null }>(db, query);
  return r?.population == null ? null : Number(r.population);
}

/** GET /api/analytics/heatmap: topics × settlements (or sub-topics × localities) of the municipality. */
export async function municipalHeatmap(db: Db, actor: Actor, q: HeatmapQuery, now: Date) {
  const view = await municipalView(db, actor);
  const range = resolveRange(q, now, view.timeZone, DEFAULT_DAYS);
  const filters = caseFiltersOf(q);
  const colField = q.level === 'locality' ? 'localityId' : 'settlementId';
  const [rowMembers, colMembers, population] = await Promise.all([topicRows(db, view, actor, q), territoryColumns(db, view, q.level, q.settlementId), totalPopulation(db, view, q)]);
  const matrix = await buildMatrix(
    db,
    {
      view,
      conditions: filterConditions(filters),
      rowKey: q.topicId ? sql`c.subtopic_id` : sql`c.topic_id`,
      colKey: q.level === 'locality' ? sql`c.locality_id` : sql`c.settlement_id`,
      rows: rowMembers,
      cols: colMembers,
      measure: q.measure,
      range,
      totalPopulation: population,
      link: (r, c) => {
        if ((r && r.id === null) || (c && c.id === null)) return null; // «не указано» has no register filter
        return registerLink(filters, range, { ...(r ? { topicId: r.id! } : {}), ...(c ? { [colField]: c.id! } : {}) });
      },
      daySums: { filters, columns: [q.topicId ? 'subtopic_id' : 'topic_id', q.level === 'locality' ? 'locality_id' : 'settlement_id'] },
    },
    now,
  );
  return { measure: q.measure, unit: MEASURE_UNITS[q.measure], level: q.level, rowsAre: q.topicId ? 'subtopic' : 'topic', filters, ...matrix };
}
