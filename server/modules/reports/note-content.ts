import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { systemActor } from '../../http/actor';
import { rows } from '../../db/rows';
import { addDaysIso } from '../../../domain/deadlines';
import { isoWeekOf, previousRange, rangeDays, weekPeriod, yearAgoRange, type DateRange } from '../../../domain/analytics/period';
import { municipalDashboard } from '../analytics/dashboard';
import { municipalHeatmap } from '../analytics/heatmap';
import { weeklySignals } from '../analytics/signals';
import { summariseProblems, type ProblemsSummary } from '../problems/problems-summary';
import { instants } from '../analytics/filters';

/** One line of a breakdown table: a name, the count in the period and in the previous one. */
export interface BreakdownLine {
  name: string | null;
  count: number;
  prev: number;
}

/**
 * Everything the weekly note says, computed from the data: aggregates only, never an applicant,
 * a case text or an address. Stored with the note (jsonb) so an issued note never changes.
 */
export interface NoteContent {
  tenant: { name: string; fullName: string | null; oktmo: string | null };
  period: DateRange & { weekCode: string | null };
  generatedAt: string;
  totals: { n: number; prev: number; yoy: number; prevRange: DateRange; yoyRange: DateRange };
  timeliness: { inTimeShare: number | null; avgAnswerDays: number | null; late: number | null };
  byChannel: BreakdownLine[];
  byBlock: BreakdownLine[];
  bySettlement: BreakdownLine[];
  trend: { week: string; from: string; count: number }[];
  heatmap: { rows: string[]; cols: string[]; values: number[][] };
  overdue: { total: number; byRecipient: { name: string | null; count: number }[] };
  fastTrack: { share: number | null; n: number; k: number };
  satisfaction: { avg: number | null; n: number; share45: number | null; low: number };
  signals: { topic: string | null; settlement: string | null; observed: number; expected: number; ratio: number | null }[];
  problems: ProblemsSummary;
}

const TREND_WEEKS = 12;
const HEAT_ROWS = 12;
const HEAT_COLS = 12;

/** The week code when the range is exactly one ISO week. */
export function weekCodeOf(r: DateRange): string | null {
  const w = weekPeriod(r.from);
  return w.from === r.from && w.to === r.to ? w.code : null;
}

