import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { aggregateRows } from './read';
import { localDate } from '../../../domain/deadlines';
import { keysFor, measureValue, sumAll, type IndicatorMeasure, type Sums } from '../../../domain/analytics/measures';
import { monthsOf, parsePeriod, periodContaining, previousPeriod, type DateRange, type Period } from '../../../domain/analytics/period';
import { targetMet } from '../../../domain/analytics/indicators';
import { AppError } from '../../errors';
import { casesWithDay, readSums, sumsSelect } from './case-sums';
import { and, dayText, filterConditions, localDay, receivedIn, registerLink, type CaseFilters } from './filters';
import { municipalView, type AnalyticsView } from './scope';
import { listDefinitions, presentDefinition, type IndicatorRow } from './indicator-definitions';
import { daySumsFor, daySumsSelect } from './day-sums';

/** Daily tallies of one tenant, with the columns simple filters need. */
interface DayRow {
  day: string;
  /** true: the SQL applied the filters already (a filter set of its own). */
  filtered: boolean;
  channel: string | null;
  regime: string | null;
  fastTrack: boolean | null;
  sums: Sums;
}

/** Filters the one shared scan can apply afterwards (all the usual indicators use only these). */
const SIMPLE = new Set(['regime', 'channel', 'fastTrack']);
const isSimple = (f: CaseFilters) => Object.keys(f).every((k) => SIMPLE.has(k));
const matches = (f: CaseFilters, r: DayRow) =>
  (!f.regime || r.regime === f.regime) && (!f.channel || r.channel === f.channel) && (!f.fastTrack || r.fastTrack === (f.fastTrack === '1'));

/**
 * Daily tallies per tenant over a range: one scan grouped by day, channel, regime and fast track
 * for the simple filter sets, or one scan per other filter set (grouped by day only).
 */
async function dailyByTenant(db: Db, view: AnalyticsView, filters: CaseFilters | null, r: DateRange, now: Date, tenantIds: string[], keys: (keyof Sums)[]): Promise<Map<string, DayRow[]>> {
  const tenantsIn = sql`c.tenant_id IN (${sql.join(tenantIds.map((t) => sql`${t}::uuid`), sql`, `)})`;
  const day = localDay(view.timeZone);
  const daySums = view.daySums && tenantIds.every((t) => view.daySums!.tenantIds.includes(t)) ? { ...view.daySums, tenantIds } : null;
  const source = daySumsFor({ daySums, scope: and([view.scope, tenantsIn]), timeZone: view.timeZone }, filters ?? {}, filters ? [] : ['channel', 'regime', 'fast_track'], r, keys, now);
  // Simple filter sets share one scan grouped by the columns they filter on; others filter in SQL.
  const by = filters ? sql`c.tenant_id, c.day` : sql`c.tenant_id, c.day, c.channel, c.regime, c.fast_track`;
  const columns = filters ? sql`` : sql`, c.channel AS ch, c.regime AS rg, c.fast_track AS ft`;
  const from = source ?? casesWithDay(day, filters ? sql`c.tenant_id` : sql`c.tenant_id, c.channel, c.regime`, and([view.scope, tenantsIn, ...filterConditions(filters ?? {}), receivedIn(r, view.timeZone)]));
  const found = await aggregateRows(
    db,
    sql`SELECT c.tenant_id::text AS t, ${dayText(sql`c.day`)} AS d ${columns}, ${source ? daySumsSelect(keys) : sumsSelect(now, keys)} FROM ${from} GROUP BY ${by}`,
  );
  const out = new Map<string, DayRow[]>();
  for (const x of found) {
    const t = x.t as string;
    if (!out.has(t)) out.set(t, []);
    out.get(t)!.push({ day: x.d as string, filtered: filters !== null, channel: (x.ch as string) ?? null, regime: (x.rg as string) ?? null, fastTrack: (x.ft as boolean) ?? null, sums: readSums(x) });
  }
  return out;
}

