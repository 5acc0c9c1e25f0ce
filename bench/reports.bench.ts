import { PassThrough } from 'node:stream';
import { systemActor } from '../server/http/actor';
import { loadActor } from '../server/modules/auth/load-actor';
import { rows } from '../server/db/rows';
import { sql } from 'drizzle-orm';
import { localDate } from '../domain/deadlines';
import { lastCompleteWeek } from '../domain/analytics/period';
import { buildNoteContent } from '../server/modules/reports/note-content';
import { composeNote } from '../server/modules/reports/note-blocks';
import { chartPng } from '../server/modules/reports/note-charts';
import { renderNoteDocx } from '../server/modules/reports/note-docx';
import { municipalIndicators } from '../server/modules/analytics/indicator-values';
import { curReportXlsx } from '../server/modules/reports/cur-report-xlsx';
import { findList } from '../server/modules/exports/lists';
import { writeTable } from '../server/modules/exports/export-service';
import { registerQuery } from '../domain/cases/register-query';
import { parsePeriod } from '../domain/analytics/period';
import { benchDatabase, BENCH_NOW } from './bench-db';
import { mb, ms, printTable } from './lib';

const TZ = 'Europe/Saratov';

/** Runs `fn` once, sampling the process's RSS every 50 ms: wall time and peak memory. */
async function measure(fn: () => Promise<unknown>): Promise<{ ms: number; peak: number; base: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - t0, peak, base };
}

/**
 * «reports»: the weekly note (data + charts + DOCX) and the quarterly report to the ЦУР on
 * `cases` generated cases, and an export of 100 000 register rows to XLSX (streamed), with the
 * process's peak RSS. Prints a table; never asserts.
 */
export async function benchReports(opts: { cases: number; kinds: ('pglite' | 'postgres')[]; exportRows?: number }): Promise<void> {
  const exportRows = opts.exportRows ?? 100_000;
  const table: (string | number)[][] = [];
  for (const kind of opts.kinds) {
    const { database, tenantId } = await benchDatabase(kind, opts.cases, (s) => process.stdout.write(s + '\n'));
    const actor = systemActor(tenantId);
    const week = lastCompleteWeek(localDate(BENCH_NOW, TZ));
    let size = 0;
    const note = await measure(async () => {
      const content = await buildNoteContent(database.db, tenantId, week, BENCH_NOW);
      const doc = composeNote(content, { addressee: '', signer: '', conclusions: '', recommendations: '' }, localDate(BENCH_NOW, TZ));
      size = (await renderNoteDocx(doc, { trend: chartPng(content, 'trend'), heatmap: chartPng(content, 'heatmap') }, { version: 1 })).length;
    });
    table.push([kind, `записка за неделю ${week.code} (данные, рисунки, DOCX ${Math.round(size / 1024)} КБ)`, ms(note.ms), mb(note.peak)]);
    const quarter = parsePeriod('2026-Q3');
    const cur = await measure(async () => {
      const v = await municipalIndicators(database.db, actor, quarter.code, BENCH_NOW);
      await curReportXlsx({ municipality: 'Красноармейский', oktmo: '63622000', period: quarter, generatedAt: BENCH_NOW, sentAt: null, timeZone: TZ }, v.items.map((x) => ({ code: x.code, name: x.name, unit: x.unit, value: x.value, target: x.target?.value ?? null, met: x.met, n: x.n, comment: '' })));
    });
    table.push([kind, `отчёт в ЦУР за ${quarter.code} (показатели + XLSX)`, ms(cur.ms), mb(cur.peak)]);
    // The register export as a head sees it: the latest `exportRows` cases, streamed with keyset paging.
    const [head] = await rows<{ id: string }>(database.db, sql`SELECT u.id::text FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.tenant_id = ${tenantId} AND r.role_code = 'head' LIMIT 1`);
    const headActor = (await loadActor(database.db, head.id, tenantId, 'bench'))!;
    const [edge] = await rows<{ d: string }>(database.db, sql`SELECT to_char(received_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS d FROM cases WHERE tenant_id = ${tenantId} ORDER BY received_at DESC OFFSET ${exportRows} LIMIT 1`);
    const list = findList('cases')!;
    let written = 0;
    let bytes = 0;
    const exp = await measure(async () => {
      const opened = await list.open(database, headActor, registerQuery.parse({ from: edge.d }), BENCH_NOW, false);
      const out = new PassThrough();
      out.on('data', (c: Buffer) => (bytes += c.length));
      const done = new Promise((res) => out.on('end', res));
      written = await writeTable(out, opened, 'xlsx');
      await done;
    });
    table.push([kind, `выгрузка реестра в XLSX: ${written.toLocaleString('ru-RU')} строк, ${mb(bytes)}`, ms(exp.ms), mb(exp.peak)]);
    await database.close();
  }
  printTable(`Отчёты и выгрузки: ${opts.cases.toLocaleString('ru-RU')} обращений`, ['база', 'что', 'время', 'пик RSS процесса'], table);
}
