import type { IsoDate } from '../../../../domain/time/zoned';
import { cleanText, displayCell, type Cell } from './cells';

/** A local date and time as written in the file, or an exact instant when the text had an offset. */
export interface WallTime {
  date: IsoDate;
  /** `HH:MM:SS`, or null when the file gives the date only. */
  time: string | null;
  instant: Date | null;
}

export type DateResult = { ok: true; value: WallTime } | { ok: false; reason: string } | { ok: true; value: null };

const pad = (n: number) => String(n).padStart(2, '0');
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SERIAL = /^\d{2,7}(?:[.,]\d+)?$/;
/** Excel counts days from 30.12.1899 (its fictitious 29.02.1900 makes that the base after it). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h: number | null, mi: number, s: number, shown: string): DateResult {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || (h !== null && (h > 23 || mi > 59 || s > 59))) {
    return { ok: false, reason: `дата «${shown}» не существует` };
  }
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  return { ok: true, value: { date, time: h === null ? null : `${pad(h)}:${pad(mi)}:${pad(s)}`, instant: null } };
}

function fromWallClock(d: Date): WallTime {
  const time = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : null;
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time, instant: null };
}

/** An Excel serial date (days since 30.12.1899, the fraction is the time of day). */
export function fromExcelSerial(serial: number): WallTime | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const ms = Math.round(serial * 86_400) * 1000;
  return fromWallClock(new Date(EXCEL_EPOCH + ms));
}

/**
 * Reads a date cell: an XLSX date, an Excel serial number, `ДД.ММ.ГГГГ[ ЧЧ:ММ[:СС]]`,
 * `ГГГГ-ММ-ДД[ ЧЧ:ММ:СС][±ЧЧ:ММ]`. Empty and `-` give null; an impossible date (31.02) or
 * unknown text gives a Russian reason.
 */
export function parseDateCell(c: Cell): DateResult {
  if (c instanceof Date) return { ok: true, value: fromWallClock(c) };
  if (typeof c === 'number') {
    const w = fromExcelSerial(c);
    return w ? { ok: true, value: w } : { ok: false, reason: `не удалось распознать дату «${displayCell(c)}»` };
  }
  const s = cleanText(c);
  if (!s) return { ok: true, value: null };
  let m = RU.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return build(y, Number(m[2]), Number(m[1]), m[4] === undefined ? null : Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), s);
  }
  m = ISO.exec(s);
  if (m) {
    const r = build(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? null : Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), s);
    if (r.ok && r.value && m[7]) {
      const offset = m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
      r.value.instant = new Date(`${r.value.date}T${r.value.time ?? '00:00:00'}${offset}`);
    }
    return r;
  }
  if (SERIAL.test(s)) {
    const w = fromExcelSerial(Number(s.replace(',', '.')));
    if (w) return { ok: true, value: w };
  }
  return { ok: false, reason: `не удалось распознать дату «${s}» (ожидается ДД.ММ.ГГГГ или ДД.ММ.ГГГГ ЧЧ:ММ)` };
}
