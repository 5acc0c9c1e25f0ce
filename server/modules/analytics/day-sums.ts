import { sql, type SQL } from 'drizzle-orm';
import { SECONDS_KEYS, SUM_KEYS, type Sums } from '../../../domain/analytics/measures';
import type { DateRange } from '../../../domain/analytics/period';
import { and, filterConditions, localDay, receivedIn, type CaseFilters } from './filters';

/**
 * Reading the daily tallies `case_day_sums` (kept by triggers on `cases`, migration
 * 20261128021500-case-day-sums.sql) instead of scanning the cases: a quarter of one municipality is
 * ~10 000 rows of shape 1 instead of ~110 000 cases, a few hundred of shape 2.
 *
 * Exact: the stored tallies are those of case-sums.ts with «now» at infinity (an open case with a due
 * date counts as overdue, every fast-track case with a mark counts); `daySumsSource` subtracts the
 * cases whose due instant is still ahead, found through two partial indexes of the few open ones.
 */
export type Shape = 1 | 2 | 3 | 4;

/** The case columns each shape keeps (besides tenant and day). */
const SHAPE_COLUMNS: Record<Shape, readonly string[]> = {
  1: ['topic_id', 'settlement_id'],
  2: ['channel', 'regime', 'fast_track'],
  3: ['recipient_id'],
  4: ['topic_id', 'subtopic_id', 'settlement_id', 'locality_id'],
};

/** The register filters each shape can apply exactly (`topicCode`: the region's rubricator code). */
const SHAPE_FILTERS: Record<Shape, readonly string[]> = {
  1: ['blockId', 'settlementId', 'topicCode'],
  2: ['regime', 'channel', 'fastTrack'],
  3: ['recipientId'],
  4: ['blockId', 'topicId', 'settlementId', 'localityId', 'topicCode'],
};

/** Smallest first: shape 2 has a few rows a day, shape 3 a row per recipient, shape 1 a row per cell, 4 more. */
const BY_SIZE: Shape[] = [2, 3, 1, 4];

/** The tenants (and, for a block-scoped user, the topic blocks) a view may read from the day sums. */
export interface DaySumsScope {
  tenantIds: string[];
  blockIds: string[];
}

export type DaySumsFilters = CaseFilters & { topicCode?: string };

/** A query's case conditions twice: as SQL over `cases c` and as the filters they came from. */
export interface CaseWhere {
  conds: SQL[];
  filters: DaySumsFilters;
}

const used = (f: DaySumsFilters) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
    .map(([k]) => k);

/**
 * The smallest shape that holds `columns` (case columns the query groups by; tenant_id and the day
 * are in all) and applies `filters` exactly, or null: then the caller scans the cases.
 */
export function pickShape(scope: DaySumsScope | null, filters: DaySumsFilters, columns: readonly string[]): Shape | null {
  if (!scope || !scope.tenantIds.length) return null;
  const keys = used(filters);
  for (const shape of BY_SIZE) {
    if (scope.blockIds.length && shape !== 1 && shape !== 4) continue;
    if (!keys.every((k) => SHAPE_FILTERS[shape].includes(k))) continue;
    if (!columns.every((c) => c === 'tenant_id' || SHAPE_COLUMNS[shape].includes(c))) continue;
    return shape;
  }
  return null;
}

/** The stored column of each tally. */
export const DAY_SUMS_COLUMN: Record<keyof Sums, string> = {
  n: 'n',
  dueN: 'due_n',
  overdueN: 'overdue_n',
  answeredDueN: 'answered_due_n',
  inTimeN: 'in_time_n',
  answeredN: 'answered_n',
  answerSeconds: 'answer_seconds',
  ratedN: 'rated_n',
  ratingSum: 'rating_sum',
  rating45N: 'rating45_n',
  fastN: 'fast_n',
  fastInTimeN: 'fast_in_time_n',
  returnedN: 'returned_n',
  repeatN: 'repeat_n',
  routedN: 'routed_n',
  autoN: 'auto_n',
  workAnsweredN: 'work_answered_n',
  answerWorkSeconds: 'answer_work_seconds',
  workFirstN: 'work_first_n',
  firstAnswerWorkSeconds: 'first_answer_work_seconds',
};

const DIMS = sql.raw('tenant_id, day, topic_id, settlement_id, channel, regime, fast_track, recipient_id, subtopic_id, locality_id');
const ids = (list: string[]) => sql.join(list.map((x) => sql`${x}::uuid`), sql`, `);

/** The region's rubricator code (topics are per municipality) over `alias`. */
const topicCodeIn = (alias: 'c' | 's', code: string) => sql`${sql.raw(alias)}.topic_id IN (SELECT id FROM topics WHERE code = ${code})`;

/** The filters over `alias` (`s`: the day sums; `c`: the cases), as filters.ts reads them, plus the region's topic code. */
export function daySumsConditions(f: DaySumsFilters, alias: 'c' | 's'): SQL[] {
  return [...filterConditions(f, alias), ...(f.topicCode ? [topicCodeIn(alias, f.topicCode)] : [])];
}

