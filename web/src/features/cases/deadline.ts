import { OPEN_STATUSES } from '../../../../domain/cases/status';
import { diffDaysIso, localParts } from '../../../../domain/time/zoned';
import i18n from '../../i18n';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import type { CaseCard, CaseStatus, DeadlineState } from './case-types';

const HOUR = 3_600_000;

export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The answer deadline's state of a card, the same rule as the register's (list-cases.ts). */
export function cardDeadlineState(c: Pick<CaseCard, 'status' | 'answerDue' | 'answerAtRiskFrom' | 'pausedSince'>, now: Date): DeadlineState | null {
  if (!isOpenStatus(c.status) || !c.answerDue) return null;
  if (c.pausedSince) return 'paused';
  if (now > new Date(c.answerDue)) return 'overdue';
  if (c.answerAtRiskFrom && now >= new Date(c.answerAtRiskFrom)) return 'at_risk';
  return 'on_time';
}

/** A deadline at the end of a local day (23:59) is counted in days; others (working hours) in hours. */
function endsDay(due: Date, timeZone: string): boolean {
  const p = localParts(due, timeZone);
  return p.hour === 23 && p.minute === 59;
}

function hoursText(ms: number): string {
  const t = i18n.t.bind(i18n);
  if (ms < HOUR) return formatCount(Math.max(1, Math.round(ms / 60_000)), t('time.minuteAcc', { returnObjects: true }));
  return formatCount(Math.floor(ms / HOUR), t('time.hour', { returnObjects: true }));
}

/** «осталось 3 дня», «истекает сегодня», «просрочено на 2 дня», «просрочено на 5 часов». */
export function remainingText(now: Date, dueIso: string, timeZone: string): { overdue: boolean; text: string } {
  const t = i18n.t.bind(i18n);
  const due = new Date(dueIso);
  const ms = due.getTime() - now.getTime();
  const byDay = endsDay(due, timeZone);
  const days = diffDaysIso(localParts(now, timeZone).date, localParts(due, timeZone).date);
  const dayForms = t('time.day', { returnObjects: true });
  if (ms >= 0) {
    if (byDay && days === 0) return { overdue: false, text: t('deadlines.dueToday') };
    if (byDay || ms >= 24 * HOUR) return { overdue: false, text: t('deadlines.left', { left: formatCount(Math.max(1, days), dayForms) }) };
    return { overdue: false, text: t('deadlines.left', { left: hoursText(ms) }) };
  }
  if (byDay || -ms >= 24 * HOUR) return { overdue: true, text: t('deadlines.overdueBy', { by: formatCount(Math.max(1, -days), dayForms) }) };
  return { overdue: true, text: t('deadlines.overdueBy', { by: hoursText(-ms) }) };
}

export type InboxGroup = 'overdue' | 'today' | 'week' | 'later';

/** Which group of «Мои поручения» a case falls in: by its answer deadline in the tenant's days. */
export function inboxGroup(item: { answerDue: string | null; deadlineState: DeadlineState | null }, now: Date, timeZone: string): InboxGroup {
  if (item.deadlineState === 'overdue') return 'overdue';
  if (!item.answerDue || item.deadlineState === 'paused') return 'later';
  const due = new Date(item.answerDue);
  if (due < now) return 'overdue';
  const today = localParts(now, timeZone);
  const days = diffDaysIso(today.date, localParts(due, timeZone).date);
  if (days <= 0) return 'today';
  if (days <= 7 - today.weekday) return 'week';
  return 'later';
}

/** A due date as people read it: the date for end-of-day deadlines, the date and time otherwise. */
export function formatDue(dueIso: string | null, timeZone: string): string {
  if (!dueIso) return '';
  const due = new Date(dueIso);
  return endsDay(due, timeZone) ? formatDate(due, timeZone) : formatDateTime(due, timeZone);
}
