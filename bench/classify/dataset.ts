import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { Example } from '../../domain/classify/model';
import { fnvString } from '../../domain/classify/hash';

/** Where to read a labelled CSV and how to split it. */
export interface DatasetSpec {
  file: string;
  text: string;
  label: string;
  extras: string[];
  /** Time column and split point: train on rows before it, test on the rest. */
  date?: string;
  split?: string;
  /** Without a date column: the share of texts (by hash of the text) that goes to the test. */
  testShare: number;
}

export interface Split { train: Example[]; test: Example[]; duplicates: number; unlabelled: number }

export type Row = Record<string, string>;

/** Streams a CSV with a header row into objects (only the needed columns are kept). */
export async function readCsv(file: string, columns: string[]): Promise<Row[]> {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const rows: Row[] = [];
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, relax_quotes: true, skip_empty_lines: true }));
  for await (const rec of parser as AsyncIterable<Row>) {
    if (rows.length === 0) {
      const missing = columns.filter((c) => !(c in rec));
      if (missing.length) throw new Error(`${file}: no column ${missing.join(', ')} (columns: ${Object.keys(rec).join(', ')})`);
    }
    const row: Row = {};
    for (const c of columns) row[c] = rec[c] ?? '';
    rows.push(row);
  }
  return rows;
}

/** The key under which two texts count as the same («exact duplicate», case and spaces folded). */
export const dedupKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Orders rows by time, removes exact duplicate texts (the earliest copy stays, so a text seen in
 * training never reappears in the test), drops rows without a text or label, and splits.
 */
export function splitRows(rows: Row[], spec: DatasetSpec): Split {
  const ordered = spec.date ? [...rows].sort((a, b) => (a[spec.date!] < b[spec.date!] ? -1 : a[spec.date!] > b[spec.date!] ? 1 : 0)) : rows;
  const seen = new Set<string>();
  const out: Split = { train: [], test: [], duplicates: 0, unlabelled: 0 };
  for (const r of ordered) {
    const key = dedupKey(r[spec.text] ?? '');
    if (!key) continue;
    if (seen.has(key)) { out.duplicates++; continue; }
    seen.add(key);
    const label = (r[spec.label] ?? '').trim();
    if (!label) { out.unlabelled++; continue; }
    const extras = Object.fromEntries(spec.extras.map((c) => [c, r[c]]));
    const ex: Example = { text: r[spec.text], label, extras };
    const isTest = spec.date && spec.split ? r[spec.date] >= spec.split : fnvString(key) / 2 ** 32 < spec.testShare;
    (isTest ? out.test : out.train).push(ex);
  }
  return out;
}