/**
 * Open, not paused, due still ahead (and not already answered late): overdue at infinity, not yet now.
 * The first term is the predicate of cases_open_pending_idx; case_status_open keeps it exact.
 */
const pendingOverdue = (now: Date) =>
  sql`(c.status NOT IN ('answered','closed','forwarded','merged','rejected') AND case_status_open(c.status) AND c.paused_since IS NULL
       AND c.answer_due >= ${now} AND NOT coalesce(c.answered_at > c.answer_due, false))`;
/** Fast track, unanswered, its 30-day mark still ahead. */
const pendingFast = (now: Date) => sql`(c.fast_track AND c.answered_at IS NULL AND c.fast_track_due >= ${now})`;

export interface DaySumsQuery {
  shape: Shape;
  scope: DaySumsScope;
  /** The view's case scope (SQL over `cases c`) for the correction rows. */
  caseScope: SQL;
  filters: DaySumsFilters;
  range: DateRange;
  timeZone: string;
  /** Needed only when `keys` has a tally that depends on it (overdueN, fastN). */
  now?: Date;
  keys: readonly (keyof Sums)[];
}

/**
 * A relation `c` with the columns tenant_id, day, topic_id, settlement_id, channel, regime,
 * fast_track, recipient_id, subtopic_id, locality_id and one column per tally (named as in `Sums`), whose sums over any
 * grouping by the shape's columns equal case-sums.ts over the cases at `now`. Group it with
 * `daySumsSelect`.
 */
export function daySumsSource(q: DaySumsQuery): SQL {
  const stored = sql`SELECT ${DIMS}, ${sql.join(
    SUM_KEYS.map((k) => sql`${sql.identifier(DAY_SUMS_COLUMN[k])} AS ${sql.identifier(k)}`),
    sql`, `,
  )} FROM case_day_sums s
    WHERE ${and([
      sql`s.tenant_id IN (${ids(q.scope.tenantIds)}) AND s.shape = ${q.shape} AND s.day BETWEEN ${q.range.from}::date AND ${q.range.to}::date`,
      ...(q.scope.blockIds.length ? [sql`s.topic_id IN (SELECT id FROM topics WHERE block_id IN (${ids(q.scope.blockIds)}))`] : []),
      ...daySumsConditions(q.filters, 's'),
    ])}`;
  const zero = (k: keyof Sums) => (k === 'answerSeconds' ? sql`0::numeric` : SECONDS_KEYS.has(k) ? sql`0::bigint` : sql`0`);
  // One scan per kind of pending case, each an index-only scan of its partial index.
  const correction = (key: 'overdueN' | 'fastN', pending: SQL) => sql`SELECT c.tenant_id, ${localDay(q.timeZone)} AS day, c.topic_id, c.settlement_id, c.channel, c.regime, c.fast_track, c.recipient_id, c.subtopic_id, c.locality_id,
      ${sql.join(SUM_KEYS.map((k) => (k === key ? sql`-count(*)::int AS ${sql.identifier(k)}` : sql`${zero(k)} AS ${sql.identifier(k)}`)), sql`, `)}
    FROM cases c
    WHERE ${and([q.caseScope, ...daySumsConditions(q.filters, 'c'), receivedIn(q.range, q.timeZone), pending])}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  const parts = [stored];
  const now = () => {
    if (!q.now) throw new Error('daySumsSource: overdueN and fastN need «now»');
    return q.now;
  };
  if (q.keys.includes('overdueN')) parts.push(correction('overdueN', pendingOverdue(now())));
  if (q.keys.includes('fastN')) parts.push(correction('fastN', pendingFast(now())));
  return sql`(${sql.join(parts, sql` UNION ALL `)}) c`;
}

/** What of a view the day sums need: the cases it may read, as SQL and in the day sums' terms, and its zone. */
export interface DaySumsView {
  daySums: DaySumsScope | null;
  scope: SQL;
  timeZone: string;
}

/**
 * The `daySumsSource` relation of a view's query when a shape holds its grouping `columns` and its
 * `filters`, else null (the caller scans the cases).
 */
export function daySumsFor(view: DaySumsView, filters: DaySumsFilters, columns: readonly string[], range: DateRange, keys: readonly (keyof Sums)[], now?: Date): SQL | null {
  const shape = pickShape(view.daySums, filters, columns);
  return shape && daySumsSource({ shape, scope: view.daySums!, caseScope: view.scope, filters, range, timeZone: view.timeZone, now, keys });
}

/** The tallies over a `daySumsSource` relation, named and typed as case-sums.ts `sumsSelect`. */
export function daySumsSelect(keys: readonly (keyof Sums)[] = SUM_KEYS): SQL {
  return sql.join(
    keys.map((k) => sql`coalesce(sum(c.${sql.identifier(k)}), 0)::${sql.raw(SECONDS_KEYS.has(k) ? 'float8' : 'int')} AS ${sql.identifier(k)}`),
    sql`, `,
  );
}
