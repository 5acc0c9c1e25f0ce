/** What an import reports without refusing the row: unknown topics and places, missing calendar years. */
export interface WarningEntry {
  message: string;
  count: number;
  /** The first rows it happened in. */
  rows: number[];
}
export type Warnings = Record<string, WarningEntry>;

const MAX_KEYS = 100;
const MAX_ROWS = 5;
const OTHER = 'other';

export function addWarning(w: Warnings, key: string, message: string, row: number): void {
  let k = key;
  if (!w[k] && Object.keys(w).length >= MAX_KEYS) k = OTHER;
  const e = (w[k] ??= { message: k === OTHER ? 'Прочие предупреждения' : message, count: 0, rows: [] });
  e.count++;
  if (e.rows.length < MAX_ROWS) e.rows.push(row);
}

/** The job's warnings with a committed chunk's added (a new object; the inputs stay as they are). */
export function mergeWarnings(into: Warnings, add: Warnings): Warnings {
  const out: Warnings = structuredClone(into);
  for (const [key, e] of Object.entries(add)) {
    const k = out[key] || Object.keys(out).length < MAX_KEYS ? key : OTHER;
    const t = (out[k] ??= { message: k === OTHER ? 'Прочие предупреждения' : e.message, count: 0, rows: [] });
    t.count += e.count;
    t.rows = [...t.rows, ...e.rows].slice(0, MAX_ROWS);
  }
  return out;
}

/** Warnings sorted by count, for the job view. */
export function warningList(w: Warnings): (WarningEntry & { key: string })[] {
  return Object.entries(w)
    .map(([key, e]) => ({ key, ...e }))
    .sort((a, b) => b.count - a.count);
}
