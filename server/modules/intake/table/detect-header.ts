import { cleanText, columnLetter, isEmptyRow, type Cell, type RawRow } from './cells';

export interface HeaderInfo {
  /** Row number of the first header row (title rows above it are skipped). */
  firstRow: number;
  /** Row number of the last header row: data starts after it. */
  lastRow: number;
  /** One unique name per column; merged multi-row headers read «Заявитель / ФИО». */
  headers: string[];
}

/** A header name for comparison: lower case, ё → е, spaces collapsed, trailing «*» and «:» dropped. */
export function normalizeHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[*:]+$/, '')
    .trim();
}

/** Does a header name (or its last part under a merged group) match one of the names? */
export function headerMatches(header: string, names: ReadonlySet<string>): boolean {
  const n = normalizeHeader(header);
  if (names.has(n)) return true;
  const last = n.split(' / ').pop()!;
  return names.has(last);
}

type Kind = 'empty' | 'text' | 'number' | 'date';
const NUMBER = /^[-+]?\d[\d ]*(?:[.,]\d+)?$/;
const DATE = /^(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})/;

function kindOf(c: Cell): Kind {
  if (c === null) return 'empty';
  if (c instanceof Date) return 'date';
  if (typeof c === 'number' || typeof c === 'boolean') return 'number';
  const s = c.trim();
  if (s === '') return 'empty';
  if (NUMBER.test(s)) return 'number';
  if (DATE.test(s)) return 'date';
  return 'text';
}

const lastFilled = (cells: Cell[]) => {
  for (let i = cells.length - 1; i >= 0; i--) if (kindOf(cells[i]) !== 'empty') return i + 1;
  return 0;
};

function stats(row: RawRow, known: ReadonlySet<string>) {
  const kinds = row.cells.map(kindOf);
  const filled = kinds.filter((k) => k !== 'empty').length;
  const text = kinds.filter((k) => k === 'text').length;
  const hits = row.cells.filter((c) => kindOf(c) === 'text' && headerMatches(String(c), known)).length;
  return { kinds, filled, text, hits };
}

/**
 * Finds the header in the first rows of a sheet: the row that names the most known columns, or
 * else the first row of at least two text cells that spans half the table. Following rows that
 * only fill the gaps under merged group cells are merged into it (a two- or three-row header).
 */
export function detectHeader(sample: RawRow[], known: ReadonlySet<string>): HeaderInfo | null {
  const rows = sample.filter((r) => !isEmptyRow(r.cells)).slice(0, 30);
  if (rows.length === 0) return null;
  const width = Math.max(...rows.map((r) => lastFilled(r.cells)));
  const st = rows.map((r) => stats(r, known));
  let h = -1;
  const bestHits = Math.max(...st.map((s) => s.hits));
  if (bestHits >= 2) h = st.findIndex((s) => s.hits === bestHits);
  if (h < 0) h = st.findIndex((s) => s.filled >= 2 && s.text === s.filled && s.filled >= Math.ceil(width / 2));
  if (h < 0) h = st.findIndex((s) => s.filled >= 2 && s.text > 0);
  if (h < 0) return null;
  const layers: Cell[][] = [rows[h].cells];
  let last = h;
  while (layers.length < 3 && last + 1 < rows.length && rows[last + 1].rowNumber === rows[last].rowNumber + 1) {
    const next = st[last + 1];
    const cur = combine(layers, width);
    const fillsGap = next.kinds.some((k, j) => k !== 'empty' && cur[j] === '');
    const leavesGap = cur.some((name, j) => name !== '' && next.kinds[j] === 'empty');
    if (next.text !== next.filled || !fillsGap || !leavesGap) break;
    layers.push(rows[last + 1].cells);
    last++;
  }
  const dataWidth = Math.max(width, ...rows.slice(last + 1).map((r) => r.cells.length));
  return { firstRow: rows[h].rowNumber, lastRow: rows[last].rowNumber, headers: uniqueNames(combine(layers, dataWidth)) };
}

/** Column names from header layers: a group cell spreads right over the sub-headers under it. */
function combine(layers: Cell[][], width: number): string[] {
  const text = layers.map((cells) => Array.from({ length: width }, (_, j) => cleanText(cells[j] ?? null).replace(/\s+/g, ' ')));
  const names: string[] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (let l = 0; l < text.length; l++) {
      let v = text[l][j];
      const below = text.slice(l + 1).some((t) => t[j] !== '');
      if (!v && below) {
        // A horizontally merged group: the nearest filled cell to the left whose column also has sub-headers.
        for (let k = j - 1; k >= 0; k--) {
          if (text[l][k] !== '') {
            if (text.slice(l + 1).some((t) => t[k] !== '')) v = text[l][k];
            break;
          }
        }
      }
      if (v && !parts.includes(v)) parts.push(v);
    }
    names.push(parts.join(' / '));
  }
  return names;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n, j) => {
    const base = n || `Столбец ${columnLetter(j + 1)}`;
    const count = (seen.get(normalizeHeader(base)) ?? 0) + 1;
    seen.set(normalizeHeader(base), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
