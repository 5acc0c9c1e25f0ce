import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { aggregateRows } from './read';
import { addDaysIso, CalendarYearMissingError, localDate, type WorkSchedule } from '../../../domain/deadlines';
import { workingSpansOn } from '../../../domain/deadlines/working-time';
import { splitRange, type DateRange } from '../../../domain/analytics/period';
import { SCAN_PART_DAYS, SCAN_PARTS } from './case-sums';
import { productionCalendar } from '../cases/deadlines/deadline-context';
import { and, receivedIn } from './filters';

/**
 * The tenant's working time as sorted spans with the working hours before each: the working hours
 * between two instants are W(to) − W(from), with W found by `width_bucket` (a binary search) in SQL.
 * The spans come from domain/deadlines (production calendar, schedule, lunch, shortened days).
 */
export interface WorkTimeline {
  starts: number[];
  ends: number[];
  before: number[];
}

const cache = new Map<string, WorkTimeline>();
const CACHE_SIZE = 32;

/** The timeline of a range (cached: the calendar and a schedule do not change under a running query). */
export function workTimeline(r: DateRange, timeZone: string, schedule: WorkSchedule): WorkTimeline {
  const key = JSON.stringify([r.from, r.to, timeZone, schedule]);
  const hit = cache.get(key);
  if (hit) return hit;
  const t = buildTimeline(r, timeZone, schedule);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, t);
  return t;
}

function buildTimeline(r: DateRange, timeZone: string, schedule: WorkSchedule): WorkTimeline {
  const ctx = { calendar: productionCalendar(), timeZone, schedule };
  const t: WorkTimeline = { starts: [], ends: [], before: [] };
  let hours = 0;
  for (let day = r.from; day <= r.to; day = addDaysIso(day, 1)) {
    for (const s of workingSpansOn(day, ctx)) {
      t.starts.push(s.from / 1000);
      t.ends.push(s.to / 1000);
      t.before.push(hours);
      hours += (s.to - s.from) / 3_600_000;
    }
  }
  return t;
}

/** A float8[] literal of numbers we computed (no user input), inlined so PostgreSQL folds it once. */
const arr = (xs: number[]) => `'{${xs.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}}'::float8[]`;

/** W(x) in hours for an epoch column `x` and its bucket `i` (0: before the first span). */
function W(t: WorkTimeline, x: string, i: string): SQL {
  const [s, e, w] = [arr(t.starts), arr(t.ends), arr(t.before)];
  return sql.raw(`CASE WHEN ${i} = 0 THEN 0 ELSE (${w})[${i}] + least(greatest(${x} - (${s})[${i}], 0), (${e})[${i}] - (${s})[${i}]) / 3600 END`);
}

export interface WorkingHoursResult {
  /** Mean working hours from receipt to the final answer. */
  answer: { value: number | null; n: number };
  /** Mean working hours from receipt to the first answer (interim or final). */
  firstResponse: { value: number | null; n: number };
  /** Set when the production calendar lacks a year of the period: the figure is not guessed. */
  note: string | null;
}

/**
 * Average answer time in working hours of the cases received in the period that match `conds`
 * (the dashboard passes channel «incident»), on one tenant's schedule and zone.
 */
export async function averageWorkingHours(db: Db, scope: SQL, conds: SQL[], range: DateRange, now: Date, timeZone: string, schedule: WorkSchedule): Promise<WorkingHoursResult> {
  let t: WorkTimeline;
  try {
    t = workTimeline({ from: addDaysIso(range.from, -1), to: addDaysIso(localDate(now, timeZone), 1) }, timeZone, schedule);
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { answer: { value: null, n: 0 }, firstResponse: { value: null, n: 0 }, note: e.message };
    throw e;
  }
  if (!t.starts.length) return { answer: { value: null, n: 0 }, firstResponse: { value: null, n: 0 }, note: null };
  const starts = sql.raw(arr(t.starts));
  const parts = await Promise.all(
    splitRange(range, SCAN_PARTS, SCAN_PART_DAYS).map(async (piece) => {
      const [r] = await aggregateRows<{ an: number; ah: number; fn: number; fh: number }>(
        db,
        sql`SELECT count(y.a)::int AS an, coalesce(sum(${W(t, 'y.a', 'y.ai')} - ${W(t, 'y.r', 'y.ri')}), 0)::float8 AS ah,
                   count(y.f)::int AS fn, coalesce(sum(${W(t, 'y.f', 'y.fi')} - ${W(t, 'y.r', 'y.ri')}), 0)::float8 AS fh
            FROM (SELECT x.*, width_bucket(x.r, ${starts}) AS ri, width_bucket(x.a, ${starts}) AS ai, width_bucket(x.f, ${starts}) AS fi
                  FROM (SELECT extract(epoch FROM c.received_at)::float8 AS r, extract(epoch FROM c.answered_at)::float8 AS a, extract(epoch FROM c.first_answered_at)::float8 AS f
                        FROM cases c WHERE ${and([scope, ...conds, receivedIn(piece, timeZone), sql`(c.first_answered_at IS NOT NULL OR c.answered_at IS NOT NULL)`])}) x
                  OFFSET 0) y`, // OFFSET 0: the buckets are computed once per row, not inlined into every W
      );
      return r;
    }),
  );
  const r = parts.reduce((acc, p) => ({ an: acc.an + Number(p.an), ah: acc.ah + Number(p.ah), fn: acc.fn + Number(p.fn), fh: acc.fh + Number(p.fh) }), { an: 0, ah: 0, fn: 0, fh: 0 });
  const an = Number(r.an);
  const fn = Number(r.fn);
  return {
    answer: { value: an ? Number(r.ah) / an : null, n: an },
    firstResponse: { value: fn ? Number(r.fh) / fn : null, n: fn },
    note: null,
  };
}
