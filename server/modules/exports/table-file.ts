import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../security/spreadsheet';
import { zoneOffsetMs } from '../../../domain/time/zoned';

/** How a column's values are written: XLSX gets real numbers and dates with a format. */
export type ColumnType = 'text' | 'int' | 'number' | 'share' | 'date' | 'datetime';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** Width in characters (XLSX). */
  width: number;
}

/** A cell: text, a number, a date `YYYY-MM-DD`, an instant (shown in the tenant's zone), or empty. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface TableSource {
  sheet: string;
  columns: ExportColumn[];
  timeZone: string;
  rows: AsyncIterable<Cell[]>;
  /** Called after every page of rows with the number written so far. */
  onProgress?: (done: number) => Promise<void> | void;
}

const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: '#,##0.00',
  share: '0.0%',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

const PROGRESS_EVERY = 2000;

/** An instant as the wall-clock time of the zone, in a Date's UTC fields (what Excel shows). */
function wallClock(d: Date, timeZone: string): Date {
  return new Date(d.getTime() + zoneOffsetMs(d, timeZone));
}

function xlsxValue(c: Cell, type: ColumnType, timeZone: string): ExcelJS.CellValue {
  if (c === null || c === undefined || c === '') return null;
  switch (type) {
    case 'date':
      return typeof c === 'string' ? new Date(`${c.slice(0, 10)}T00:00:00Z`) : wallClock(c as Date, timeZone);
    case 'datetime':
      return wallClock(c instanceof Date ? c : new Date(String(c)), timeZone);
    case 'int':
    case 'number':
    case 'share':
      return typeof c === 'number' ? c : Number(c);
    case 'text':
      return typeof c === 'boolean' ? (c ? 'да' : 'нет') : String(c);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function csvValue(c: Cell, type: ColumnType, timeZone: string): string {
  if (c === null || c === undefined) return '';
  let s: string;
  if (type === 'date' || type === 'datetime') {
    const d = xlsxValue(c, type, timeZone) as Date;
    s = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
    if (type === 'datetime') s += ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  } else if (type === 'share' && typeof c === 'number') {
    s = `${(c * 100).toFixed(1).replace('.', ',')}%`;
  } else if ((type === 'number' || type === 'int') && typeof c === 'number') {
    s = String(type === 'int' ? c : Math.round(c * 100) / 100).replace('.', ',');
  } else {
    s = typeof c === 'boolean' ? (c ? 'да' : 'нет') : neutraliseFormula(String(c));
  }
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes an XLSX with exceljs's streaming writer (rows are committed as they come, so memory stays
 * flat): bold frozen header row, autofilter, column widths, number and date formats.
 */
export async function writeXlsx(out: Writable, src: TableSource): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(src.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = src.columns.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width, style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {} }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: src.columns.length } };
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.commit();
  let n = 0;
  for await (const r of src.rows) {
    ws.addRow(r.map((c, i) => xlsxValue(c, src.columns[i].type, src.timeZone))).commit();
    n += 1;
    if (n % PROGRESS_EVERY === 0) await src.onProgress?.(n);
  }
  ws.commit();
  await wb.commit();
  await src.onProgress?.(n);
  return n;
}

/** Writes CSV for Excel: UTF-8 with BOM, `;` between fields, CRLF, dates as ДД.ММ.ГГГГ. */
export async function writeCsv(out: Writable, src: TableSource): Promise<number> {
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res())));
  await write('\uFEFF' + src.columns.map((c) => csvValue(c.header, 'text', src.timeZone)).join(';') + '\r\n');
  let n = 0;
  let buf = '';
  for await (const r of src.rows) {
    buf += r.map((c, i) => csvValue(c, src.columns[i].type, src.timeZone)).join(';') + '\r\n';
    n += 1;
    if (n % PROGRESS_EVERY === 0) {
      await write(buf);
      buf = '';
      await src.onProgress?.(n);
    }
  }
  await write(buf);
  out.end();
  await src.onProgress?.(n);
  return n;
}
