import iconv from 'iconv-lite';

/**
 * Decodes a text file as people really send them: UTF-8 with or without a BOM, or Windows-1251
 * (Excel's «CSV» on a Russian Windows). Binary content is refused.
 */
export function decodeText(buf: Buffer): string {
  if (looksBinary(buf)) throw new Error('Файл не похож на текстовый (CSV): возможно, это двоичный файл с другим расширением');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (!utf8.includes('\uFFFD')) return utf8;
  return iconv.decode(buf, 'win1251');
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Picks the delimiter that splits the header line into the most columns. */
export function detectDelimiter(firstLine: string): ';' | ',' | '\t' {
  const count = (c: string) => firstLine.split(c).length;
  const candidates: (';' | ',' | '\t')[] = [';', ',', '\t'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ';' | ',' | '\t');
}
