import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { aggregateRows } from './read';
import { emptySums, keysFor, measureValue, sumAll, type MapMeasure, type Sums } from '../../../domain/analytics/measures';
import { previousRange, yearAgoRange, type DateRange } from '../../../domain/analytics/period';
import { sumsSelect, readSums } from './case-sums';
import { and, receivedIn, type RegisterLink } from './filters';
import type { AnalyticsView } from './scope';
import { daySumsFor, daySumsSelect, type DaySumsFilters } from './day-sums';

/** A row or a column of the matrix: a topic, a settlement, a municipality… (key null: «не указано»). */
export interface Member {
  key: string | null;
  id: string | null;
  code: string | null;
  name: string | null;
  population: number | null;
  /** Inactive reference rows are shown only when they have cases. */
  active?: boolean;
}

/** One number of the heat map with its comparisons and the register link of the cases behind it. */
export interface Cell {
  value: number | null;
  /** Cases in the cell. */
  count: number;
  /** What the value rests on: cases (count, per 1,000), cases with a due date (overdue share), ratings (average rating). */
  n: number;
  /** The same measure in the previous period of equal length. */
  prev: number | null;
  /** The same measure in the same dates a year earlier. */
  yoy: number | null;
  registerQuery: RegisterLink | null;
}

export interface MatrixSpec {
  view: AnalyticsView;
  conditions: SQL[];
  joins?: SQL;
  /** Grouping expressions (raw columns; cast to text in the output). */
  rowKey: SQL;
  colKey: SQL;
  rows: Member[];
  cols: Member[];
  measure: MapMeasure;
  range: DateRange;
  totalPopulation: number | null;
  link: (row: Member | null, col: Member | null) => RegisterLink | null;
  /** The same query in the day sums' terms: its filters and the case columns rowKey, colKey and joins use. */
  daySums?: { filters: DaySumsFilters; columns: string[] };
}

/** One window's tallies by cell, with the row, column and overall sums made once. */
interface Grid {
  cells: Map<string, Sums>;
  rows: Map<string | null, Sums>;
  cols: Map<string | null, Sums>;
  total: Sums;
}
const keyOf = (r: string | null, c: string | null) => `${r ?? ''}|${c ?? ''}`;

function add(m: Map<string | null, Sums>, k: string | null, s: Sums) {
  m.set(k, sumAll([m.get(k) ?? emptySums(), s]));
}

async function window(db: Db, s: MatrixSpec, r: DateRange, now: Date): Promise<Grid> {
  const keys = keysFor([s.measure]);
  const source = s.daySums ? daySumsFor(s.view, s.daySums.filters, s.daySums.columns, r, keys, now) : null;
  const found = await aggregateRows(
    db,
    source
      ? sql`SELECT ${s.rowKey}::text AS r, ${s.colKey}::text AS k, ${daySumsSelect(keys)}
            FROM ${source} ${s.joins ?? sql``}
            GROUP BY ${s.rowKey}, ${s.colKey}`
      : sql`SELECT ${s.rowKey}::text AS r, ${s.colKey}::text AS k, ${sumsSelect(now, keys)}
            FROM cases c ${s.joins ?? sql``}
            WHERE ${and([s.view.scope, ...s.conditions, receivedIn(r, s.view.timeZone)])}
            GROUP BY ${s.rowKey}, ${s.colKey}`,
  );
  const g: Grid = { cells: new Map(), rows: new Map(), cols: new Map(), total: emptySums() };
  for (const x of found) {
    const [row, col, sums] = [(x.r as string) ?? null, (x.k as string) ?? null, readSums(x)];
    g.cells.set(keyOf(row, col), sums);
    add(g.rows, row, sums);
    add(g.cols, col, sums);
    g.total = sumAll([g.total, sums]);
  }
  return g;
}

/** Reference members with cases or active, plus members that only the data knows (e.g. «не указано»). */
function present(ref: Member[], seen: Set<string | null>): Member[] {
  const known = new Set(ref.map((m) => m.key));
  const extra = [...seen].filter((k) => !known.has(k)).map((key): Member => ({ key, id: key, code: null, name: null, population: null }));
  return [...ref.filter((m) => m.active !== false || seen.has(m.key)), ...extra.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : 0))];
}

/** Quintile breaks of the cells' values: the matrix and the map colour with the same scale. */
export function scaleOf(values: number[]) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { min: null, max: null, breaks: [] as number[] };
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return { min: v[0], max: v[v.length - 1], breaks: [q(0.2), q(0.4), q(0.6), q(0.8)] };
}

/**
 * Rows × columns of a measure over the period, the previous period of equal length and the same
 * dates a year earlier; totals per row, per column and overall. Exact: GROUP BY over the cases.
 */
export async function buildMatrix(db: Db, s: MatrixSpec, now: Date) {
  const prevRange = previousRange(s.range);
  const yoyRange = yearAgoRange(s.range);
  const [cur, prev, yoy] = await Promise.all([window(db, s, s.range, now), window(db, s, prevRange, now), window(db, s, yoyRange, now)]);
  const seenRows = new Set([cur, prev, yoy].flatMap((g) => [...g.rows.keys()]));
  const seenCols = new Set([cur, prev, yoy].flatMap((g) => [...g.cols.keys()]));
  const rowsOut = present(s.rows, seenRows);
  const colsOut = present(s.cols, seenCols);
  const cell = (get: (g: Grid) => Sums | undefined, population: number | null, link: RegisterLink | null): Cell => {
    const [a, b, y] = [cur, prev, yoy].map((g) => get(g) ?? emptySums());
    const v = measureValue(s.measure, a, population);
    return { value: v.value, count: a.n, n: v.n, prev: measureValue(s.measure, b, population).value, yoy: measureValue(s.measure, y, population).value, registerQuery: link };
  };
  const cells = rowsOut.map((r) => colsOut.map((c) => cell((g) => g.cells.get(keyOf(r.key, c.key)), c.population, s.link(r, c))));
  return {
    period: s.range,
    previous: prevRange,
    yearAgo: yoyRange,
    rows: rowsOut.map((r) => ({ id: r.id, code: r.code, name: r.name, total: cell((g) => g.rows.get(r.key), s.totalPopulation, s.link(r, null)) })),
    columns: colsOut.map((c) => ({ id: c.id, code: c.code, name: c.name, population: c.population, total: cell((g) => g.cols.get(c.key), c.population, s.link(null, c)) })),
    cells,
    total: cell((g) => g.total, s.totalPopulation, s.link(null, null)),
    scale: scaleOf(cells.flat().map((c) => c.value).filter((x): x is number => x !== null)),
  };
}
