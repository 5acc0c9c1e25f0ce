import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { pollInput, type PollInput } from '../../../domain/problems/schemas';
import { bufferStream, decodeSample, detectDelimiter, detectEncoding, readRows, TableError, type TableDialect } from '../intake/table/read-table';
import type { Cell } from '../intake/table/cells';
import { assertManage } from './access';
import { createPoll } from './polls';

/** The columns of the import file (one row per answer option), by their Russian headers. */
export const POLL_COLUMNS = {
  title: 'Название',
  kind: 'Вид',
  platform: 'Площадка',
  settlement: 'Поселение',
  startsOn: 'Начало',
  endsOn: 'Окончание',
  participants: 'Участников',
  question: 'Вопрос',
  option: 'Вариант',
  votes: 'Голоса',
} as const;
type Column = keyof typeof POLL_COLUMNS;
const REQUIRED: Column[] = ['title', 'kind', 'startsOn', 'endsOn', 'question'];
const KINDS: Record<string, PollInput['kind']> = { опрос: 'poll', голосование: 'vote', обсуждение: 'discussion', 'общественное обсуждение': 'discussion' };
const PLATFORMS: Record<string, PollInput['platform']> = { пос: 'pos', 'платформа обратной связи': 'pos', своя: 'own', собственная: 'own', 'своя площадка': 'own' };
const MAX_ROWS = 20_000;

export interface ImportProblem {
  row: number;
  message: string;
}

const text = (c: Cell | undefined) => (c == null ? '' : c instanceof Date ? c.toISOString() : String(c)).trim();

/** ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, or an Excel date cell → ГГГГ-ММ-ДД. */
function dateOf(c: Cell | undefined): string | null {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = text(c);
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  return null;
}
const validDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/**
 * Imports polls from XLSX or CSV (the intake module's readers): rows are grouped into polls by
 * «Название» + «Начало», into questions by «Вопрос». Every bad row is reported with its number and
 * the file is imported only when there are none, so nothing is lost or half-imported.
 */