async function channelNames(db: Db, tenantId: string) {
  return new Map((await rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM channels WHERE tenant_id = ${tenantId}`)).map((r) => [r.code, r.name]));
}

async function blockOfTopic(db: Db, tenantId: string) {
  const found = await rows<{ id: string; block: string | null }>(db, sql`SELECT t.id::text, b.name AS block FROM topics t LEFT JOIN topic_blocks b ON b.id = t.block_id WHERE t.tenant_id = ${tenantId}`);
  return new Map(found.map((r) => [r.id, r.block]));
}

function byCount(list: BreakdownLine[]): BreakdownLine[] {
  return list.filter((x) => x.count || x.prev).sort((a, b) => b.count - a.count || b.prev - a.prev || (a.name ?? '').localeCompare(b.name ?? ''));
}

/**
 * The note's content for a period of local dates: the analytics module's dashboard, heat map and
 * growth signals (called, not re-queried) and the problems summary, seen as the whole МЦУ sees it.
 */
export async function buildNoteContent(db: Db, tenantId: string, range: DateRange, now: Date): Promise<NoteContent> {
  const actor = systemActor(tenantId);
  const prevRange = previousRange(range);
  const yoyRange = yearAgoRange(range);
  const weeks = Math.max(TREND_WEEKS, Math.ceil(rangeDays(range) / 7));
  const lastWeek = weekPeriod(range.to);
  const trendRange = { from: addDaysIso(lastWeek.from, -7 * (weeks - 1)), to: range.to };
  const signalWeek = lastWeek.to === range.to ? lastWeek : weekPeriod(addDaysIso(lastWeek.from, -1));
  const { year, week } = isoWeekOf(signalWeek.from);
  const [[tenant], cur, prev, trend, heat, signals, names, blocks] = await Promise.all([
    rows<{ name: string; full_name: string | null; oktmo: string | null; time_zone: string }>(db, sql`SELECT name, full_name, oktmo, time_zone FROM tenants WHERE id = ${tenantId}`),
    municipalDashboard(db, actor, range, now),
    municipalDashboard(db, actor, prevRange, now),
    municipalDashboard(db, actor, trendRange, now),
    municipalHeatmap(db, actor, { ...range, measure: 'count', level: 'settlement' }, now),
    weeklySignals(db, actor, { week: `${year}-W${String(week).padStart(2, '0')}` }, now),
    channelNames(db, tenantId),
    blockOfTopic(db, tenantId),
  ]);
  const span = instants(range, tenant.time_zone);
  const problems = await summariseProblems(db, tenantId, span.start, span.end);

  const prevChannels = new Map(prev.intake.byChannel.map((c) => [c.code, c.count]));
  const channels = new Set([...cur.intake.byChannel.map((c) => c.code), ...prevChannels.keys()]);
  const byChannel = byCount([...channels].map((code) => ({ name: names.get(code) ?? code, count: cur.intake.byChannel.find((c) => c.code === code)?.count ?? 0, prev: prevChannels.get(code) ?? 0 })));

  const blockTotals = new Map<string | null, BreakdownLine>();
  for (const r of heat.rows) {
    const name = r.id ? (blocks.get(r.id) ?? null) : null;
    const line = blockTotals.get(name) ?? { name, count: 0, prev: 0 };
    line.count += r.total.count;
    line.prev += r.total.prev ?? 0;
    blockTotals.set(name, line);
  }
  const bySettlement = byCount(heat.columns.map((c) => ({ name: c.name, count: c.total.count, prev: c.total.prev ?? 0 })));

  const topRows = heat.rows.map((r, i) => ({ r, i })).filter((x) => x.r.total.count > 0).sort((a, b) => b.r.total.count - a.r.total.count).slice(0, HEAT_ROWS);
  const topCols = heat.columns.map((c, j) => ({ c, j })).filter((x) => x.c.total.count > 0).sort((a, b) => b.c.total.count - a.c.total.count).slice(0, HEAT_COLS);

  const sat = cur.satisfaction;
  return {
    tenant: { name: tenant.name, fullName: tenant.full_name, oktmo: tenant.oktmo },
    period: { ...range, weekCode: weekCodeOf(range) },
    generatedAt: now.toISOString(),
    totals: { n: cur.intake.total.value ?? 0, prev: prev.intake.total.value ?? 0, yoy: heat.total.yoy ?? 0, prevRange, yoyRange },
    timeliness: { inTimeShare: cur.timeliness.inTimeShare.value, avgAnswerDays: cur.timeliness.avgAnswerDays.value, late: cur.timeliness.late.value },
    byChannel,
    byBlock: byCount([...blockTotals.values()]),
    bySettlement,
    trend: trend.trends.weekly.map((w) => ({ week: w.period, from: w.from, count: w.received.value ?? 0 })),
    heatmap: { rows: topRows.map((x) => x.r.name ?? '—'), cols: topCols.map((x) => x.c.name ?? '—'), values: topRows.map((x) => topCols.map((y) => heat.cells[x.i][y.j].count)) },
    overdue: { total: cur.overdueNow.total.value ?? 0, byRecipient: cur.overdueNow.byRecipient.map((r) => ({ name: r.recipient?.name ?? null, count: r.count })) },
    fastTrack: { share: cur.fastTrack.share.value, n: cur.fastTrack.share.n, k: cur.fastTrack.share.k ?? 0 },
    satisfaction: { avg: sat.avgRating.value, n: sat.avgRating.n, share45: sat.share45.value, low: sat.low.value ?? 0 },
    signals: signals.items
      .filter((s) => !s.dismissed)
      .slice(0, 10)
      .map((s) => ({ topic: s.topic.name, settlement: s.settlement.name, observed: s.observed, expected: s.expected, ratio: s.ratio })),
    problems,
  };
}
