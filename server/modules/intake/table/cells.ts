/**
 * Cell values as the readers give them: text (CSV, and most XLSX cells), numbers, and dates of
 * XLSX date cells. A Date here carries the wall-clock time in its UTC fields (exceljs does so),
 * never an instant: the tenant's time zone turns it into one.
 */
export type Cell = string | number | Date | boolean | null;

export interface RawRow {
  /** The row number as a spreadsheet program shows it (1-based, header and title rows included). */
  rowNumber: number;
  cells: Cell[];
}

/** An exceljs cell value (rich text, formula, hyperlink, error) reduced to a plain cell. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How a cell reads to a person: dates as ДД.ММ.ГГГГ [ЧЧ:ММ[:СС]], numbers without exponents. */
export function displayCell(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) {
    const date = `${pad(c.getUTCDate())}.${pad(c.getUTCMonth() + 1)}.${c.getUTCFullYear()}`;
    const s = c.getUTCSeconds();
    if (c.getUTCHours() === 0 && c.getUTCMinutes() === 0 && s === 0) return date;
    return `${date} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}${s ? `:${pad(s)}` : ''}`;
  }
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  if (typeof c === 'boolean') return c ? 'Да' : 'Нет';
  return c;
}

/** What cleanText has to collapse: a no-break space, a tab, a line break or two spaces in a row. */
const MESSY = /[\u00a0\t\n]| {2}/;

/**
 * The value of a cell for mapping: U+00A0 to a space, repeated spaces collapsed (line breaks
 * kept), trimmed; the export placeholders `-` and a lone `'` mean empty, and the leading `'` of
 * «Инцидент Менеджмент» texts is dropped.
 */
export function cleanText(c: Cell): string {
  let s = displayCell(c);
  // Most cells have nothing to collapse: they are only trimmed (the replacements below would change nothing).
  if (MESSY.test(s)) s = s.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').replace(/ *\r?\n */g, '\n');
  s = s.trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s === '-' || s === '—' || s === '–') return '';
  return s;
}

export function isEmptyRow(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
