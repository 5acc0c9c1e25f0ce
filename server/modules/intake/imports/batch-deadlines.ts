import { computeDue, type DeadlineRule, type DeadlineUnit } from '../../../../domain/deadlines';
import { addDaysIso, type IsoDate } from '../../../../domain/time/zoned';
import { workingSpansOn, type Span } from '../../../../domain/deadlines/working-time';
import { CalendarYearMissingError } from '../../../../domain/calendar/work-calendar';
import { atRiskFrom, type CaseDeadlines } from '../../cases/deadlines/compute-case-deadlines';
import type { TenantDeadlines } from '../../cases/deadlines/deadline-context';
import { pickRule, type CaseRuleKey } from '../../cases/deadlines/deadline-rules';
import { ZoneCache } from '../table/zone-cache';

type Kind = 'registration' | 'forwarding' | 'interim_answer' | 'answer' | 'fast_track';
type Picked = DeadlineRule & { atRisk: { unit: DeadlineUnit; amount: number } };

const HOUR_MS = 3_600_000;
const MAX_SCAN_DAYS = 3660;

export interface BatchDeadlineResult extends CaseDeadlines {
  /** Years of the production calendar that were missing: those terms are left empty, not guessed. */
  missingYears: number[];
}

/**
 * The deadlines of computeCaseDeadlines for many rows at once, equal to it instant for instant
 * (the test compares them on random cases). What makes it fast is caching, not other arithmetic:
 * a term in days depends only on the local start day; the at-risk instant of a day term only on
 * the due instant (then clamped to the start, as atRiskFrom does); a term in working hours walks
 * the same working spans of domain/deadlines, cached per day.
 */
export class BatchDeadlines {
  readonly zone: ZoneCache;
  private readonly rules = new Map<string, Picked | null>();
  // Failures are cached too: a year missing from the calendar fails every row of that year alike.
  private readonly dayDues = new Map<string, Date | Error>();
  private readonly riskStarts = new Map<string, Date | Error>();
  private readonly spans = new Map<IsoDate, Span[] | Error>();

  constructor(readonly tenant: TenantDeadlines) {
    this.zone = new ZoneCache(tenant.ctx.timeZone);
  }

  /**
   * Deadlines of a case received at `receivedAt` and registered at `registeredAt` (or not yet).
   * `answerDue` from the source file replaces the rule's answer term; the at-risk instant is then
   * measured back from it by the answer rule, as for a computed term.
   */
  compute(key: CaseRuleKey & { fastTrack: boolean }, receivedAt: Date, registeredAt: Date | null, fileAnswerDue: Date | null = null): BatchDeadlineResult {
    const missing = new Set<number>();
    const guard = <T>(f: () => T): T | null => {
      try {
        return f();
      } catch (e) {
        if (e instanceof CalendarYearMissingError) {
          missing.add(e.year);
          return null;
        }
        throw e;
      }
    };
    const start = registeredAt ?? receivedAt;
    const due = (kind: Exclude<Kind, 'answer'>, from: Date) => {
      const rule = this.rule(key, kind);
      return rule ? guard(() => this.due(rule, from)) : null;
    };
    const answerRule = this.rule(key, 'answer');
    const answerDue = fileAnswerDue ?? (answerRule ? guard(() => this.due(answerRule, start)) : null);
    return {
      registrationDue: due('registration', receivedAt),
      forwardingDue: key.regime === 'FZ59' ? due('forwarding', start) : null,
      interimDue: due('interim_answer', start),
      answerDue,
      answerAtRiskFrom: answerDue && answerRule ? guard(() => this.riskFrom(start, answerDue, answerRule)) : null,
      fastTrackDue: key.fastTrack ? due('fast_track', receivedAt) : null,
      missingYears: [...missing],
    };
  }

  private rule(key: CaseRuleKey, kind: Kind): Picked | null {
    const k = `${key.regime}|${key.channel}|${key.topicId}|${key.parentTopicId}|${kind}`;
    let r = this.rules.get(k);
    if (r === undefined) {
      r = pickRule(this.tenant.rules, key, kind);
      this.rules.set(k, r);
    }
    return r;
  }

  private due(rule: Picked, from: Date): Date {
    if (rule.unit === 'working_hours') return this.addWorkingHours(from, rule.amount) ?? computeDue(from, rule, this.tenant.ctx);
    const k = `${rule.unit}|${rule.amount}|${rule.shiftToWorkingDay ? 1 : 0}|${this.zone.localDay(from)}`;
    return memo(this.dayDues, k, () => computeDue(from, rule, this.tenant.ctx));
  }

  private riskFrom(start: Date, due: Date, rule: Picked): Date {
    if (rule.atRisk.unit === 'working_hours') return atRiskFrom(start, due, rule.atRisk, this.tenant.ctx);
    const k = `${rule.atRisk.unit}|${rule.atRisk.amount}|${due.getTime()}`;
    const from = memo(this.riskStarts, k, () => atRiskFrom(new Date(0), due, rule.atRisk, this.tenant.ctx));
    return from < start ? start : from;
  }

  /** domain/deadlines addWorkingHours without pauses, over cached spans; null for a bad amount. */
  private addWorkingHours(start: Date, hours: number): Date | null {
    if (!Number.isFinite(hours) || hours < 0) return null;
    let left = hours * HOUR_MS;
    const t0 = start.getTime();
    let day = this.zone.localDay(start);
    for (let i = 0; i < MAX_SCAN_DAYS; i++, day = addDaysIso(day, 1)) {
      for (const span of this.spansOn(day)) {
        const from = Math.max(span.from, t0);
        if (from >= span.to) continue;
        if (left <= span.to - from) return new Date(from + left);
        left -= span.to - from;
      }
    }
    return null;
  }

  private spansOn(day: IsoDate): Span[] {
    return memo(this.spans, day, () => workingSpansOn(day, this.tenant.ctx));
  }
}

/** A cached value, or the cached CalendarYearMissingError thrown again (no new stack trace each row). */
function memo<T>(cache: Map<string, T | Error>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    try {
      v = make();
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      v = e;
    }
    cache.set(key, v);
  }
  if (v instanceof Error) throw v;
  return v;
}
