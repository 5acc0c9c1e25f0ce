import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { aggregateRows } from './read';
import { localDate } from '../../../domain/deadlines';
import { GROWTH_RULE, assessGrowth, type SeasonInput } from '../../../domain/analytics/growth';
import { lastCompleteWeek, parsePeriod, sameWeekYearsAgo, shiftWeek, type DateRange, type Period } from '../../../domain/analytics/period';
import type { SignalsQuery } from '../../../domain/analytics/schemas';
import { and, dayText, filterConditions, localWeek, receivedIn, registerLink, type CaseFilters } from './filters';
import { casesWithDay } from './case-sums';
import { municipalView, type MunicipalView } from './scope';
import { daySumsFor, daySumsSelect, type CaseWhere } from './day-sums';
import { signalFactors } from './signal-factors';

/** Counts per cell (topic|settlement) per week (its Monday), and per week overall. */
interface WeekCounts {
  cells: Map<string, Map<string, number>>;
  overall: Map<string, number>;
}

async function weekCounts(db: Db, view: MunicipalView, where: CaseWhere, r: DateRange): Promise<WeekCounts> {
  const source = daySumsFor(view, where.filters, ['topic_id', 'settlement_id'], r, ['n']);
  const week = sql`date_trunc('week', c.day::timestamp)::date`;
  const found = await aggregateRows<{ t: string | null; s: string | null; wk: string; n: number }>(
    db,
    source
      ? sql`SELECT c.topic_id::text AS t, c.settlement_id::text AS s, ${dayText(week)} AS wk, ${daySumsSelect(['n'])} FROM ${source}
            GROUP BY c.topic_id, c.settlement_id, ${week}`
      : sql`SELECT c.topic_id::text AS t, c.settlement_id::text AS s, ${dayText(sql`c.day`)} AS wk, count(*)::int AS n
            FROM ${casesWithDay(localWeek(view.timeZone), sql`c.topic_id, c.settlement_id`, and([view.scope, ...where.conds, receivedIn(r, view.timeZone)]))}
            GROUP BY c.topic_id, c.settlement_id, c.day`,
  );
  const out: WeekCounts = { cells: new Map(), overall: new Map() };
  for (const x of found) {
    out.overall.set(x.wk, (out.overall.get(x.wk) ?? 0) + x.n);
    if (!x.t || !x.s) continue;
    const key = `${x.t}|${x.s}`;
    if (!out.cells.has(key)) out.cells.set(key, new Map());
    out.cells.get(key)!.set(x.wk, x.n);
  }
  return out;
}

const weeksBack = (w: Period, n: number) => Array.from({ length: n }, (_, i) => shiftWeek(w, i - n));
const countOf = (m: Map<string, number> | undefined, w: Period) => m?.get(w.from) ?? 0;
const sumOver = (m: Map<string, number>, ws: Period[]) => ws.reduce((s, w) => s + (m.get(w.from) ?? 0), 0);

/** The week asked for, or the last complete ISO week in the tenant's zone. */
function weekOf(q: SignalsQuery, now: Date, timeZone: string): Period {
  return q.week ? parsePeriod(q.week) : lastCompleteWeek(localDate(now, timeZone));
}

interface History {
  week: Period;
  recentWeeks: Period[];
  pastWeeks: Period[];
  current: WeekCounts;
  past: WeekCounts[];
}

/** Weekly counts of the week and its 8 predecessors, and of the same weeks in earlier years. */
async function history(db: Db, view: MunicipalView, where: CaseWhere, week: Period): Promise<History> {
  const recentWeeks = weeksBack(week, GROWTH_RULE.recentWeeks);
  const pastWeeks = Array.from({ length: GROWTH_RULE.seasonalYears }, (_, i) => sameWeekYearsAgo(week, i + 1));
  const [current, ...past] = await Promise.all([
    weekCounts(db, view, where, { from: recentWeeks[0].from, to: week.to }),
    ...pastWeeks.map((w) => weekCounts(db, view, where, { from: shiftWeek(w, -GROWTH_RULE.recentWeeks).from, to: shiftWeek(w, GROWTH_RULE.seasonalSpan).to })),
  ]);
  return { week, recentWeeks, pastWeeks, current, past };
}

