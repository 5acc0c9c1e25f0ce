import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/cases/status';
import { SUM_KEYS, type Sums } from '../../../domain/analytics/measures';

const OPEN = sql.raw(`c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`);

/** The SQL of each tally of domain/analytics/measures.ts over `cases c`; `now` decides «open and past due». */
const TALLY: Record<keyof Sums, (now: Date) => SQL> = {
  n: () => sql`count(*)::int`,
  dueN: () => sql`count(*) FILTER (WHERE c.answer_due IS NOT NULL AND (c.answered_at IS NOT NULL OR ${OPEN}))::int`,
  overdueN: (now) => sql`count(*) FILTER (WHERE c.answered_at > c.answer_due OR (${OPEN} AND c.paused_since IS NULL AND c.answer_due < ${now}))::int`,
  answeredDueN: () => sql`count(*) FILTER (WHERE c.answered_at IS NOT NULL AND c.answer_due IS NOT NULL)::int`,
  inTimeN: () => sql`count(*) FILTER (WHERE c.answered_at <= c.answer_due)::int`,
  answeredN: () => sql`count(c.answered_at)::int`,
  answerSeconds: () => sql`coalesce(sum(extract(epoch FROM c.answered_at - c.received_at)), 0)::float8`,
  ratedN: () => sql`count(c.rating)::int`,
  ratingSum: () => sql`coalesce(sum(c.rating), 0)::int`,
  rating45N: () => sql`count(*) FILTER (WHERE c.rating >= 4)::int`,
  fastN: (now) => sql`count(*) FILTER (WHERE c.fast_track AND c.fast_track_due IS NOT NULL AND (c.answered_at IS NOT NULL OR c.fast_track_due < ${now}))::int`,
  fastInTimeN: () => sql`count(*) FILTER (WHERE c.fast_track AND c.answered_at <= c.fast_track_due)::int`,
  returnedN: () => sql`count(*) FILTER (WHERE c.answered_at IS NOT NULL AND c.returns_count > 0)::int`,
  repeatN: () => sql`count(*) FILTER (WHERE c.reopen_count > 0)::int`,
  routedN: () => sql`count(c.recipient_id)::int`,
  autoN: () => sql`count(*) FILTER (WHERE c.recipient_id IS NOT NULL AND c.auto_routed)::int`,
  workAnsweredN: () => sql`count(c.answer_work_seconds)::int`,
  answerWorkSeconds: () => sql`coalesce(sum(c.answer_work_seconds), 0)::float8`,
  workFirstN: () => sql`count(c.first_answer_work_seconds)::int`,
  firstAnswerWorkSeconds: () => sql`coalesce(sum(c.first_answer_work_seconds), 0)::float8`,
};

/**
 * The additive tallies as one SELECT list (all of them, or only `keys`: fewer aggregates, a faster
 * scan). Every figure of the heat map, the dashboard, the rating and the indicators is a ratio of
 * these, so they agree with each other and with the register.
 */
export function sumsSelect(now: Date, keys: readonly (keyof Sums)[] = SUM_KEYS): SQL {
  return sql.join(
    keys.map((k) => sql`${TALLY[k](now)} AS ${sql.identifier(k)}`),
    sql`, `,
  );
}

/** The tallies of a result row (drivers return numbers or numeric strings); absent ones are 0. */
export function readSums(row: Record<string, unknown>): Sums {
  const out = {} as Sums;
  for (const k of SUM_KEYS) out[k] = Number(row[k] ?? 0);
  return out;
}

/** The columns the tallies read. */
const SUM_COLUMNS = sql.raw(
  'c.received_at, c.answer_due, c.answered_at, c.status, c.paused_since, c.rating, c.fast_track, c.fast_track_due, c.returns_count, c.reopen_count, c.recipient_id, c.auto_routed, c.answer_work_seconds, c.first_answer_work_seconds',
);

/**
 * `cases c` narrowed to the tallies' columns, `extra` grouping columns and `day` (a local date of
 * receipt: the day or its week's Monday, `dayExpr`), behind an optimisation fence (OFFSET 0). PostgreSQL estimates a group per
 * case for any expression of `received_at` and then sorts hundreds of thousands of rows to disk;
 * over the fenced column it assumes a few hundred days and hashes the few thousand real groups.
 */
export function casesWithDay(dayExpr: SQL, extra: SQL, where: SQL): SQL {
  return sql`(SELECT ${dayExpr} AS day, ${extra}, ${SUM_COLUMNS} FROM cases c WHERE ${where} OFFSET 0) c`;
}

/**
 * A range longer than a quarter is scanned in up to 4 pieces side by side: each piece is selective
 * enough for the (tenant_id, received_at) index, where one long scan reads the whole table.
 */
export const SCAN_PARTS = 4;
export const SCAN_PART_DAYS = 90;