export async function importPolls(tx: Tx, actor: Actor, file: { name: string; data: Buffer }) {
  assertManage(actor);
  const isXlsx = file.data.subarray(0, 2).toString('latin1') === 'PK';
  let dialect: TableDialect;
  if (isXlsx) dialect = { format: 'xlsx', encoding: null, delimiter: null };
  else {
    const encoding = detectEncoding(file.data);
    dialect = { format: 'csv', encoding, delimiter: detectDelimiter(decodeSample(file.data, encoding)) };
  }
  const settlements = await rows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM settlements WHERE tenant_id = ${actor.tenantId}`);
  const settlementByName = new Map(settlements.map((s) => [s.name.toLocaleLowerCase('ru'), s.id]));
  const problems: ImportProblem[] = [];
  const groups = new Map<string, { row: number; input: PollInput; questions: Map<string, PollInput['questions'][number]> }>();
  let header: Partial<Record<Column, number>> | null = null;
  let dataRows = 0;
  try {
    for await (const r of readRows(bufferStream(file.data), dialect)) {
      const cells = r.cells;
      if (cells.every((c) => text(c) === '')) continue;
      if (!header) {
        header = {};
        for (const [key, name] of Object.entries(POLL_COLUMNS) as [Column, string][]) {
          const i = cells.findIndex((c) => text(c).toLocaleLowerCase('ru') === name.toLocaleLowerCase('ru'));
          if (i >= 0) header[key] = i;
        }
        const missing = REQUIRED.filter((k) => header![k] === undefined).map((k) => `«${POLL_COLUMNS[k]}»`);
        if (missing.length) throw new AppError('validation', `Строка ${r.rowNumber}: в заголовке нет столбцов ${missing.join(', ')}. Нужны столбцы: ${Object.values(POLL_COLUMNS).join(', ')}`, { file: 'Неверный заголовок' });
        continue;
      }
      if (++dataRows > MAX_ROWS) throw new AppError('validation', `В файле больше ${MAX_ROWS} строк`, { file: 'Слишком много строк' });
      const get = (k: Column) => (header![k] === undefined ? undefined : cells[header![k]!]);
      const errs: string[] = [];
      const title = text(get('title'));
      if (!title) errs.push(`${POLL_COLUMNS.title} — заполните`);
      const kind = KINDS[text(get('kind')).toLocaleLowerCase('ru')];
      if (!kind) errs.push(`${POLL_COLUMNS.kind} — «опрос», «голосование» или «обсуждение»`);
      const platformText = text(get('platform')).toLocaleLowerCase('ru');
      const platform = platformText ? PLATFORMS[platformText] : 'own';
      if (!platform) errs.push(`${POLL_COLUMNS.platform} — «ПОС» или «своя»`);
      const settlementText = text(get('settlement'));
      const settlementId = settlementText ? settlementByName.get(settlementText.toLocaleLowerCase('ru')) : null;
      if (settlementText && !settlementId) errs.push(`${POLL_COLUMNS.settlement} — нет поселения «${settlementText}» в справочнике`);
      const startsOn = dateOf(get('startsOn'));
      const endsOn = dateOf(get('endsOn'));
      if (!startsOn || !validDate(startsOn)) errs.push(`${POLL_COLUMNS.startsOn} — дата ДД.ММ.ГГГГ`);
      if (!endsOn || !validDate(endsOn)) errs.push(`${POLL_COLUMNS.endsOn} — дата ДД.ММ.ГГГГ`);
      if (startsOn && endsOn && validDate(startsOn) && validDate(endsOn) && endsOn < startsOn) errs.push(`${POLL_COLUMNS.endsOn} — раньше начала`);
      const question = text(get('question'));
      if (!question) errs.push(`${POLL_COLUMNS.question} — заполните`);
      const option = text(get('option'));
      const votesText = text(get('votes'));
      const votes = votesText === '' ? null : Number(votesText.replace(/\s/g, '').replace(',', '.'));
      if (option && (votes === null || !Number.isInteger(votes) || votes < 0)) errs.push(`${POLL_COLUMNS.votes} — целое неотрицательное число`);
      if (!option && votesText) errs.push(`${POLL_COLUMNS.option} — укажите вариант, за который поданы голоса`);
      const participantsText = text(get('participants'));
      const participants = participantsText ? Number(participantsText.replace(/\s/g, '')) : null;
      if (participants !== null && (!Number.isInteger(participants) || participants < 0)) errs.push(`${POLL_COLUMNS.participants} — целое неотрицательное число`);
      if (errs.length) {
        problems.push({ row: r.rowNumber, message: `Строка ${r.rowNumber}: ${errs.join('; ')}` });
        continue;
      }
      const key = `${title}\u0000${startsOn}`;
      let g = groups.get(key);
      if (!g) {
        g = { row: r.rowNumber, input: { kind: kind!, title, platform: platform!, settlementId: settlementId ?? null, startsOn: startsOn!, endsOn: endsOn!, problemId: null, participants, questions: [] }, questions: new Map() };
        groups.set(key, g);
      }
      let q = g.questions.get(question);
      if (!q) {
        q = { question, results: [] };
        g.questions.set(question, q);
        g.input.questions.push(q);
      }
      if (option) q.results.push({ option, votes: votes! });
    }
  } catch (e) {
    if (e instanceof TableError) throw new AppError('validation', e.message, { file: e.message });
    throw e;
  }
  if (!header) throw new AppError('validation', 'Файл пуст: нет строки заголовка', { file: 'Файл пуст' });
  for (const g of groups.values()) {
    const parsed = pollInput.safeParse(g.input);
    if (!parsed.success) problems.push({ row: g.row, message: `Строка ${g.row}: ${parsed.error.issues.map((i) => i.message).join('; ')}` });
  }
  if (problems.length) return { imported: 0, rows: dataRows, errors: problems.sort((a, b) => a.row - b.row) };
  for (const g of groups.values()) await createPoll(tx, actor, pollInput.parse(g.input));
  return { imported: groups.size, rows: dataRows, errors: [] as ImportProblem[] };
}