/** The cells whose week is a signal by the rule, the most surprising first. */
function detect(h: History) {
  const recentOverall = sumOver(h.current.overall, h.recentWeeks);
  const found = [];
  for (const [key, counts] of h.current.cells) {
    const observed = countOf(counts, h.week);
    if (observed < GROWTH_RULE.minCount) continue;
    const seasons: SeasonInput[] = h.pastWeeks.map((w, i) => ({
      year: Number(w.code.slice(0, 4)),
      weeks: [-1, 0, 1].map((d) => countOf(h.past[i].cells.get(key), shiftWeek(w, d))),
      base: sumOver(h.past[i].overall, weeksBack(w, GROWTH_RULE.recentWeeks)),
    }));
    const a = assessGrowth({ observed, recent: h.recentWeeks.map((w) => countOf(counts, w)), recentOverall, seasons });
    if (!a.isSignal) continue;
    const [topicId, settlementId] = key.split('|');
    found.push({ topicId, settlementId, a, series: [...h.recentWeeks, h.week].map((w) => ({ week: w.code, from: w.from, count: countOf(counts, w) })) });
  }
  return found.sort((x, y) => x.a.pValue - y.a.pValue || (y.a.ratio ?? 0) - (x.a.ratio ?? 0));
}

/**
 * GET /api/analytics/signals: topic × settlement cells whose count in the week is above what
 * their recent level and their season predict (domain/analytics/growth.ts), with the factors.
 */
export async function weeklySignals(db: Db, actor: Actor, q: SignalsQuery, now: Date) {
  const view = await municipalView(db, actor);
  const week = weekOf(q, now, view.timeZone);
  const filters: CaseFilters = { ...(q.blockId ? { blockId: q.blockId } : {}), ...(q.topicId ? { topicId: q.topicId } : {}) };
  const conds = filterConditions(filters);
  const h = await history(db, view, { conds, filters }, week);
  const found = detect(h);
  const keyOf = (f: { topicId: string; settlementId: string }) => `${week.code}:${f.topicId}:${f.settlementId}`;
  const [names, factors, dismissed] = await Promise.all([namesOf(db, view.tenant.id), signalFactors(db, view, conds, week, h.recentWeeks, found), dismissals(db, view.tenant.id, found.map(keyOf))]);
  return {
    week: { code: week.code, from: week.from, to: week.to },
    rule: GROWTH_RULE,
    cellsChecked: h.current.cells.size,
    items: found.map((f) => ({
      signalKey: keyOf(f),
      topic: { id: f.topicId, name: names.get(f.topicId) ?? null },
      settlement: { id: f.settlementId, name: names.get(f.settlementId) ?? null },
      observed: f.a.observed,
      expected: f.a.expected,
      ratio: f.a.ratio,
      pValue: f.a.pValue,
      threshold: f.a.threshold,
      basis: { recentMean: f.a.recentMean, seasonal: f.a.seasonal, seasons: f.a.seasons, lambda: f.a.lambda },
      series: f.series,
      factors: factors.get(`${f.topicId}|${f.settlementId}`) ?? { subtopics: [], channels: [], localities: [], streets: [] },
      registerQuery: registerLink(filters, week, { topicId: f.topicId, settlementId: f.settlementId }),
      dismissed: dismissed.get(keyOf(f)) ?? null,
    })),
  };
}

async function namesOf(db: Db, tenantId: string): Promise<Map<string, string>> {
  const found = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT id::text, name FROM topics WHERE tenant_id = ${tenantId} UNION ALL SELECT id::text, name FROM settlements WHERE tenant_id = ${tenantId}`,
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

async function dismissals(db: Db, tenantId: string, keys: string[]) {
  const out = new Map<string, { reason: string; at: string; by: string | null }>();
  if (!keys.length) return out;
  const found = await rows<{ signal_key: string; reason: string; dismissed_at: string; full_name: string | null }>(
    db,
    sql`SELECT d.signal_key, d.reason, d.dismissed_at, u.full_name FROM analytics_signal_dismissals d LEFT JOIN users u ON u.id = d.dismissed_by
        WHERE d.tenant_id = ${tenantId} AND d.signal_key IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`,
  );
  for (const r of found) out.set(r.signal_key, { reason: r.reason, at: new Date(r.dismissed_at).toISOString(), by: r.full_name });
  return out;
}
