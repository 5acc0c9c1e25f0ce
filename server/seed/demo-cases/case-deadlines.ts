import { computeDue, extendDue, localDate, type DeadlineRule, type DeadlineUnit } from '../../../domain/deadlines';
import { atRiskFrom, type CaseDeadlines } from '../../modules/cases/deadlines/compute-case-deadlines';
import type { TenantDeadlines } from '../../modules/cases/deadlines/deadline-context';
import { pickRule, type CaseRuleKey } from '../../modules/cases/deadlines/deadline-rules';

const QUARTER_HOUR = 900_000;

type PickedRule = DeadlineRule & { atRisk: { unit: DeadlineUnit; amount: number } };

/**
 * The same deadlines as computeCaseDeadlines (registration and fast track from receipt, the rest
 * from registration), with memoised day arithmetic: a term in calendar or working days depends
 * only on the local start day, so a million cases need only a few thousand calendar walks.
 * Terms in working hours are computed exactly every time.
 */
export class DeadlineCalculator {
  private readonly rules = new Map<string, PickedRule | null>();
  private readonly dayDues = new Map<string, Date>();
  private readonly riskStarts = new Map<string, Date>();
  private readonly localDays = new Map<number, string>();

  constructor(private readonly tenant: TenantDeadlines) {}

  compute(key: CaseRuleKey & { fastTrack: boolean }, receivedAt: Date, registeredAt: Date): CaseDeadlines {
    const rule = (kind: 'registration' | 'forwarding' | 'interim_answer' | 'answer' | 'fast_track') => this.rule(key, kind);
    const answerRule = rule('answer');
    const answerDue = answerRule ? this.due(answerRule, registeredAt) : null;
    const forwarding = key.regime === 'FZ59' ? rule('forwarding') : null;
    const registration = rule('registration');
    const interim = rule('interim_answer');
    const fast = key.fastTrack ? rule('fast_track') : null;
    return {
      registrationDue: registration ? this.due(registration, receivedAt) : null,
      forwardingDue: forwarding ? this.due(forwarding, registeredAt) : null,
      interimDue: interim ? this.due(interim, registeredAt) : null,
      answerDue,
      answerAtRiskFrom: answerDue && answerRule ? this.riskFrom(registeredAt, answerDue, answerRule) : null,
      fastTrackDue: fast ? this.due(fast, receivedAt) : null,
    };
  }

  /** 59-ФЗ ст. 12 ч. 2: the answer term extended once; returns the new due and at-risk instant. */
  extend(key: CaseRuleKey, registeredAt: Date, answerDue: Date, days: number): { answerDue: Date; answerAtRiskFrom: Date | null } {
    const due = extendDue(answerDue, days, { timeZone: this.tenant.ctx.timeZone });
    const rule = this.rule(key, 'answer');
    return { answerDue: due, answerAtRiskFrom: rule ? atRiskFrom(registeredAt, due, rule.atRisk, this.tenant.ctx) : null };
  }

  private rule(key: CaseRuleKey, kind: 'registration' | 'forwarding' | 'interim_answer' | 'answer' | 'fast_track'): PickedRule | null {
    const k = `${key.regime}|${key.channel}|${key.topicId}|${key.parentTopicId}|${kind}`;
    let r = this.rules.get(k);
    if (r === undefined) {
      r = pickRule(this.tenant.rules, key, kind);
      this.rules.set(k, r);
    }
    return r;
  }

  private due(rule: PickedRule, from: Date): Date {
    if (rule.unit === 'working_hours') return computeDue(from, rule, this.tenant.ctx);
    const k = `${rule.unit}|${rule.amount}|${rule.shiftToWorkingDay}|${this.localDay(from)}`;
    let d = this.dayDues.get(k);
    if (!d) {
      d = computeDue(from, rule, this.tenant.ctx);
      this.dayDues.set(k, d);
    }
    return d;
  }

  /**
   * The local date of an instant, memoised per quarter hour: every zone offset and every change
   * of offset falls on a quarter hour, so all instants of one quarter share the local date.
   */
  private localDay(at: Date): string {
    const slot = Math.floor(at.getTime() / QUARTER_HOUR);
    let day = this.localDays.get(slot);
    if (day === undefined) {
      day = localDate(new Date(slot * QUARTER_HOUR), this.tenant.ctx.timeZone);
      this.localDays.set(slot, day);
    }
    return day;
  }

  private riskFrom(start: Date, due: Date, rule: PickedRule): Date {
    if (rule.atRisk.unit === 'working_hours') return atRiskFrom(start, due, rule.atRisk, this.tenant.ctx);
    // Day units: the instant depends on the due day only, then it is clamped to the start.
    const k = `${rule.atRisk.unit}|${rule.atRisk.amount}|${due.getTime()}`;
    let from = this.riskStarts.get(k);
    if (!from) {
      from = atRiskFrom(new Date(0), due, rule.atRisk, this.tenant.ctx);
      this.riskStarts.set(k, from);
    }
    return from < start ? start : from;
  }
}
