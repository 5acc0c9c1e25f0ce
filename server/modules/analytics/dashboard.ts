import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { aggregateRows } from './read';
import { OPEN_STATUSES } from '../../../domain/cases/status';
import { SUM_KEYS, measureValue, sumAll, type Sums } from '../../../domain/analytics/measures';
import { clip, monthsOf, splitRange, weeksOf, type DateRange, type Period } from '../../../domain/analytics/period';
import type { AnalyticsFilters } from '../../../domain/analytics/schemas';
import { casesWithDay, readSums, SCAN_PART_DAYS, SCAN_PARTS, sumsSelect } from './case-sums';
import { and, caseFiltersOf, dayText, filterConditions, localDay, receivedIn, registerLink, resolveRange, type RegisterLink } from './filters';
import { municipalView, type AnalyticsView } from './scope';
import { calendarGap } from './work-timeline';
import { DEFAULT_DAYS } from './heatmap';
import { daySumsFor, daySumsSelect, type CaseWhere } from './day-sums';

/** A number of the dashboard: its value, what it rests on, and the register link of those cases. */
export interface Figure {
  value: number | null;
  /** The base: cases, answered cases, ratings… */
  n: number;
  /** The cases counted in a share (its numerator), when the figure is a share. */
  k?: number;
  registerQuery: RegisterLink | null;
}

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
const INCIDENT = 'incident';

interface DayRow {
  day: string;
  channel: string;
  regime: string;
  sums: Sums;
}

async function dayRows(db: Db, view: AnalyticsView, where: CaseWhere, range: DateRange, now: Date): Promise<DayRow[]> {
  const conds = where.conds;
  const read = (r: Record<string, unknown>) => ({ day: r.d as string, channel: r.ch as string, regime: r.rg as string, sums: readSums(r) });
  const source = daySumsFor(view, where.filters, ['channel', 'regime'], range, SUM_KEYS, now);
  if (source) {
    return (await aggregateRows(db, sql`SELECT ${dayText(sql`c.day`)} AS d, c.channel AS ch, c.regime AS rg, ${daySumsSelect()} FROM ${source} GROUP BY c.day, c.channel, c.regime`)).map(read);
  }
  const pieces = await Promise.all(
    splitRange(range, SCAN_PARTS, SCAN_PART_DAYS).map((piece) =>
      aggregateRows(
        db,
        sql`SELECT ${dayText(sql`c.day`)} AS d, c.channel AS ch, c.regime AS rg, ${sumsSelect(now)}
            FROM ${casesWithDay(localDay(view.timeZone), sql`c.channel, c.regime`, and([view.scope, ...conds, receivedIn(piece, view.timeZone)]))}
            GROUP BY c.day, c.channel, c.regime`,
      ),
    ),
  );
  return pieces.flat().map(read);
}

type Link = (extra?: RegisterLink, r?: DateRange) => RegisterLink | null;

/** Figures of one set of tallies (the whole period, a week, a month). */
function figuresOf(s: Sums, link: Link, r?: DateRange) {
  const v = (m: Parameters<typeof measureValue>[0]) => measureValue(m, s);
  return {
    received: { value: s.n, n: s.n, registerQuery: link({}, r) } as Figure,
    inTimeShare: { ...v('answered_in_time_share'), k: s.inTimeN, registerQuery: null } as Figure,
    late: { value: s.answeredDueN - s.inTimeN, n: s.answeredDueN, registerQuery: link({ deadline: 'late' }, r) } as Figure,
    avgAnswerDays: { ...v('avg_answer_days'), registerQuery: null } as Figure,
    overdueShare: { ...v('overdue_share'), k: s.overdueN, registerQuery: null } as Figure,
    fastTrackShare: { ...v('fast_track_share'), k: s.fastInTimeN, registerQuery: link({ fastTrack: '1' }, r) } as Figure,
    returnsShare: { ...v('returns_share'), k: s.returnedN, registerQuery: null } as Figure,
    avgRating: { ...v('avg_rating'), registerQuery: null } as Figure,
    rating45Share: { ...v('rating_4_5_share'), k: s.rating45N, registerQuery: link({ rating: 'high' }, r) } as Figure,
    lowRatings: { value: s.ratedN - s.rating45N, n: s.ratedN, registerQuery: null } as Figure,
    repeatShare: { ...v('repeat_share'), k: s.repeatN, registerQuery: null } as Figure,
    autoRoutedShare: { ...v('auto_routed_share'), k: s.autoN, registerQuery: null } as Figure,
  };
}

