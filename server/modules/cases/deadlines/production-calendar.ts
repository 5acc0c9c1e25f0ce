import { readFileSync } from 'node:fs';
import { createWorkCalendar, type WorkCalendar } from '../../../../domain/deadlines';

let calendar: WorkCalendar | null = null;

/** The federal production calendar the product ships (data/calendar), loaded once per thread. */
export function productionCalendar(): WorkCalendar {
  calendar ??= createWorkCalendar(JSON.parse(readFileSync(new URL('../../../../data/calendar/ru-production-calendar.json', import.meta.url), 'utf8')));
  return calendar;
}