const within = (list: DayRow[] | undefined, f: CaseFilters, r: DateRange) =>
  sumAll((list ?? []).filter((x) => x.day >= r.from && x.day <= r.to && (x.filtered || matches(f, x))).map((x) => x.sums));

/** The period asked for (`2026-Q3`, `2026-09`, `2026`), or the current quarter in the tenant's zone. */
export function indicatorPeriod(code: string | undefined, now: Date, timeZone: string): Period {
  if (!code) return periodContaining('quarter', localDate(now, timeZone));
  let p: Period;
  try {
    p = parsePeriod(code);
  } catch {
    throw new AppError('validation', 'Период: 2026, 2026-Q3 или 2026-09', { period: 'Ожидается год, квартал или месяц' });
  }
  if (p.kind === 'week') throw new AppError('validation', 'Период: показатели считаются за месяц, квартал или год', { period: 'Ожидается год, квартал или месяц' });
  return p;
}

export interface IndicatorValue {
  value: number | null;
  n: number;
  met: boolean | null;
}

/**
 * Values of indicator definitions over a period, its previous period and its months. One query
 * per distinct filter set (the usual indicators share one), grouped by tenant and day.
 */
export async function computeIndicatorValues(db: Db, view: AnalyticsView, defs: IndicatorRow[], period: Period, now: Date) {
  const prev = previousPeriod(period);
  const keys = keysFor(defs.map((d) => d.measure as IndicatorMeasure));
  const filterKey = (d: IndicatorRow) => (isSimple(d.filters as CaseFilters) ? 'simple' : JSON.stringify(Object.entries(d.filters as object).sort()));
  const groups = new Map<string, IndicatorRow[]>();
  for (const d of defs) groups.set(filterKey(d), [...(groups.get(filterKey(d)) ?? []), d]);
  const daily = new Map<string, Map<string, DayRow[]>>();
  await Promise.all(
    [...groups].map(async ([k, ds]) => {
      const tenantIds = [...new Set(ds.map((d) => d.tenantId))];
      const f = k === 'simple' ? null : (ds[0].filters as CaseFilters);
      // The period and the previous one as two queries side by side (PostgreSQL seldom parallelises these scans).
      const [a, b] = await Promise.all([prev, period].map((r) => dailyByTenant(db, view, f, r, now, tenantIds, keys)));
      daily.set(k, new Map([...new Set([...a.keys(), ...b.keys()])].map((t) => [t, [...(a.get(t) ?? []), ...(b.get(t) ?? [])]])));
    }),
  );
  const value = (d: IndicatorRow, s: Sums): IndicatorValue => {
    const v = measureValue(d.measure as IndicatorMeasure, s);
    return { ...v, met: targetMet(v.value, d.targetValue, d.targetDirection as 'gte' | 'lte') };
  };
  return defs.map((d) => {
    const list = daily.get(filterKey(d))!.get(d.tenantId);
    const f = d.filters as CaseFilters;
    const cur = within(list, f, period);
    return {
      def: d,
      sums: cur,
      current: value(d, cur),
      previous: { period: prev.code, ...value(d, within(list, f, prev)) },
      months: period.kind === 'month' ? [] : monthsOf(period).map((m) => ({ period: m.code, from: m.from, to: m.to, ...value(d, within(list, f, m)) })),
    };
  });
}

/** GET /api/analytics/indicators: the municipality's active indicators over a period, against targets. */
export async function municipalIndicators(db: Db, actor: Actor, periodCode: string | undefined, now: Date) {
  const view = await municipalView(db, actor);
  const period = indicatorPeriod(periodCode, now, view.timeZone);
  const defs = await listDefinitions(db, [view.tenant.id], true);
  const values = await computeIndicatorValues(db, view, defs, period, now);
  return {
    period: { code: period.code, kind: period.kind, from: period.from, to: period.to },
    items: values.map((v) => ({
      ...presentDefinition(v.def),
      ...v.current,
      previous: v.previous,
      months: v.months,
      registerQuery: registerLink(v.def.filters as CaseFilters, period),
    })),
  };
}
