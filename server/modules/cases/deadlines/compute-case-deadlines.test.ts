import { describe, expect, it } from 'vitest';
import { deadlineState, remaining } from '../../../../domain/deadlines';
import { DEFAULT_WORK_SCHEDULE } from '../../../../domain/deadlines';
import { productionCalendar } from './production-calendar';
import { atRiskFrom, computeCaseDeadlines } from './compute-case-deadlines';
import { DEFAULT_RULES, pickRule, type StoredRule } from './deadline-rules';

const ctx = { calendar: productionCalendar(), timeZone: 'Europe/Saratov', schedule: DEFAULT_WORK_SCHEDULE };
const rules: StoredRule[] = DEFAULT_RULES.map((r) => ({ ...r, topicId: null, isActive: true }));

describe('case deadlines from rules', () => {
  it('59-ФЗ appeal registered on 29.12.2025: answer due 28.01.2026 end of day, forwarding 05.01.2026', () => {
    const registeredAt = new Date('2025-12-29T10:00:00+04:00');
    const d = computeCaseDeadlines({ regime: 'FZ59', channel: 'letter', topicId: null, fastTrack: false }, { receivedAt: registeredAt, registeredAt }, rules, ctx);
    expect(d.answerDue!.toISOString()).toBe('2026-01-28T19:59:59.999Z');
    expect(d.forwardingDue!.toISOString()).toBe('2026-01-05T19:59:59.999Z');
    expect(d.fastTrackDue).toBeNull();
  });

  it('ПОС message received 30.04.2026 (before the May holidays): 10 working days end on 18.05.2026', () => {
    // 01.05 (Fri) is a holiday and 11.05 (Mon) the day off moved from Saturday 09.05, so the
    // working days after 30.04 are 04–08.05 (5), 12–15.05 (9) and 18.05 (10).
    const at = new Date('2026-04-30T15:00:00+04:00');
    const d = computeCaseDeadlines({ regime: 'MESSAGE', channel: 'pos', topicId: null, fastTrack: true }, { receivedAt: at, registeredAt: at }, rules, ctx);
    expect(d.answerDue!.toISOString()).toBe('2026-05-18T19:59:59.999Z');
    expect(remaining(at, d.answerDue!, 'working_days', ctx)).toBe(10);
    expect(d.fastTrackDue!.toISOString()).toBe('2026-05-30T19:59:59.999Z');
  });

  it('a topic rule beats a channel rule, which beats the regime default', () => {
    const topicRule: StoredRule = { regime: 'MESSAGE', channel: null, topicId: 't-heat', kind: 'answer', unit: 'working_days', amount: 3, shiftToWorkingDay: false, atRiskUnit: 'working_days', atRiskAmount: 1, isActive: true };
    const all = [...rules, topicRule];
    expect(pickRule(all, { regime: 'MESSAGE', channel: 'web', topicId: 't-heat' }, 'answer')!.amount).toBe(3);
    expect(pickRule(all, { regime: 'MESSAGE', channel: 'web', topicId: 'sub', parentTopicId: 't-heat' }, 'answer')!.amount).toBe(3);
    expect(pickRule(all, { regime: 'MESSAGE', channel: 'web', topicId: null }, 'answer')!.amount).toBe(8);
    expect(pickRule(all, { regime: 'MESSAGE', channel: 'pos', topicId: null }, 'answer')!.amount).toBe(10);
    expect(pickRule([{ ...topicRule, isActive: false }], { regime: 'MESSAGE', channel: 'web', topicId: 't-heat' }, 'answer')).toBeNull();
  });

  it.each([
    ['calendar_days', 5, '2026-01-28T19:59:59.999Z'],
    ['working_days', 2, '2026-01-28T19:59:59.999Z'],
    ['working_hours', 3, '2026-01-28T19:59:59.999Z'],
  ] as const)('atRiskFrom(%s, %i) is exactly where the state turns amber', (unit, amount, dueIso) => {
    const start = new Date('2025-12-29T10:00:00+04:00');
    const due = new Date(dueIso);
    const from = atRiskFrom(start, due, { unit, amount }, ctx);
    const opts = { atRiskWithin: { unit, amount }, ctx };
    expect(deadlineState(from, due, opts)).toBe('at_risk');
    expect(deadlineState(new Date(from.getTime() - 60_001), due, opts)).toBe('on_time');
  });
});
