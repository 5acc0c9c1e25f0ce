/**
 * Russian formatting with Intl: dates «27.11.2026» in the tenant's time zone, numbers with thin-space
 * thousands («41 501»), plural forms («3 обращения», «5 обращений»).
 */
const LOCALE = 'ru-RU';
/** U+202F NARROW NO-BREAK SPACE: a thin space that never breaks a number across lines. */
const THIN_SPACE = '\u202F';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Intl.PluralRules(LOCALE);

function numberFormat(fractionDigits: number): Intl.NumberFormat {
  const key = String(fractionDigits);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits, useGrouping: true });
    numberFormats.set(key, f);
  }
  return f;
}

/** 41501 → «41 501» (thin space); null → ''. */
export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return numberFormat(fractionDigits).format(value).replace(/[\u00A0\u2009\u0020]/g, THIN_SPACE);
}

/** Coordinates: six decimals (four in lists, about 10 m), a decimal comma, no grouping. */
export function formatCoordinate(value: number | null | undefined, decimals = 6): string {
  if (value === null || value === undefined) return '';
  return value.toFixed(decimals).replace('.', ',');
}

function dateFormat(timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      timeZone,
    });
    dateFormats.set(key, f);
  }
  return f;
}

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** «27.11.2026» in the given IANA zone (the tenant's), or the browser's zone. */
export function formatDate(value: Date | string | number | null | undefined, timeZone?: string): string {
  const d = toDate(value);
  return d ? dateFormat(timeZone, false).format(d) : '';
}

/** «27.11.2026 16:05» in the given IANA zone. */
export function formatDateTime(value: Date | string | number | null | undefined, timeZone?: string): string {
  const d = toDate(value);
  return d ? dateFormat(timeZone, true).format(d).replace(',', '') : '';
}

/** The forms of a Russian noun after a number: 1 обращение, 3 обращения, 5 обращений. */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
  /** Fractions: 1,5 обращения. Defaults to `few`. */
  other?: string;
}

export function pluralForm(count: number, forms: PluralForms): string {
  const rule = pluralRules.select(count);
  if (rule === 'one') return forms.one;
  if (rule === 'few') return forms.few;
  if (rule === 'many') return forms.many;
  return forms.other ?? forms.few;
}

/** «3 обращения», «5 обращений», «21 обращение», «1 500 обращений». */
export function formatCount(count: number, forms: PluralForms): string {
  return `${formatNumber(count)} ${pluralForm(count, forms)}`;
}
