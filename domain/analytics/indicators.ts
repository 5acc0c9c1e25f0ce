// The usual indicators (R-RA-2) every municipality gets when it has none of that code yet.
// Names are the documents' wording (data, shown as is); targets are facts with sources, or
// absent when no source fixes one — never invented.
import type { IndicatorMeasure } from './measures';

export interface StandardIndicator {
  code: string;
  name: string;
  measure: IndicatorMeasure;
  filters: { channel?: string; fastTrack?: '1' | '0' };
  period: 'month' | 'quarter' | 'year';
  targetValue: number | null;
  targetDirection: 'gte' | 'lte';
  sort: number;
}

export const STANDARD_INDICATORS: readonly StandardIndicator[] = [
  {
    code: 'answered_in_time',
    name: 'Доля обращений и сообщений, ответ на которые дан в установленный срок',
    measure: 'answered_in_time_share',
    filters: {},
    period: 'quarter',
    targetValue: 0.9,
    targetDirection: 'gte',
    sort: 10,
  },
  {
    // Минцифры 2025 target reported for ПОС: an average answer time of 8 days at most.
    code: 'pos_avg_answer_days',
    name: 'Среднее время ответа на сообщения ПОС, дней',
    measure: 'avg_answer_days',
    filters: { channel: 'pos' },
    period: 'quarter',
    targetValue: 8,
    targetDirection: 'lte',
    sort: 20,
  },
  {
    // Минцифры 2025 target reported for ПОС: at least 60 % of ratings at 4–5.
    code: 'pos_rating_4_5',
    name: 'Доля оценок «4» и «5» ответов на сообщения ПОС',
    measure: 'rating_4_5_share',
    filters: { channel: 'pos' },
    period: 'quarter',
    targetValue: 0.6,
    targetDirection: 'gte',
    sort: 30,
  },
  {
    // ПП РФ № 1844, Приложение № 1 (wording as reported; the text could not be confirmed, no target).
    code: 'auto_routed',
    name: 'Доля обращений, обрабатываемых с использованием системы автоматизированной доставки проблемы до конечного исполнителя',
    measure: 'auto_routed_share',
    filters: {},
    period: 'quarter',
    targetValue: null,
    targetDirection: 'gte',
    sort: 40,
  },
  {
    // «Механизм ускоренного решения»: every socially significant item within 30 days (R-RT-3).
    code: 'fast_track_30',
    name: 'Доля обращений по социально значимым тематикам, решённых в срок не более 30 дней',
    measure: 'fast_track_share',
    filters: { fastTrack: '1' },
    period: 'quarter',
    targetValue: 1,
    targetDirection: 'gte',
    sort: 50,
  },
];

/** Whether a value meets its target; null when there is no value or no target. */
export function targetMet(value: number | null, target: number | null, direction: 'gte' | 'lte'): boolean | null {
  if (value === null || target === null) return null;
  return direction === 'gte' ? value >= target - 1e-12 : value <= target + 1e-12;
}
