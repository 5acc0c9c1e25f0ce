import { sql, type SQL } from 'drizzle-orm';
import { addDaysIso, localDate, zonedTimeToUtc } from '../../../domain/deadlines';
import { rangeDays, type DateRange } from '../../../domain/analytics/period';
import type { RegisterQuery } from '../../../domain/cases/register-query';
import { AppError } from '../../errors';

/** Case filters with the register's names and exactly the register's SQL (list-cases.ts). */
export interface CaseFilters {
  regime?: string;
  channel?: string;
  blockId?: string;
  topicId?: string;
  settlementId?: string;
  localityId?: string;
  recipientId?: string;
  status?: string[];
  fastTrack?: '1' | '0';
}

/** The filter object that opens the register on the cases behind a figure (`/cases?…`). */
export type RegisterLink = Partial<Pick<RegisterQuery, 'from' | 'to' | 'regime' | 'channel' | 'blockId' | 'topicId' | 'settlementId' | 'localityId' | 'recipientId' | 'status' | 'deadline' | 'rating' | 'fastTrack'>>;

const FILTER_KEYS = ['regime', 'channel', 'blockId', 'topicId', 'settlementId', 'localityId', 'recipientId', 'status', 'fastTrack'] as const;

/** Only the case filters of a query object (drops period, measure and the like). */
export function caseFiltersOf(q: Record<string, unknown>): CaseFilters {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (q[k] !== undefined && q[k] !== null) out[k] = q[k];
  return out as CaseFilters;
}

/** The register's filters as SQL over `cases c` (or another relation with the same columns: `alias`, a code constant). */
export function filterConditions(f: CaseFilters, alias: 'c' | 's' = 'c'): SQL[] {
  const a = sql.raw(alias);
  const w: SQL[] = [];
  if (f.status?.length) w.push(sql`${a}.status IN (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.regime) w.push(sql`${a}.regime = ${f.regime}`);
  if (f.channel) w.push(sql`${a}.channel = ${f.channel}`);
  if (f.blockId) w.push(sql`${a}.topic_id IN (SELECT id FROM topics WHERE block_id = ${f.blockId})`);
  if (f.topicId) w.push(sql`(${a}.topic_id = ${f.topicId} OR ${a}.subtopic_id = ${f.topicId})`);
  if (f.settlementId) w.push(sql`${a}.settlement_id = ${f.settlementId}`);
  if (f.localityId) w.push(sql`${a}.locality_id = ${f.localityId}`);
  if (f.recipientId) w.push(sql`${a}.recipient_id = ${f.recipientId}`);
  if (f.fastTrack) w.push(sql`${a}.fast_track = ${f.fastTrack === '1'}`);
  return w;
}

/** Instants of a local date range: [start of `from`, start of the day after `to`). */
export function instants(r: DateRange, timeZone: string): { start: Date; end: Date } {
  return { start: zonedTimeToUtc(r.from, '00:00', timeZone), end: zonedTimeToUtc(addDaysIso(r.to, 1), '00:00', timeZone) };
}

/** `received_at` inside a local date range, as the register's from/to read it. */
export function receivedIn(r: DateRange, timeZone: string): SQL {
  const { start, end } = instants(r, timeZone);
  return sql`c.received_at >= ${start} AND c.received_at < ${end}`;
}

export function and(parts: SQL[]): SQL {
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

export function registerLink(f: CaseFilters, r: DateRange | null, extra: RegisterLink = {}): RegisterLink {
  const link: RegisterLink = {};
  if (r) Object.assign(link, { from: r.from, to: r.to });
  Object.assign(link, f, extra);
  return link as RegisterLink;
}

const MAX_DAYS = 1100;

/**
 * The period asked for (local dates, both ends included), or the `defaultDays` up to today in the
 * tenant's zone. Refuses a reversed or a too long range with a Russian message.
 */
export function resolveRange(q: { from?: string; to?: string }, now: Date, timeZone: string, defaultDays: number): DateRange {
  const to = q.to ?? localDate(now, timeZone);
  const from = q.from ?? addDaysIso(to, -(defaultDays - 1));
  if (from > to) throw new AppError('validation', 'Период: дата начала позже даты окончания', { from: 'Дата начала позже даты окончания' });
  if (rangeDays({ from, to }) > MAX_DAYS) throw new AppError('validation', 'Период: не длиннее трёх лет', { from: 'Период не длиннее трёх лет' });
  return { from, to };
}

/** An IANA zone name as an SQL literal (the same text in SELECT and GROUP BY lets PostgreSQL match them). */
function zoneLiteral(timeZone: string): SQL {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new RangeError(`Неизвестный часовой пояс: ${timeZone}`);
  return sql.raw(`'${timeZone}'`);
}

/** The local date of receipt (a `date`): group by it, print it with `dayText`. */
export function localDay(timeZone: string): SQL {
  return sql`(c.received_at AT TIME ZONE ${zoneLiteral(timeZone)})::date`;
}

/** Monday of the local ISO week of receipt (a `date`). */
export function localWeek(timeZone: string): SQL {
  return sql`date_trunc('week', c.received_at AT TIME ZONE ${zoneLiteral(timeZone)})::date`;
}

/** `YYYY-MM-DD` of a grouped date expression, whatever the server's DateStyle. */
export function dayText(expr: SQL): SQL {
  return sql`to_char(${expr}, 'YYYY-MM-DD')`;
}
