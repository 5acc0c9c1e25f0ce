import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RawRow } from './cells';
import { detectHeader } from './detect-header';
import { parseDateCell } from './dates';
import { bufferStream, detectDelimiter, detectEncoding, readCsvRows, readXlsxRows } from './read-table';
import { KNOWN_HEADERS } from '../mapping/presets';

const rowsOf = (lines: (string | number | null)[][]): RawRow[] => lines.map((cells, i) => ({ rowNumber: i + 1, cells }));

/** Heap growth while a reader goes through a big file: it must not grow with the row count. */
async function heapGrowth(rows: AsyncIterable<RawRow>): Promise<{ n: number; growthMb: number }> {
  let n = 0;
  let base = 0;
  let peak = 0;
  for await (const r of rows) {
    n++;
    if (r.cells.length === 0) throw new Error('empty');
    if (n === 5_000) base = process.memoryUsage().heapUsed;
    if (n % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { n, growthMb: (peak - base) / 1024 / 1024 };
}

describe('reading spreadsheets', () => {
  it('detects encodings and delimiters as people send files', () => {
    const text = 'Выгрузка за январь\nНомер;Дата;Текст\n1;06.01.2026;яма\n';
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'win1251'))).toBe('windows-1251');
    expect(detectEncoding(iconv.encode('\uFEFF' + text, 'utf16le'))).toBe('utf-16le');
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  });

  it('reads UTF-16 «Unicode text» from Excel, BOM and all', async () => {
    const buf = iconv.encode('\uFEFFНомер\tТекст\r\n1\tяма на дороге\r\n', 'utf16le');
    const out: RawRow[] = [];
    for await (const r of readCsvRows(bufferStream(buf), 'utf-16le', '\t')) out.push(r);
    expect(out.map((r) => r.cells)).toEqual([['Номер', 'Текст'], ['1', 'яма на дороге']]);
  });

  it('finds the header under title rows and merges a header over two rows', () => {
    const h = detectHeader(
      rowsOf([
        ['Выгрузка сообщений ПОС', null, null, null],
        [null, null, null, null],
        ['Номер', 'Дата поступления', 'Заявитель', null, 'Текст'],
        [null, null, 'ФИО', 'Телефон', null],
        [327441806, '06.01.2026', 'Иванов', '+7 900', 'Яма'],
      ]),
      KNOWN_HEADERS,
    )!;
    expect(h).toEqual({ firstRow: 3, lastRow: 4, headers: ['Номер', 'Дата поступления', 'Заявитель / ФИО', 'Заявитель / Телефон', 'Текст'] });
    const plain = detectHeader(rowsOf([['id', 'created_at', 'text'], ['1', '2020-10-18T14:50:40', 'мусор'], ['2', '2020-10-18T15:00:00', 'снег']]), KNOWN_HEADERS)!;
    expect(plain).toMatchObject({ firstRow: 1, lastRow: 1, headers: ['id', 'created_at', 'text'] });
    const unnamed = detectHeader(rowsOf([['Номер', '', 'Номер'], ['1', 'x', '2']]), KNOWN_HEADERS)!;
    expect(unnamed.headers).toEqual(['Номер', 'Столбец B', 'Номер (2)']);
  });

  it.each([
    ['06.01.2026', '2026-01-06', null],
    ['6.1.2026 9:05', '2026-01-06', '09:05:00'],
    ['06.01.26', '2026-01-06', null],
    ['2026-01-06 10:30:00', '2026-01-06', '10:30:00'],
    [46028.5, '2026-01-06', '12:00:00'],
    ['46028', '2026-01-06', null],
  ] as const)('reads the date %s', (cell, date, time) => {
    const r = parseDateCell(cell);
    expect(r.ok && r.value).toMatchObject({ date, time });
  });

  it('explains dates it cannot take, and treats «-» as empty', () => {
    expect(parseDateCell('31.02.2026')).toEqual({ ok: false, reason: 'дата «31.02.2026» не существует' });
    expect(parseDateCell('25:00 вчера')).toMatchObject({ ok: false });
    expect(parseDateCell('-')).toEqual({ ok: true, value: null });
    const withOffset = parseDateCell('2026-01-06T10:30:00+03:00');
    expect(withOffset.ok && withOffset.value?.instant?.toISOString()).toBe('2026-01-06T07:30:00.000Z');
  });

  it('streams a 300,000-row CSV with flat memory', { timeout: 120_000 }, async () => {
    const rows = 300_000;
    const source = Readable.from(
      (function* () {
        yield Buffer.from('Номер;Дата поступления;Текст\n');
        for (let i = 0; i < rows; i += 1000) {
          let chunk = '';
          for (let j = i; j < i + 1000; j++) chunk += `${j};06.01.2026 10:${String(j % 60).padStart(2, '0')};"Текст сообщения номер ${j}; с разделителем и ""кавычками"""\n`;
          yield Buffer.from(chunk);
        }
      })(),
    );
    const { n, growthMb } = await heapGrowth(readCsvRows(source, 'utf-8', ';'));
    expect(n).toBe(rows + 1);
    expect(growthMb).toBeLessThan(48);
  });

  it('streams a 100,000-row XLSX with flat memory', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcu-xlsx-'));
    try {
      const file = join(dir, 'big.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      const ws = wb.addWorksheet('Лист1');
      ws.addRow(['ID', 'Дата создания', 'Текст инцидента']).commit();
      for (let i = 0; i < 100_000; i++) ws.addRow([i, 46028 + (i % 300) / 7, `Сообщение ${i}: не горит фонарь`]).commit();
      ws.commit();
      await wb.commit();
      const { n, growthMb } = await heapGrowth(readXlsxRows(createReadStream(file)));
      expect(n).toBe(100_001);
      expect(growthMb).toBeLessThan(64);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
