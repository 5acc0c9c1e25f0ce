import ExcelJS from 'exceljs';
import type { Period } from '../../../domain/analytics/period';
import { zoneOffsetMs } from '../../../domain/time/zoned';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import { ruDate } from './note-blocks';

/** One indicator line of the report (values in the unit shown: shares as percentages). */
export interface CurRow {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  n: number;
  comment: string;
}

export interface CurSheetMeta {
  municipality: string;
  oktmo: string | null;
  period: Period;
  generatedAt: Date;
  sentAt: Date | null;
  timeZone: string;
}

const C = reportsCatalogue.curReport;
/** The fixed layout: the table's header is on this row, indicators start below it. */
export const CUR_HEADER_ROW = 8;

export function periodTitle(p: Period): string {
  const y = p.code.slice(0, 4);
  return p.kind === 'quarter' ? C.quarter.replace('{{q}}', p.code.slice(6)).replace('{{y}}', y) : C.year.replace('{{y}}', y);
}

const wall = (d: Date, tz: string) => new Date(d.getTime() + zoneOffsetMs(d, tz));

/**
 * The report to the ЦУР in a fixed layout: title; municipality, ОКТМО, period, dates (rows 2–6);
 * the table from row 8: № п/п, код, наименование, ед. изм., значение, цель, выполнен, база, комментарий.
 */
export async function curReportXlsx(meta: CurSheetMeta, list: CurRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'МЦУ';
  const ws = wb.addWorksheet(C.sheet, { views: [{ state: 'frozen', ySplit: CUR_HEADER_ROW }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  const widths = [7, 14, 60, 9, 12, 14, 11, 12, 40];
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, 9);
  ws.getCell(1, 1).value = C.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const info: [string, ExcelJS.CellValue, string?][] = [
    [C.municipality, meta.municipality],
    [C.oktmo, meta.oktmo ?? ''],
    [C.period, `${periodTitle(meta.period)} (${ruDate(meta.period.from)} – ${ruDate(meta.period.to)})`],
    [C.generatedAt, wall(meta.generatedAt, meta.timeZone), 'dd.mm.yyyy hh:mm'],
    [C.sentAt, meta.sentAt ? wall(meta.sentAt, meta.timeZone) : '', 'dd.mm.yyyy hh:mm'],
  ];
  info.forEach(([label, value, fmt], i) => {
    const row = i + 2;
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = label;
    ws.getCell(row, 1).font = { bold: true };
    ws.mergeCells(row, 3, row, 5);
    ws.getCell(row, 3).value = value;
    ws.getCell(row, 3).alignment = { horizontal: 'left' };
    if (fmt) ws.getCell(row, 3).numFmt = fmt;
  });
  const h = C.columns;
  const head = ws.getRow(CUR_HEADER_ROW);
  head.values = [h.n, h.code, h.name, h.unit, h.value, h.target, h.met, h.base, h.comment];
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  list.forEach((x, i) => {
    const r = ws.getRow(CUR_HEADER_ROW + 1 + i);
    r.values = [i + 1, x.code, x.name, x.unit, x.value, x.target, x.met === null ? C.met.null : x.met ? C.met.true : C.met.false, x.n, x.comment];
    r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(9).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(5).numFmt = '#,##0.00';
    r.getCell(6).numFmt = '#,##0.00';
    r.getCell(8).numFmt = '#,##0';
  });
  for (let r = CUR_HEADER_ROW; r <= CUR_HEADER_ROW + list.length; r++) for (let c = 1; c <= 9; c++) ws.getCell(r, c).border = border;
  ws.autoFilter = { from: { row: CUR_HEADER_ROW, column: 1 }, to: { row: CUR_HEADER_ROW, column: 9 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
