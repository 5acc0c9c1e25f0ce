import { addDaysIso, computeDue, localDate, remaining, startOfLocalDay, type DeadlineContext, type DeadlineUnit } from '../../../../domain/deadlines';
import type { CaseRuleKey, StoredRule } from './deadline-rules';
import { pickRule } from './deadline-rules';

export interface CaseDeadlines {
  registrationDue: Date | null;
  forwardingDue: Date | null;
  interimDue: Date | null;
  answerDue: Date | null;
  answerAtRiskFrom: Date | null;
  fastTrackDue: Date | null;
}

/**
 * Due instants of a case from its rules. Registration runs from receipt; forwarding, interim and
 * final answer from registration (59-ФЗ ст. 8, 12); the fast track (≤ 30 calendar days) from receipt.
 */
export function computeCaseDeadlines(
  key: CaseRuleKey & { fastTrack: boolean },
  times: { receivedAt: Date; registeredAt: Date | null },
  rules: StoredRule[],
  ctx: DeadlineContext,
): CaseDeadlines {
  const start = times.registeredAt ?? times.receivedAt;
  const due = (kind: 'registration' | 'forwarding' | 'interim_answer' | 'fast_track', from: Date) => {
    const rule = pickRule(rules, key, kind);
    return rule ? computeDue(from, rule, ctx) : null;
  };
  const answerRule = pickRule(rules, key, 'answer');
  const answerDue = answerRule ? computeDue(start, answerRule, ctx) : null;
  return {
    registrationDue: due('registration', times.receivedAt),
    forwardingDue: key.regime === 'FZ59' ? due('forwarding', start) : null,
    interimDue: due('interim_answer', start),
    answerDue,
    answerAtRiskFrom: answerDue && answerRule ? atRiskFrom(start, answerDue, answerRule.atRisk, ctx) : null,
    fastTrackDue: key.fastTrack ? due('fast_track', times.receivedAt) : null,
  };
}

/**
 * The first instant at which no more than `atRisk` is left before `due`. Stored with the case so
 * the register can filter «под угрозой» in SQL. Found by bisection over the remaining() function,
 * which is monotonic in `now`.
 */
export function atRiskFrom(start: Date, due: Date, atRisk: { unit: DeadlineUnit; amount: number }, ctx: DeadlineContext): Date {
  if (atRisk.unit !== 'working_hours') return atRiskFromDays(start, due, atRisk, ctx);
  let lo = start.getTime();
  let hi = due.getTime();
  if (remaining(new Date(lo), due, atRisk.unit, ctx) <= atRisk.amount) return new Date(lo);
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (remaining(new Date(mid), due, atRisk.unit, ctx) <= atRisk.amount) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Day units: remaining() changes only at local midnight, so walk back from the due day. */
function atRiskFromDays(start: Date, due: Date, atRisk: { unit: DeadlineUnit; amount: number }, ctx: DeadlineContext): Date {
  const dueDay = localDate(due, ctx.timeZone);
  let day = dueDay;
  if (atRisk.unit === 'calendar_days') {
    day = addDaysIso(dueDay, -atRisk.amount);
  } else {
    // Earliest day T with at most `amount` working days in (T, dueDay]; stepping back from T
    // adds T itself to the count when T is a working day.
    let count = 0;
    for (let guard = 0; guard < 400; guard++) {
      const next = count + (ctx.calendar.isWorkingDay(day) ? 1 : 0);
      if (next > atRisk.amount) break;
      count = next;
      day = addDaysIso(day, -1);
    }
  }
  const from = startOfLocalDay(day, ctx.timeZone);
  return from < start ? start : from;
}
