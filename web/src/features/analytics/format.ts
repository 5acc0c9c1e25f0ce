import { formatNumber } from '../../lib/format';
import type { Unit } from './analytics.api';

/** `t` with any key (keys built from API codes); the catalogue has them all. */
export type Tr = (key: string, options?: Record<string, unknown>) => string;

/** A value in its unit, Russian style: «87 %», «4,2 дн.», «12,5 ч», «4,3», «1 234»; null → «—». */
export function formatValue(unit: Unit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'share':
      return `${formatNumber(value * 100, value * 100 < 10 && value > 0 ? 1 : 0)}\u202F%`;
    case 'days':
      return `${formatNumber(value, 1)}\u202Fдн.`;
    case 'hours':
      return `${formatNumber(value, 1)}\u202Fч`;
    case 'rating':
      return formatNumber(value, 2);
    case 'per1000':
      return formatNumber(value, value < 10 ? 2 : 1);
    case 'score':
      return formatNumber(value, 0);
    case 'count':
      return formatNumber(value);
  }
}

export interface DeltaInfo {
  dir: 'up' | 'down' | 'same';
  /** «+12 %», «−3,1 п. п.», «+0,20». */
  text: string;
}

/** The change from `base` to `value`: percent for counts, percentage points for shares, plain difference otherwise. */
export function deltaOf(unit: Unit, value: number | null, base: number | null): DeltaInfo | null {
  if (value === null || base === null || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  const diff = value - base;
  const dir = Math.abs(diff) < 1e-9 ? 'same' : diff > 0 ? 'up' : 'down';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  if (unit === 'share') return { dir, text: `${sign}${formatNumber(abs * 100, 1)}\u202Fп.\u202Fп.` };
  if (unit === 'count' || unit === 'per1000') {
    if (base === 0) return value === 0 ? { dir: 'same', text: '±0' } : { dir, text: `${sign}${formatNumber(abs, unit === 'count' ? 0 : 1)}` };
    return { dir, text: `${sign}${formatNumber((abs / base) * 100, 0)}\u202F%` };
  }
  return { dir, text: `${sign}${formatNumber(abs, unit === 'rating' ? 2 : 1)}` };
}

/** «01.11–27.11.2026» of ISO dates. */
export function formatRange(r: { from: string; to: string }): string {
  const d = (s: string) => s.split('-').reverse().join('.');
  const [a, b] = [d(r.from), d(r.to)];
  return a.slice(6) === b.slice(6) ? `${a.slice(0, 5)}–${b}` : `${a}–${b}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** A period code in words: «2026-Q3» → «III квартал 2026», «2026-11» → «ноябрь 2026», «2026» → «2026 год». */
export function periodLabel(code: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(code);
  if (q) return `${ROMAN[Number(q[2]) - 1]} квартал ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return `${code} год`;
}
