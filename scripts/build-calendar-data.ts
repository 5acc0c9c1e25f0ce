// Builds data/calendar/ru-production-calendar.json from the shared day-by-day CSV.
// Run: npx tsx scripts/build-calendar-data.ts
// The JSON keeps only the exceptions to the Mon–Fri 8-hour rule; the script then re-checks every
// CSV row (working flag and hours) and the yearly totals against the compact data.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkCalendar, type CalendarDayType, type WorkCalendarData } from '../domain/calendar/work-calendar';
import { weekdayIso } from '../domain/time/zoned';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CSV = '/work/shared/data/calendar/ru_production_calendar_2024_2027.csv';
const OUT = resolve(ROOT, 'data/calendar/ru-production-calendar.json');

const SOURCE =
  'Производственный календарь РФ (ТК РФ ст. 112 и постановления Правительства РФ о переносе выходных дней: ' +
  '2024 — ПП № 1314, 2025 — ПП № 1335, 2026 — ПП № 1466, 2027 — ПП № 1187 от 17.09.2026, требует подтверждения). ' +
  'Данные: https://github.com/xmlcalendar/data (xmlcalendar.ru), ru/<год>/calendar.xml; 2024–2026 — коммит ccba74a, ' +
  '2027 — файл от 2026.09.02. Региональные нерабочие дни не включены. ' +
  'Сформировано scripts/build-calendar-data.ts из ru_production_calendar_2024_2027.csv.';

// Official yearly norms (40-hour week) used as a final check.
const EXPECTED_TOTALS: Record<number, { days: number; hours: number }> = {
  2024: { days: 248, hours: 1979 },
  2025: { days: 247, hours: 1972 },
  2026: { days: 247, hours: 1972 },
  2027: { days: 247, hours: 1972 },
};

interface Row { date: string; isWorking: boolean; dayType: string; hours: number }

function readRows(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`CSV column missing: ${name}`);
    return i;
  };
  const [iDate, iWork, iType, iHours] = [at('date'), at('is_working_day'), at('day_type'), at('hours_norm_40h')];
  return lines.map((line) => {
    const f = line.split(',');
    return { date: f[iDate], isWorking: f[iWork] === '1', dayType: f[iType], hours: Number(f[iHours]) };
  });
}

/** Maps one CSV row to a compact exception, or null when the Mon–Fri rule already describes it. */
function toException(row: Row): CalendarDayType | null {
  const weekend = weekdayIso(row.date) >= 6;
  switch (row.dayType) {
    case 'working':
    case 'weekend':
      return null;
    case 'holiday':
    case 'transferred_day_off':
      return weekend ? null : row.dayType; // a holiday on Sat/Sun changes nothing
    case 'working_weekend':
      return 'working_weekend';
    case 'shortened_working':
      return 'shortened';
    default:
      throw new Error(`Unknown day_type "${row.dayType}" on ${row.date}`);
  }
}

function build(rows: Row[]): WorkCalendarData {
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b);
  const days: Record<string, CalendarDayType> = {};
  for (const row of rows) {
    const type = toException(row);
    if (type) days[row.date] = type;
  }
  return { source: SOURCE, years, days };
}

function verify(rows: Row[], data: WorkCalendarData): void {
  const calendar = createWorkCalendar(data);
  const totals = new Map<number, { days: number; hours: number }>();
  for (const row of rows) {
    const working = calendar.isWorkingDay(row.date);
    const hours = calendar.workingHoursOn(row.date);
    if (working !== row.isWorking || hours !== row.hours) {
      throw new Error(`Mismatch on ${row.date}: csv ${row.isWorking}/${row.hours}, json ${working}/${hours}`);
    }
    const year = Number(row.date.slice(0, 4));
    const t = totals.get(year) ?? { days: 0, hours: 0 };
    totals.set(year, { days: t.days + (working ? 1 : 0), hours: t.hours + hours });
  }
  for (const [year, t] of totals) {
    const want = EXPECTED_TOTALS[year];
    if (!want || want.days !== t.days || want.hours !== t.hours) {
      throw new Error(`Totals for ${year}: ${t.days} days / ${t.hours} h, expected ${JSON.stringify(want)}`);
    }
    console.log(`${year}: ${t.days} working days, ${t.hours} hours — OK`);
  }
}

const rows = readRows(CSV);
const data = build(rows);
verify(rows, data);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(data, null, 2) + '\n', 'utf8');
console.log(`Wrote ${OUT}: ${Object.keys(data.days).length} exceptions for ${data.years.join(', ')}`);
