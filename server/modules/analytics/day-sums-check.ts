import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/rows';
import { SUM_KEYS } from '../../../domain/analytics/measures';
import { readSums, sumsSelect } from './case-sums';
import { DAY_SUMS_COLUMN, daySumsSelect } from './day-sums';

/** «Now» at infinity: what the stored day sums count (every due instant has passed). */
const INFINITY = new Date('9999-12-31T00:00:00Z');

const SHAPES = [
  { shape: 1, dims: 'c.topic_id, c.settlement_id' },
  { shape: 2, dims: 'c.channel, c.regime, c.fast_track' },
  { shape: 3, dims: 'c.recipient_id' },
  { shape: 4, dims: 'c.topic_id, c.subtopic_id, c.settlement_id, c.locality_id' },
] as const;

/**
 * Every way the stored day sums differ from a fresh count of the cases (the tallies of
 * case-sums.ts, each case on its municipality's local day), as readable lines; empty when exact.
 * Used by the tests after each kind of change and by the benchmark on a million cases.
 */
export async function daySumsMismatches(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const { shape, dims } of SHAPES) {
    const d = sql.raw(dims);
    const truth = await rows(
      db,
      sql`SELECT concat_ws('|', c.tenant_id, c.day, ${d}) AS k, ${sumsSelect(INFINITY)}
          FROM (SELECT (x.received_at AT TIME ZONE t.time_zone)::date AS day, x.* FROM cases x JOIN tenants t ON t.id = x.tenant_id) c
          GROUP BY c.tenant_id, c.day, ${d}`,
    );
    const stored = await rows(
      db,
      sql`SELECT concat_ws('|', c.tenant_id, c.day, ${d}) AS k, ${daySumsSelect()}
          FROM (SELECT s.tenant_id, s.day, s.topic_id, s.settlement_id, s.channel, s.regime, s.fast_track, s.recipient_id, s.subtopic_id, s.locality_id,
                       ${sql.raw(SUM_KEYS.map((k) => `s.${DAY_SUMS_COLUMN[k]} AS "${k}"`).join(', '))}
                FROM case_day_sums s WHERE s.shape = ${shape} AND s.n <> 0) c
          GROUP BY c.tenant_id, c.day, ${d}`,
    );
    const want = new Map(truth.map((r) => [r.k as string, readSums(r)]));
    const got = new Map(stored.map((r) => [r.k as string, readSums(r)]));
    for (const k of new Set([...want.keys(), ...got.keys()])) {
      const a = want.get(k);
      const b = got.get(k);
      if (!a || !b) {
        out.push(`форма ${shape}, ${k}: ${a ? 'нет в суммах' : 'лишняя строка в суммах'}`);
        continue;
      }
      for (const m of SUM_KEYS) {
        const same = m === 'answerSeconds' ? Math.abs(a[m] - b[m]) <= 1e-6 * Math.max(1, Math.abs(a[m])) : a[m] === b[m];
        if (!same) out.push(`форма ${shape}, ${k}: ${m} по обращениям ${a[m]}, в суммах ${b[m]}`);
      }
    }
  }
  return out;
}
