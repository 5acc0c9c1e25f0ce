import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { plainCell, type Cell, type RawRow } from './cells';

export type TableFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'windows-1251' | 'utf-16le';
export type Delimiter = ';' | ',' | '\t';

export interface TableDialect {
  format: TableFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
}

/** A broken file: the message is Russian and goes to the user as it is. */
export class TableError extends Error {}

/**
 * The encoding of a CSV file as people really send them: a UTF-16 or UTF-8 byte-order mark, valid
 * UTF-8 without one, or else Windows-1251 (Excel's «CSV» on a Russian Windows).
 */
export function detectEncoding(buf: Buffer): TextEncoding {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  return isUtf8(buf) ? 'utf-8' : 'windows-1251';
}

/** Decodes the start of a file for sniffing (the delimiter, the preview). */
export function decodeSample(buf: Buffer, encoding: TextEncoding, bytes = 256 * 1024): string {
  const text = iconv.decode(buf.subarray(0, bytes), encoding === 'utf-16le' ? 'utf16le' : encoding === 'utf-8' ? 'utf8' : 'win1251');
  return text.replace(/^\uFEFF/, '');
}

/**
 * The delimiter that splits the first lines into the same number (> 1) of fields most often;
 * title lines above the header («Выгрузка за январь») do not mislead it.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of [';', '\t', ','] as const) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(d).length;
      if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [n, times] of counts) score = Math.max(score, times * 1000 + n);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Rows of a CSV file, streamed: the decoder and the parser hold one chunk at a time. */
export async function* readCsvRows(input: Readable, encoding: TextEncoding, delimiter: Delimiter): AsyncGenerator<RawRow> {
  const decoded = encoding === 'utf-8' ? input : input.pipe(iconv.decodeStream(encoding === 'utf-16le' ? 'utf16le' : 'win1251'));
  const parser = decoded.pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }));
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      yield { rowNumber: n, cells: record };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw new TableError(`Файл CSV повреждён: кавычка, открытая в строке ${n + 1}, не закрыта до конца файла`);
    if (code?.startsWith('CSV_')) throw new TableError(`Файл CSV повреждён (строка ${n + 1}): ${(e as Error).message}`);
    throw e;
  } finally {
    input.destroy();
  }
}

/**
 * Rows of the first sheet of an XLSX file through exceljs's streaming reader (shared strings and
 * styles are cached, rows are not). Date cells come as wall-clock Dates.
 */
export async function* readXlsxRows(input: Readable, onSheet?: (name: string) => void): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      onSheet?.(String((sheet as unknown as { name?: string }).name ?? ''));
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return;
    }
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError(`Не удалось прочитать файл XLSX: файл повреждён или это не таблица Excel (${(e as Error).message.slice(0, 120)})`);
  } finally {
    input.destroy();
  }
}

export function readRows(input: Readable, dialect: TableDialect, onSheet?: (name: string) => void): AsyncGenerator<RawRow> {
  if (dialect.format === 'xlsx') return readXlsxRows(input, onSheet);
  return readCsvRows(input, dialect.encoding ?? 'utf-8', dialect.delimiter ?? ';');
}

export function bufferStream(buf: Buffer, partSize = 1024 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += partSize) yield buf.subarray(i, i + partSize);
    })(),
    { objectMode: false },
  );
}
