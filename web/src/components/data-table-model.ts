import type { ReactNode } from 'react';

/** A value a column sorts, searches and (by default) shows. */
export type CellValue = string | number | boolean | null | undefined;

export interface CellContext {
  /** The user sorted the rows: the natural order (e.g. a tree) is not shown. */
  sorted: boolean;
  /** A quick search or a column filter is applied. */
  filtered: boolean;
}

export interface DataTableFilter<T> {
  /** Accessible name and placeholder of the select, e.g. «Поселение». */
  label: string;
  options: { value: string; label: string }[];
  /** Whether a row passes when `value` is chosen; by default String(column.value(row)) === value. */
  match?: (row: T, value: string) => boolean;
  /** Width of the select in px. */
  width?: number;
}

export interface DataTableColumn<T> {
  key: string;
  /** Russian header text (already translated). */
  header: string;
  /** The value used to sort and search, and shown when there is no `render`. */
  value?: (row: T) => CellValue;
  render?: (row: T, ctx: CellContext) => ReactNode;
  /** Extra text for the quick search (default: the value). */
  searchText?: (row: T) => string | null | undefined;
  /** Full text for the tooltip of a truncated cell (default: the value). */
  tooltip?: (row: T) => string | null | undefined;
  /** Default: true when `value` is given. */
  sortable?: boolean;
  /** Default: true. */
  searchable?: boolean;
  /** CSS width: 120 (px) or '30%'. Columns without width share what is left. */
  width?: number | string;
  align?: 'left' | 'center' | 'right';
  /** Let the text wrap instead of truncating it with a tooltip. */
  wrap?: boolean;
  /** A select in the toolbar that filters by this column. */
  filter?: DataTableFilter<T>;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDirection;
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** Lower case, «ё» as «е», single spaces: what the quick search compares. */
export function normalize(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}

function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a);
  return collator.compare(String(a), String(b));
}

/** Sorts a copy; blanks go last whatever the direction. */
export function sortRows<T>(rows: T[], column: DataTableColumn<T> | undefined, dir: SortDirection): T[] {
  if (!column?.value) return rows;
  const get = column.value;
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: get(row) }))
    .sort((x, y) => {
      const bx = isBlank(x.v);
      const by = isBlank(y.v);
      if (bx || by) return bx === by ? x.index - y.index : bx ? 1 : -1;
      return sign * compareValues(x.v, y.v) || x.index - y.index;
    })
    .map((x) => x.row);
}

/** The searchable text of each row, computed once per row list. */
export function buildHaystacks<T>(rows: T[], columns: DataTableColumn<T>[]): Map<T, string> {
  const map = new Map<T, string>();
  for (const row of rows) {
    const parts: string[] = [];
    for (const c of columns) {
      if (c.searchable === false) continue;
      const extra = c.searchText?.(row);
      if (extra) parts.push(extra);
      const v = c.value?.(row);
      if (!isBlank(v) && typeof v !== 'boolean') parts.push(String(v));
    }
    map.set(row, normalize(parts.join(' ')));
  }
  return map;
}

export function filterRows<T>(
  rows: T[],
  columns: DataTableColumn<T>[],
  haystacks: Map<T, string>,
  query: string,
  filters: Record<string, string | null>,
): T[] {
  const tokens = normalize(query).split(' ').filter(Boolean);
  const active = columns.filter((c) => c.filter && filters[c.key]);
  if (!tokens.length && !active.length) return rows;
  return rows.filter((row) => {
    const hay = haystacks.get(row) ?? '';
    if (!tokens.every((t) => hay.includes(t))) return false;
    return active.every((c) => {
      const value = filters[c.key]!;
      return c.filter!.match ? c.filter!.match(row, value) : String(c.value?.(row) ?? '') === value;
    });
  });
}

/** The text a cell shows when truncated, for its tooltip. */
export function cellText<T>(column: DataTableColumn<T>, row: T): string {
  const t = column.tooltip?.(row);
  if (t) return t;
  const v = column.value?.(row);
  return isBlank(v) || typeof v === 'boolean' ? '' : String(v);
}