function breakdown(list: DayRow[], key: 'channel' | 'regime', total: number, link: Link) {
  const groups = new Map<string, Sums[]>();
  for (const r of list) groups.set(r[key], [...(groups.get(r[key]) ?? []), r.sums]);
  return [...groups]
    .map(([code, ss]) => {
      const s = sumAll(ss);
      return { code, count: s.n, share: total ? s.n / total : null, inTimeShare: measureValue('answered_in_time_share', s).value, registerQuery: link({ [key]: code }) };
    })
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function trend(list: DayRow[], periods: Period[], range: DateRange, link: Link) {
  return periods.map((p) => {
    const r = clip(p, range);
    const s = sumAll(list.filter((x) => x.day >= r.from && x.day <= r.to).map((x) => x.sums));
    const f = figuresOf(s, link, r);
    return { period: p.code, from: r.from, to: r.to, received: f.received, inTimeShare: f.inTimeShare, avgAnswerDays: f.avgAnswerDays, avgRating: f.avgRating, overdueShare: f.overdueShare };
  });
}

/**
 * Answer times of «Инцидент Менеджмент» in working hours (stored per case on the municipality's own
 * calendar and schedule, summed like any tally); null values with a note when the production
 * calendar lacks a year of the period: never guessed.
 */
function incidentHours(list: DayRow[], range: DateRange, now: Date, timeZone: string, link: Link) {
  const note = calendarGap(range, now, timeZone);
  const s = sumAll(list.filter((r) => r.channel === INCIDENT).map((r) => r.sums));
  const figure = (m: 'avg_answer_working_hours' | 'avg_first_response_working_hours') => ({ ...(note ? { value: null, n: 0 } : measureValue(m, s)), registerQuery: link({ channel: INCIDENT }) });
  return { avgAnswerWorkingHours: figure('avg_answer_working_hours'), avgFirstResponseWorkingHours: figure('avg_first_response_working_hours'), note };
}

/** The common dashboard of a view (municipality or region) over the period; `withIncident`: the channel filter allows incidents. */
export async function dashboardCore(db: Db, view: AnalyticsView, where: CaseWhere, range: DateRange, now: Date, link: Link, withIncident: boolean) {
  const list = await dayRows(db, view, where, range, now);
  const total = sumAll(list.map((r) => r.sums));
  const f = figuresOf(total, link);
  return {
    period: range,
    intake: { total: f.received, byChannel: breakdown(list, 'channel', total.n, link), byRegime: breakdown(list, 'regime', total.n, link) },
    timeliness: {
      inTimeShare: f.inTimeShare,
      late: f.late,
      avgAnswerDays: f.avgAnswerDays,
      overdueShare: f.overdueShare,
      incident: withIncident ? incidentHours(list, range, now, view.timeZone, link) : null,
    },
    fastTrack: { share: f.fastTrackShare },
    returns: { share: f.returnsShare },
    satisfaction: { avgRating: f.avgRating, share45: f.rating45Share, low: f.lowRatings },
    repeat: { share: f.repeatShare },
    autoRouted: { share: f.autoRoutedShare },
    trends: { weekly: trend(list, weeksOf(range), range, link), monthly: trend(list, monthsOf(range), range, link) },
  };
}

/** Open cases past their due date now (not limited to the period), grouped by `groupKey`. */
export async function overdueNow(db: Db, view: AnalyticsView, conds: SQL[], now: Date, groupKey: SQL, join: SQL) {
  return aggregateRows<{ id: string | null; name: string | null; n: number }>(
    db,
    sql`SELECT ${groupKey} AS id, min(g.name) AS name, count(*)::int AS n
        FROM cases c ${join}
        WHERE ${and([view.scope, ...conds, sql`c.status IN (${OPEN}) AND c.paused_since IS NULL AND c.answer_due < ${now}`])}
        GROUP BY 1 ORDER BY 3 DESC, 2`,
  );
}

/** GET /api/analytics/dashboard («Обзор МЦУ»). */
export async function municipalDashboard(db: Db, actor: Actor, q: AnalyticsFilters, now: Date) {
  const view = await municipalView(db, actor);
  const range = resolveRange(q, now, view.timeZone, DEFAULT_DAYS);
  const filters = caseFiltersOf(q);
  const link: Link = (extra = {}, r = range) => registerLink(filters, r, extra);
  const withIncident = !filters.channel || filters.channel === INCIDENT;
  const conds = filterConditions(filters);
  const [core, overdue] = await Promise.all([
    dashboardCore(db, view, { conds, filters }, range, now, link, withIncident),
    overdueNow(db, view, conds, now, sql`c.recipient_id::text`, sql`LEFT JOIN recipients g ON g.id = c.recipient_id`),
  ]);
  const noPeriod = (extra: RegisterLink) => registerLink(filters, null, { deadline: 'overdue', ...extra });
  return {
    ...core,
    filters,
    overdueNow: {
      total: { value: overdue.reduce((s, r) => s + r.n, 0), n: overdue.reduce((s, r) => s + r.n, 0), registerQuery: noPeriod({}) } as Figure,
      byRecipient: overdue.map((r) => ({ recipient: r.id ? { id: r.id, name: r.name } : null, count: r.n, registerQuery: r.id ? noPeriod({ recipientId: r.id }) : null })),
    },
  };
}
