import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { engagementPages } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { activityInput, PERIOD } from '../../../domain/engagement/schemas';
import { canonicalPageUrl, NETWORKS } from '../../../domain/engagement/networks';
import { analyseFile } from '../intake/table/analyse-file';
import { bufferStream, readRows } from '../intake/table/read-table';
import { cleanText, isEmptyRow, type Cell } from '../intake/table/cells';
import { normalizeHeader } from '../intake/table/detect-header';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { upsertActivity } from './save-activity';
import { requireMunicipality } from './scope';

/** Column names the platforms' exports and the МЦУ's own tables use (compared normalised). */
const COLUMNS = {
  page: ['страница', 'адрес страницы', 'адрес', 'ссылка', 'url', 'сообщество', 'группа', 'госпаблик'],
  period: ['период', 'месяц'],
  publications: ['публикации', 'публикаций', 'посты', 'записи', 'число публикаций'],
  reach: ['охват', 'просмотры'],
  engagement: ['вовлеченность', 'реакции', 'er'],
  comments: ['комментарии', 'комментариев'],
  commentsAnswered: ['отвечено', 'отвечено на комментарии', 'ответы на комментарии', 'ответов на комментарии'],
  lastPostOn: ['последняя публикация', 'дата последней публикации'],
} as const;
type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['page', 'period', 'publications', 'reach', 'engagement', 'comments', 'commentsAnswered'];
const LABEL: Record<Field, string> = {
  page: 'Страница', period: 'Период', publications: 'Публикации', reach: 'Охват', engagement: 'Вовлечённость',
  comments: 'Комментарии', commentsAnswered: 'Отвечено на комментарии', lastPostOn: 'Последняя публикация',
};
const KNOWN = new Set(Object.values(COLUMNS).flat());

export interface RowError {
  row: number;
  message: string;
  values: string[];
}

export interface ImportResult {
  fileName: string;
  rows: number;
  inserted: number;
  updated: number;
  errors: RowError[];
}

const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const pad = (n: number) => String(n).padStart(2, '0');

/** «2026-03», «03.2026», «01.03.2026», a date cell, «март 2026» → «2026-03»; null if not a month. */
export function parsePeriod(c: Cell): string | null {
  if (c instanceof Date) return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}`;
  const s = cleanText(c).toLowerCase();
  if (PERIOD.test(s)) return s;
  let m = /^(\d{4})-(\d{2})-\d{2}$/.exec(s) ?? /^\d{1,2}\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return s.includes('-') ? `${m[1]}-${m[2]}` : `${m[2]}-${pad(Number(m[1]))}`;
  m = /^(\d{1,2})\.(\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${pad(Number(m[1]))}`;
  m = /^([а-я]+)\s+(\d{4})$/.exec(s);
  if (m) {
    const i = MONTHS.findIndex((p) => (p === 'ма' ? /^ма[йяе]$/.test(m![1]) : m![1].startsWith(p)));
    if (i >= 0) return `${m[2]}-${pad(i + 1)}`;
  }
  return null;
}

function parseCount(c: Cell): number | null {
  if (typeof c === 'number') return c;
  const s = cleanText(c).replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

function parseDay(c: Cell): string | null | undefined {
  if (c instanceof Date) return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
  const s = cleanText(c);
  if (s === '') return null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
}

/** Finds the page a row names: by its address in any network, else by its exact name. */
function pageFinder(pages: { id: string; url: string; name: string }[]) {
  const byUrl = new Map(pages.map((p) => [p.url, p.id]));
  const byName = new Map<string, string[]>();
  for (const p of pages) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.id]);
  return (text: string): string | { error: string } => {
    for (const n of NETWORKS) {
      const c = canonicalPageUrl(n, text);
      if ('url' in c && byUrl.has(c.url)) return byUrl.get(c.url)!;
    }
    const named = byName.get(text.toLowerCase()) ?? [];
    if (named.length === 1) return named[0];
    if (named.length > 1) return { error: `Страница: название «${text}» носят несколько страниц, укажите адрес` };
    return { error: `Страница: «${text}» нет в реестре госпабликов — добавьте страницу и загрузите файл снова` };
  };
}

