import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { aggregateRows } from './read';
import type { MapQuery } from '../../../domain/analytics/schemas';
import { MEASURE_UNITS, keysFor, measureValue } from '../../../domain/analytics/measures';
import { buildMatrix, scaleOf } from './matrix';
import { readSums, sumsSelect } from './case-sums';
import { and, caseFiltersOf, filterConditions, receivedIn, registerLink, resolveRange } from './filters';
import { municipalView } from './scope';
import { DEFAULT_DAYS, territoryColumns } from './heatmap';

/** A grid cell with fewer cases is not shown on its own (it could point at one household). */
export const MIN_GRID_COUNT = 3;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * GET /api/analytics/map: values per settlement for a choropleth (boundaries come from
 * /api/territory/geo), localities with known coordinates as points, and case points aggregated
 * to a grid — counts only, no addresses, no texts.
 */
export async function municipalMap(db: Db, actor: Actor, q: MapQuery, now: Date) {
  const view = await municipalView(db, actor);
  const range = resolveRange(q, now, view.timeZone, DEFAULT_DAYS);
  const filters = caseFiltersOf(q);
  const where = and([view.scope, ...filterConditions(filters), receivedIn(range, view.timeZone)]);
  const g = Number(q.grid);
  const [matrix, localityRows, gridRows] = await Promise.all([
    buildMatrix(
      db,
      {
        view,
        conditions: filterConditions(filters),
        rowKey: sql`c.tenant_id`, // one row: the municipality
        colKey: sql`c.settlement_id`,
        rows: [{ key: view.tenant.id, id: null, code: null, name: null, population: view.tenant.population }],
        cols: await territoryColumns(db, view, 'settlement', q.settlementId),
        measure: q.measure,
        range,
        totalPopulation: view.tenant.population,
        link: (_r, c) => (c && c.id === null ? null : registerLink(filters, range, c ? { settlementId: c.id! } : {})),
        daySums: { filters, columns: ['tenant_id', 'settlement_id'] },
      },
      now,
    ),
    aggregateRows(
      db,
      sql`SELECT l.id, l.name, l.settlement_id, l.lat, l.lon, l.population, s.*
          FROM (SELECT c.locality_id, ${sumsSelect(now, keysFor([q.measure]))} FROM cases c WHERE ${where} AND c.locality_id IS NOT NULL GROUP BY 1) s
          JOIN localities l ON l.id = s.locality_id
          ORDER BY s."n" DESC`,
    ),
    aggregateRows<{ i: number; j: number; n: number }>(
      db,
      sql`SELECT floor(c.lat / ${g})::int AS i, floor(c.lon / ${g})::int AS j, count(*)::int AS n
          FROM cases c WHERE ${where} AND c.lat IS NOT NULL AND c.lon IS NOT NULL GROUP BY 1, 2`,
    ),
  ]);
  const shown = gridRows.filter((r) => r.n >= MIN_GRID_COUNT);
  const placed = gridRows.reduce((s, r) => s + r.n, 0);
  return {
    measure: q.measure,
    unit: MEASURE_UNITS[q.measure],
    period: matrix.period,
    filters,
    total: matrix.total,
    settlements: matrix.columns.map(({ total, ...c }) => ({ ...c, ...total })),
    scale: scaleOf(matrix.columns.map((c) => c.total.value).filter((x): x is number => x !== null)),
    localities: localityRows.map((r) => {
      const sums = readSums(r);
      const population = r.population == null ? null : Number(r.population);
      const v = measureValue(q.measure, sums, population);
      const placedPoint = r.lat != null && r.lon != null;
      return {
        id: r.id as string,
        name: r.name as string,
        settlementId: (r.settlement_id as string) ?? null,
        lat: placedPoint ? Number(r.lat) : null,
        lon: placedPoint ? Number(r.lon) : null,
        population,
        count: sums.n,
        value: v.value,
        n: v.n,
        registerQuery: registerLink(filters, range, { localityId: r.id as string }),
      };
    }),
    grid: {
      cellDegrees: g,
      minCount: MIN_GRID_COUNT,
      cells: shown.map((r) => ({ lat: round6((r.i + 0.5) * g), lon: round6((r.j + 0.5) * g), count: r.n })),
      /** Cases with coordinates in cells below the minimum (counted, not shown). */
      suppressed: placed - shown.reduce((s, r) => s + r.n, 0),
      /** Cases of the period without coordinates. */
      withoutPoint: matrix.total.count - placed,
    },
  };
}
