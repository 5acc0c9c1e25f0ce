import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { caseScope } from '../cases/case-scope';
import { DEFAULT_WORK_SCHEDULE, type WorkSchedule } from '../../../domain/deadlines';
import type { DaySumsScope } from './day-sums';
import { ensureWorkTimeline, timelineOf } from './work-timeline';

export interface TenantInfo {
  id: string;
  code: string;
  name: string;
  population: number | null;
  timeZone: string;
  schedule: WorkSchedule;
}

/** A municipality's analytics: the cases the actor may see in the register, nothing else. */
export interface MunicipalView {
  kind: 'municipality';
  tenant: TenantInfo;
  timeZone: string;
  scope: SQL;
  /** The same cases as `scope` in the day sums' terms, or null when they cannot say it (own cases). */
  daySums: DaySumsScope | null;
}

/** The ЦУР's analytics: all municipalities of the region (or one of them), aggregates only. */
export interface RegionView {
  kind: 'region';
  regionId: string;
  timeZone: string;
  municipalities: TenantInfo[];
  scope: SQL;
  /** All municipalities in the region's zone: their local days are the region's (else null: scan). */
  daySums: DaySumsScope | null;
}

export type AnalyticsView = MunicipalView | RegionView;

function toInfo(r: Record<string, unknown>): TenantInfo {
  const settings = (r.settings ?? {}) as { workSchedule?: WorkSchedule };
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    population: r.population == null ? null : Number(r.population),
    timeZone: r.time_zone as string,
    schedule: settings.workSchedule ?? DEFAULT_WORK_SCHEDULE,
  };
}

/** The signature of the tenant's stored working time, read with the tenant. */
const WORK_SIGNATURE = sql`(SELECT w.signature FROM work_timelines w WHERE w.tenant_id = tenants.id) AS work_signature`;

/** Working time of incidents is read from stored tallies: they must be counted on the current calendar and schedule. */
async function keepTimelines(db: Db, list: Record<string, unknown>[]) {
  for (const r of list) {
    const t = toInfo(r);
    if (r.work_signature !== timelineOf(t.timeZone, t.schedule).signature) await ensureWorkTimeline(db, t.id, t.timeZone, t.schedule);
  }
}

/**
 * The municipality view of an actor. Figures count the same cases the actor's register shows
 * (block- or recipient-scoped roles see their part), so a cell's count equals the register's.
 */
export async function municipalView(db: Db, actor: Actor): Promise<MunicipalView> {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Аналитика муниципалитета: для ЦУР откройте раздел «Регион»');
  const [t] = await rows(db, sql`SELECT id, code, name, population, time_zone, settings, ${WORK_SIGNATURE} FROM tenants WHERE id = ${actor.tenantId}`);
  const readsCases = actor.permissions.has('cases.read') || actor.permissions.has('cases.read_own');
  const scope = readsCases ? caseScope(actor) : sql`c.tenant_id = ${actor.tenantId}`;
  const tenant = toInfo(t);
  await keepTimelines(db, [t]);
  const daySums = !readsCases ? { tenantIds: [tenant.id], blockIds: [] } : actor.permissions.has('cases.read') ? { tenantIds: [tenant.id], blockIds: actor.blockIds } : null;
  return { kind: 'municipality', tenant, timeZone: tenant.timeZone, scope, daySums };
}

/** The region view: only a region tenant's users, only its own municipalities (tenants.parent_id). */
export async function regionView(db: Db, actor: Actor, municipalityId?: string): Promise<RegionView> {
  if (actor.tenantKind !== 'region') throw new AppError('forbidden', 'Сводка по региону доступна только ЦУР');
  const [region] = await rows<{ time_zone: string }>(db, sql`SELECT time_zone FROM tenants WHERE id = ${actor.tenantId}`);
  const found = await rows(db, sql`SELECT id, code, name, population, time_zone, settings, ${WORK_SIGNATURE} FROM tenants WHERE parent_id = ${actor.tenantId} AND kind = 'municipality' AND is_active ORDER BY name`);
  await keepTimelines(db, found);
  const all = found.map(toInfo);
  const municipalities = municipalityId ? all.filter((m) => m.id === municipalityId) : all;
  if (municipalityId && !municipalities.length) throw new AppError('not_found', 'Муниципалитет не найден в регионе');
  const ids = municipalities.map((m) => sql`${m.id}::uuid`);
  const scope = ids.length ? sql`c.tenant_id IN (${sql.join(ids, sql`, `)})` : sql`FALSE`;
  const daySums = municipalities.every((m) => m.timeZone === region.time_zone) ? { tenantIds: municipalities.map((m) => m.id), blockIds: [] } : null;
  return { kind: 'region', regionId: actor.tenantId, timeZone: region.time_zone, municipalities, scope, daySums };
}
