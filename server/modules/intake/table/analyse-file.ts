import type { Readable } from 'node:stream';
import { AppError } from '../../../errors';
import { sniffFile } from '../../../lib/sniff-file';
import { displayCell, isEmptyRow, type RawRow } from './cells';
import { detectHeader, type HeaderInfo } from './detect-header';
import { bufferStream, decodeSample, detectDelimiter, detectEncoding, readRows, TableError, type TableDialect } from './read-table';

export interface FileAnalysis {
  dialect: TableDialect;
  sheetName: string | null;
  header: HeaderInfo;
  preview: { rowNumber: number; values: string[] }[];
  /** Data rows in the file (CSV: counted now; XLSX: by the worker before it starts). */
  totalRows: number | null;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const bad = (message: string) => new AppError('validation', message, { file: message });

/** The format by content, never by the file name. */
function sniffFormat(data: Buffer, fileName: string): TableDialect {
  const type = sniffFile(data);
  if (data[0] === 0x50 && data[1] === 0x4b) {
    if (type === XLSX_MIME) return { format: 'xlsx', encoding: null, delimiter: null };
    throw bad(`Файл «${fileName}» — архив или документ Word, а не таблица: загрузите XLSX или CSV`);
  }
  if (type === 'application/msword') throw bad('Формат XLS (Excel 97–2003) не поддерживается: откройте файл в Excel и сохраните его как XLSX или CSV');
  if (type && type !== 'text/plain' && !(data[0] === 0xff && data[1] === 0xfe)) throw bad(`Файл «${fileName}» — не таблица (${type}): загрузите XLSX или CSV`);
  const encoding = detectEncoding(data);
  if (encoding !== 'utf-16le' && looksBinary(data)) throw bad(`Файл «${fileName}» не похож на таблицу CSV: это двоичный файл, возможно, с другим расширением`);
  return { format: 'csv', encoding, delimiter: detectDelimiter(decodeSample(data, encoding)) };
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control > n * 0.01;
}

/**
 * Reads what the import screen needs from an uploaded file: format, encoding and delimiter, the
 * header (under title rows, merged over several rows), the first data rows, and for CSV the
 * number of data rows (a full streaming pass that also proves the file parses to the end).
 */
export async function analyseFile(data: Buffer, fileName: string, known: ReadonlySet<string>, sampleRows: number, previewRows: number): Promise<FileAnalysis> {
  if (data.length === 0) throw bad('Файл пуст');
  const dialect = sniffFormat(data, fileName);
  let sheetName: string | null = null;
  const sample: RawRow[] = [];
  try {
    for await (const row of readRows(bufferStream(data), dialect, (n) => (sheetName = n))) {
      sample.push(row);
      if (sample.length >= sampleRows) break;
    }
  } catch (e) {
    if (e instanceof TableError) throw bad(e.message);
    throw e;
  }
  if (sample.every((r) => isEmptyRow(r.cells))) throw bad('В файле нет данных');
  const header = detectHeader(sample, known);
  if (!header) throw bad('Не удалось найти строку заголовков: в первых строках файла нет названий столбцов');
  const dataRows = sample.filter((r) => r.rowNumber > header.lastRow && !isEmptyRow(r.cells));
  const preview = dataRows.slice(0, previewRows).map((r) => ({ rowNumber: r.rowNumber, values: header.headers.map((_, i) => displayCell(r.cells[i] ?? null)) }));
  let totalRows: number | null = null;
  if (dialect.format === 'csv') {
    try {
      totalRows = await countDataRows(bufferStream(data), dialect, header.lastRow);
    } catch (e) {
      if (e instanceof TableError) throw bad(e.message);
      throw e;
    }
  }
  else if (sample.length < sampleRows) totalRows = dataRows.length;
  if (totalRows === 0 || (totalRows === null && dataRows.length === 0 && sample.length < sampleRows)) throw bad('В файле нет строк с данными: только заголовок');
  return { dialect, sheetName, header, preview, totalRows };
}

/** Non-empty rows after the header, counted by the same streaming reader the import uses. */
export async function countDataRows(input: Readable, dialect: TableDialect, lastHeaderRow: number, every?: { rows: number; run: () => Promise<void> }): Promise<number> {
  let n = 0;
  for await (const row of readRows(input, dialect)) {
    if (row.rowNumber > lastHeaderRow && !isEmptyRow(row.cells)) n++;
    if (every && row.rowNumber % every.rows === 0) await every.run();
  }
  return n;
}
