import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/rows';
import { addDaysIso, CalendarYearMissingError, DEFAULT_WORK_SCHEDULE, localDate, zonedTimeToUtc, type WorkSchedule } from '../../../domain/deadlines';
import type { DateRange } from '../../../domain/analytics/period';
import { workingSpansOn } from '../../../domain/deadlines/working-time';
import { productionCalendar } from '../cases/deadlines/production-calendar';

/**
 * A municipality's working time in the database (`work_timelines`, `work_spans`, migration
 * 20261128113000-incident-work-seconds.sql): the spans of every working day of the years the
 * production calendar covers, with the working seconds before each. A trigger on `cases` reads it to
 * store an incident's answer times in working seconds; the day sums add them up.
 *
 * The spans come from domain/deadlines (calendar, schedule, lunch, shortened days, zone), like every
 * deadline. Their hash is the timeline's signature: when the calendar, the schedule or the zone
 * changes, `ensureWorkTimeline` writes the new spans and counts the incidents' working time again.
 */
export interface Timeline {
  signature: string;
  /** Epoch milliseconds. */
  starts: number[];
  ends: number[];
  /** Working seconds before each span. */
  before: number[];
  coversFrom: Date;
  coversTo: Date;
}

const cache = new Map<string, Timeline>();

/** The timeline of a zone and schedule over the calendar's first unbroken run of years. */
export function timelineOf(timeZone: string, schedule: WorkSchedule): Timeline {
  const key = JSON.stringify([timeZone, schedule]);
  const hit = cache.get(key);
  if (hit) return hit;
  const calendar = productionCalendar();
  const first = calendar.years[0];
  let last = first;
  while (calendar.covers(last + 1)) last++;
  const t: Timeline = { signature: '', starts: [], ends: [], before: [], coversFrom: zonedTimeToUtc(`${first}-01-01`, '00:00', timeZone), coversTo: zonedTimeToUtc(`${last + 1}-01-01`, '00:00', timeZone) };
  let seconds = 0;
  for (let day = `${first}-01-01`; day <= `${last}-12-31`; day = addDaysIso(day, 1)) {
    for (const s of workingSpansOn(day, { calendar, timeZone, schedule })) {
      t.starts.push(s.from);
      t.ends.push(s.to);
      t.before.push(seconds);
      seconds += Math.round((s.to - s.from) / 1000);
    }
  }
  t.signature = createHash('sha256').update(JSON.stringify([t.coversFrom, t.coversTo, t.starts, t.ends])).digest('hex');
  cache.set(key, t);
  return t;
}

/**
 * Makes the tenant's stored timeline the current one; when it was not, writes it and counts the
 * working seconds of the tenant's incidents again (their day sums follow through the trigger). Cheap
 * when nothing changed (one indexed read): the analytics call it before reading working time.
 */
export async function ensureWorkTimeline(db: Db, tenantId: string, timeZone: string, schedule: WorkSchedule): Promise<boolean> {
  const t = timelineOf(timeZone, schedule);
  const current = async (q: Parameters<typeof rows>[0]) => (await rows<{ signature: string }>(q, sql`SELECT signature FROM work_timelines WHERE tenant_id = ${tenantId}`))[0]?.signature === t.signature;
  if (await current(db)) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`work_timeline:${tenantId}`}))`);
    if (await current(tx)) return false;
    await tx.execute(sql`DELETE FROM work_spans WHERE tenant_id = ${tenantId}`);
    const iso = (ms: number[]) => `{${ms.map((x) => new Date(x).toISOString()).join(',')}}`;
    await tx.execute(sql`INSERT INTO work_spans (tenant_id, starts_at, ends_at, seconds_before)
      SELECT ${tenantId}::uuid, s, e, b FROM unnest(${iso(t.starts)}::timestamptz[], ${iso(t.ends)}::timestamptz[], ${`{${t.before.join(',')}}`}::bigint[]) AS x(s, e, b)`);
    await tx.execute(sql`INSERT INTO work_timelines (tenant_id, signature, covers_from, covers_to, built_at)
      VALUES (${tenantId}, ${t.signature}, ${t.coversFrom}, ${t.coversTo}, now())
      ON CONFLICT (tenant_id) DO UPDATE SET signature = EXCLUDED.signature, covers_from = EXCLUDED.covers_from, covers_to = EXCLUDED.covers_to, built_at = now()`);
    await tx.execute(sql`UPDATE cases SET answer_work_seconds = work_seconds_between(tenant_id, received_at, answered_at),
        first_answer_work_seconds = work_seconds_between(tenant_id, received_at, first_answered_at)
      WHERE tenant_id = ${tenantId} AND channel = 'incident' AND (answered_at IS NOT NULL OR first_answered_at IS NOT NULL)`);
    return true;
  });
}

/** Every municipality's timeline, at start (so the first dashboard after a change does not wait). */
export async function ensureWorkTimelines(db: Db): Promise<number> {
  const list = await rows<{ id: string; time_zone: string; settings: { workSchedule?: WorkSchedule } | null }>(db, sql`SELECT id, time_zone, settings FROM tenants WHERE kind = 'municipality'`);
  let built = 0;
  for (const t of list) if (await ensureWorkTimeline(db, t.id, t.time_zone, t.settings?.workSchedule ?? DEFAULT_WORK_SCHEDULE)) built++;
  return built;
}

/** The message of the first year of the period (up to today) the production calendar lacks, or null. */
export function calendarGap(range: DateRange, now: Date, timeZone: string): string | null {
  const today = localDate(now, timeZone);
  const to = range.to < today ? range.to : today;
  for (let y = Number(range.from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!productionCalendar().covers(y)) return new CalendarYearMissingError(y).message;
  return null;
}
