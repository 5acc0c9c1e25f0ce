import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { aggregateRows } from './read';
import { measureValue, type Sums } from '../../../domain/analytics/measures';
import { RATING_METHOD, RATING_PARTS, pooledPriors, rankScores, scoreEntity, type RatingPart, type Tally } from '../../../domain/analytics/rating';
import { previousRange, type DateRange } from '../../../domain/analytics/period';
import type { RatingQuery } from '../../../domain/analytics/schemas';
import { readSums, sumsSelect } from './case-sums';
import { and, caseFiltersOf, filterConditions, receivedIn, registerLink, resolveRange } from './filters';
import { municipalView, type AnalyticsView } from './scope';
import { daySumsFor, daySumsSelect, type CaseWhere } from './day-sums';

/** A quarter by default: ratings need more cases than a month gives a small recipient. */
export const RATING_DEFAULT_DAYS = 90;

const RATING_KEYS: (keyof Sums)[] = ['n', 'answeredDueN', 'inTimeN', 'answeredN', 'returnedN', 'ratedN', 'ratingSum', 'rating45N'];

function tallies(s: Sums): Record<RatingPart, Tally> {
  return {
    timeliness: { k: s.inTimeN, n: s.answeredDueN },
    completeness: { k: s.answeredN - s.returnedN, n: s.answeredN },
    satisfaction: { k: s.rating45N, n: s.ratedN },
  };
}

export type EntityColumn = 'recipient_id' | 'tenant_id';

/** Tallies per entity (a case column) over a range. */
export async function sumsBy(db: Db, view: AnalyticsView, column: EntityColumn, where: CaseWhere, r: DateRange, now: Date, keys: readonly (keyof Sums)[] = RATING_KEYS): Promise<Map<string, Sums>> {
  const key = sql.raw(`c.${column}`);
  const source = daySumsFor(view, where.filters, [column], r, keys, now);
  const found = await aggregateRows(
    db,
    source
      ? sql`SELECT ${key}::text AS id, ${daySumsSelect(keys)} FROM ${source}
            WHERE ${key} IS NOT NULL GROUP BY ${key}`
      : sql`SELECT ${key}::text AS id, ${sumsSelect(now, keys)} FROM cases c
            WHERE ${and([view.scope, ...where.conds, receivedIn(r, view.timeZone), sql`${key} IS NOT NULL`])} GROUP BY ${key}`,
  );
  return new Map(found.map((x) => [x.id as string, readSums(x)]));
}

/** Scores and ranks of one period. */
function scorePeriod(by: Map<string, Sums>) {
  const priors = pooledPriors([...by.values()].map(tallies));
  const scored = [...by].map(([id, s]) => ({ id, sums: s, eligible: s.n >= RATING_METHOD.minCases, ...scoreEntity(tallies(s), priors) }));
  const ranks = rankScores(scored);
  return { priors, items: new Map(scored.map((x, i) => [x.id, { ...x, rank: ranks[i] }])) };
}

/**
 * A fair rating of entities (recipients, municipalities) by a case column: each part shrunk toward the
 * pooled mean (domain/analytics/rating.ts), «мало данных» below the minimum, previous period's
 * score and rank alongside.
 */
export async function rateEntities(db: Db, view: AnalyticsView, column: EntityColumn, where: CaseWhere, range: DateRange, now: Date) {
  const prevRange = previousRange(range);
  const [cur, prev] = await Promise.all([sumsBy(db, view, column, where, range, now), sumsBy(db, view, column, where, prevRange, now)]);
  const a = scorePeriod(cur);
  const b = scorePeriod(prev);
  const items = [...a.items.values()]
    .map((x) => {
      const p = b.items.get(x.id);
      return {
        id: x.id,
        n: x.sums.n,
        lowData: !x.eligible,
        score: x.score,
        rank: x.rank,
        parts: x.parts,
        avgRating: measureValue('avg_rating', x.sums).value,
        previous: p ? { n: p.sums.n, score: p.score, rank: p.rank } : null,
        rankChange: p?.rank != null && x.rank != null ? p.rank - x.rank : null,
      };
    })
    .sort((x, y) => Number(x.lowData) - Number(y.lowData) || (y.score ?? -1) - (x.score ?? -1) || y.n - x.n);
  return {
    period: range,
    previousPeriod: prevRange,
    method: { ...RATING_METHOD, parts: RATING_PARTS },
    priors: a.priors,
    items,
  };
}

/** GET /api/analytics/rating: recipients of the municipality (п. 3.3 б). */
export async function recipientRating(db: Db, actor: Actor, q: RatingQuery, now: Date) {
  const view = await municipalView(db, actor);
  const range = resolveRange(q, now, view.timeZone, RATING_DEFAULT_DAYS);
  const filters = caseFiltersOf(q);
  const result = await rateEntities(db, view, 'recipient_id', { conds: filterConditions(filters), filters }, range, now);
  const names = new Map(
    (await rows<{ id: string; name: string; short_name: string | null }>(db, sql`SELECT id::text, name, short_name FROM recipients WHERE tenant_id = ${view.tenant.id}`)).map((r) => [r.id, r]),
  );
  return {
    ...result,
    filters,
    items: result.items.map(({ id, ...x }) => ({
      recipient: { id, name: names.get(id)?.name ?? null, shortName: names.get(id)?.short_name ?? null },
      ...x,
      registerQuery: registerLink(filters, range, { recipientId: id }),
    })),
  };
}
