import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter } from './decode-text';

/** A small CSV (reference data) read whole: header names normalised, rows numbered as in the file. */
export function readCsv(buf: Buffer): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const text = decodeText(buf);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    // csv-parse speaks English: say in Russian where the file is broken.
    const line = (e as { lines?: number }).lines;
    throw new Error(`Файл CSV не читается${line ? ` (строка ${line})` : ''}: проверьте кавычки и разделители столбцов`);
  }
  const [head, ...body] = records;
  if (!head) return { header: [], rows: [] };
  const header = head.map((h) => h.trim().toLowerCase());
  const rows = body
    .map((cells, i) => ({ line: i + 2, values: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? '').trim()])) }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
  return { header, rows };
}