/**
 * Imports activity figures from an XLSX/CSV file. Every data row is accounted for: written
 * (new or replacing the same page × period), or reported with its row number, a Russian reason
 * and its values. Re-importing the same file changes nothing.
 */
export async function importActivity(tx: Tx, actor: Actor, file: { name: string; data: Buffer }, now: Date): Promise<ImportResult> {
  requireMunicipality(actor);
  const analysis = await analyseFile(file.data, file.name, KNOWN, 50, 0);
  const index = {} as Record<Field, number>;
  analysis.header.headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    for (const f of Object.keys(COLUMNS) as Field[]) if (index[f] === undefined && (COLUMNS[f] as readonly string[]).includes(n)) index[f] = i;
  });
  const absent = REQUIRED.filter((f) => index[f] === undefined);
  if (absent.length) {
    const message = `В файле нет столбцов: ${absent.map((f) => `«${LABEL[f]}»`).join(', ')}`;
    throw new AppError('validation', message, { file: message });
  }
  const pages = await tx.select({ id: engagementPages.id, url: engagementPages.url, name: engagementPages.name }).from(engagementPages).where(eq(engagementPages.tenantId, actor.tenantId));
  const findPage = pageFinder(pages);
  const result: ImportResult = { fileName: file.name, rows: 0, inserted: 0, updated: 0, errors: [] };
  const seen = new Map<string, number>();

  for await (const raw of readRows(bufferStream(file.data), analysis.dialect)) {
    if (raw.rowNumber <= analysis.header.lastRow || isEmptyRow(raw.cells)) continue;
    result.rows++;
    const cell = (f: Field) => (index[f] === undefined ? null : (raw.cells[index[f]] ?? null));
    const values = analysis.header.headers.map((_, i) => cleanText(raw.cells[i] ?? null));
    const fail = (message: string) => result.errors.push({ row: raw.rowNumber, message, values });

    const pageText = cleanText(cell('page'));
    if (!pageText) { fail('Страница: не указана'); continue; }
    const page = findPage(pageText);
    if (typeof page !== 'string') { fail(page.error); continue; }
    const period = parsePeriod(cell('period'));
    if (!period) { fail(`Период: «${cleanText(cell('period'))}» — ожидается месяц, например 2026-03 или 03.2026`); continue; }
    const lastPostOn = parseDay(cell('lastPostOn'));
    if (lastPostOn === undefined) { fail(`Последняя публикация: «${cleanText(cell('lastPostOn'))}» — ожидается дата ДД.ММ.ГГГГ`); continue; }
    const numbers = {} as Record<'publications' | 'reach' | 'engagement' | 'comments' | 'commentsAnswered', number | null>;
    for (const f of ['publications', 'reach', 'engagement', 'comments', 'commentsAnswered'] as const) numbers[f] = parseCount(cell(f));
    const bad = (Object.keys(numbers) as (keyof typeof numbers)[]).find((f) => Number.isNaN(numbers[f]));
    if (bad) { fail(`${LABEL[bad]}: «${cleanText(cell(bad))}» — ожидается число`); continue; }
    const parsed = activityInput.safeParse({ period, lastPostOn, ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, v ?? 0])) });
    if (!parsed.success) { fail(parsed.error.issues.map((i) => i.message).join('; ')); continue; }
    const key = `${page}:${period}`;
    if (seen.has(key)) { fail(`Страница и период повторяют строку ${seen.get(key)}: оставлена первая`); continue; }
    seen.set(key, raw.rowNumber);
    const r = await upsertActivity(tx, actor.tenantId, page, parsed.data, 'import', now);
    if (r.inserted) result.inserted++;
    else result.updated++;
  }
  await recordAudit(tx, actor, { action: 'import', entity: 'engagement_activity', entityId: null, after: { fileName: file.name, rows: result.rows, inserted: result.inserted, updated: result.updated, errors: result.errors.length } });
  return result;
}
