import type { DeadlineKind, DeadlineRule, DeadlineUnit } from '../../../../domain/deadlines';

/** A stored rule row, as matching needs it. */
export interface StoredRule {
  regime: string;
  channel: string | null;
  topicId: string | null;
  kind: string;
  unit: string;
  amount: number;
  shiftToWorkingDay: boolean;
  atRiskUnit: string;
  atRiskAmount: number;
  isActive: boolean;
}

export interface CaseRuleKey {
  regime: string;
  channel: string;
  topicId: string | null;
  parentTopicId?: string | null;
}

/**
 * The most specific active rule of a kind: topic+channel, then topic, then channel, then the
 * regime default. A sub-topic falls back to its topic's rules.
 */
export function pickRule(rules: StoredRule[], key: CaseRuleKey, kind: DeadlineKind): (DeadlineRule & { atRisk: { unit: DeadlineUnit; amount: number } }) | null {
  const topics = [key.topicId, key.parentTopicId].filter((x): x is string => Boolean(x));
  const score = (r: StoredRule): number => {
    if (!r.isActive || r.kind !== kind || r.regime !== key.regime) return -1;
    if (r.channel && r.channel !== key.channel) return -1;
    if (r.topicId && !topics.includes(r.topicId)) return -1;
    return (r.topicId ? (r.topicId === key.topicId ? 4 : 3) : 0) + (r.channel ? 2 : 0);
  };
  let best: StoredRule | null = null;
  let bestScore = -1;
  for (const r of rules) {
    const s = score(r);
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  if (!best) return null;
  return {
    kind,
    unit: best.unit as DeadlineUnit,
    amount: best.amount,
    shiftToWorkingDay: best.shiftToWorkingDay,
    atRisk: { unit: best.atRiskUnit as DeadlineUnit, amount: best.atRiskAmount },
  };
}

/**
 * Defaults a new municipality starts with (all editable): 59-ФЗ in calendar days; ПОС and the
 * own web form in working days (comparable portals: 8–10 days); social-media incidents in working
 * hours (Sevastopol's norm: 9 h to answer, then 7 working days for the final answer).
 */
export const DEFAULT_RULES: Omit<StoredRule, 'isActive' | 'topicId'>[] = [
  { regime: 'FZ59', channel: null, kind: 'registration', unit: 'calendar_days', amount: 3, shiftToWorkingDay: false, atRiskUnit: 'calendar_days', atRiskAmount: 1 },
  { regime: 'FZ59', channel: null, kind: 'forwarding', unit: 'calendar_days', amount: 7, shiftToWorkingDay: false, atRiskUnit: 'calendar_days', atRiskAmount: 2 },
  { regime: 'FZ59', channel: null, kind: 'answer', unit: 'calendar_days', amount: 30, shiftToWorkingDay: false, atRiskUnit: 'calendar_days', atRiskAmount: 5 },
  { regime: 'FZ59', channel: null, kind: 'fast_track', unit: 'calendar_days', amount: 30, shiftToWorkingDay: false, atRiskUnit: 'calendar_days', atRiskAmount: 5 },
  { regime: 'MESSAGE', channel: null, kind: 'registration', unit: 'working_days', amount: 1, shiftToWorkingDay: false, atRiskUnit: 'working_hours', atRiskAmount: 2 },
  { regime: 'MESSAGE', channel: null, kind: 'answer', unit: 'working_days', amount: 10, shiftToWorkingDay: false, atRiskUnit: 'working_days', atRiskAmount: 2 },
  { regime: 'MESSAGE', channel: null, kind: 'fast_track', unit: 'calendar_days', amount: 30, shiftToWorkingDay: false, atRiskUnit: 'calendar_days', atRiskAmount: 5 },
  { regime: 'MESSAGE', channel: 'web', kind: 'answer', unit: 'working_days', amount: 8, shiftToWorkingDay: false, atRiskUnit: 'working_days', atRiskAmount: 2 },
  { regime: 'MESSAGE', channel: 'incident', kind: 'interim_answer', unit: 'working_hours', amount: 9, shiftToWorkingDay: false, atRiskUnit: 'working_hours', atRiskAmount: 3 },
  { regime: 'MESSAGE', channel: 'incident', kind: 'answer', unit: 'working_days', amount: 7, shiftToWorkingDay: false, atRiskUnit: 'working_days', atRiskAmount: 1 },
];

/** Channels a new municipality starts with; more are added as data. */
export const DEFAULT_CHANNELS: { code: string; name: string; defaultRegime: 'FZ59' | 'MESSAGE' }[] = [
  { code: 'pos', name: 'Платформа обратной связи (ПОС)', defaultRegime: 'MESSAGE' },
  { code: 'incident', name: '«Инцидент Менеджмент» (соцсети)', defaultRegime: 'MESSAGE' },
  { code: 'letter', name: 'Письменное обращение', defaultRegime: 'FZ59' },
  { code: 'reception', name: 'Личный приём', defaultRegime: 'FZ59' },
  { code: 'phone', name: 'Телефон', defaultRegime: 'MESSAGE' },
  { code: 'email', name: 'Электронная почта', defaultRegime: 'MESSAGE' },
  { code: 'web', name: 'Сайт МЦУ (форма для жителей)', defaultRegime: 'MESSAGE' },
  { code: 'official_page', name: 'Комментарии в госпабликах', defaultRegime: 'MESSAGE' },
  { code: 'open311', name: 'Внешние системы (Open311)', defaultRegime: 'MESSAGE' },
];
