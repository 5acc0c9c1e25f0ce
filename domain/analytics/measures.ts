// Figures over a set of cases. The server counts a few additive tallies per group in SQL; every
// measure is a ratio of those tallies, so totals, periods and drill-downs can never disagree.
import { assertUnreachable } from '../util/assert-unreachable';

/** Additive tallies of a set of cases (see server/modules/analytics/case-sums.ts for the SQL). */
export interface Sums {
  /** Cases received. */
  n: number;
  /** Cases with a due date that are answered or still open (the base of the overdue share). */
  dueN: number;
  /** Of those: answered after the due date, or open, not paused and past the due date now. */
  overdueN: number;
  /** Answered cases with a due date (the base of timeliness). */
  answeredDueN: number;
  /** Answered on or before the due date. */
  inTimeN: number;
  /** Answered cases (answered_at set). */
  answeredN: number;
  /** Σ (answered_at − received_at) in seconds over answered cases. */
  answerSeconds: number;
  ratedN: number;
  ratingSum: number;
  /** Ratings 4 and 5. */
  rating45N: number;
  /** Fast-track cases that are answered or whose 30-day mark has passed. */
  fastN: number;
  /** Fast-track cases answered by their 30-day mark. */
  fastInTimeN: number;
  /** Answered cases returned for rework at least once. */
  returnedN: number;
  /** Cases reopened at least once (low rating or a dispute). */
  repeatN: number;
  /** Cases delivered to a recipient. */
  routedN: number;
  /** Of those: delivered automatically by the routing rules. */
  autoN: number;
  /** «Инцидент Менеджмент» cases answered, with a known working time (calendar covers the dates). */
  workAnsweredN: number;
  /** Σ working seconds from receipt to the final answer over those. */
  answerWorkSeconds: number;
  /** «Инцидент Менеджмент» cases with a first answer (interim or final) and a known working time. */
  workFirstN: number;
  /** Σ working seconds from receipt to the first answer over those. */
  firstAnswerWorkSeconds: number;
}

export const SUM_KEYS: readonly (keyof Sums)[] = [
  'n', 'dueN', 'overdueN', 'answeredDueN', 'inTimeN', 'answeredN', 'answerSeconds', 'ratedN', 'ratingSum', 'rating45N',
  'fastN', 'fastInTimeN', 'returnedN', 'repeatN', 'routedN', 'autoN', 'workAnsweredN', 'answerWorkSeconds', 'workFirstN', 'firstAnswerWorkSeconds',
];

/** Tallies that are sums of seconds (fractional in SQL), not counts. */
export const SECONDS_KEYS: ReadonlySet<keyof Sums> = new Set(['answerSeconds', 'answerWorkSeconds', 'firstAnswerWorkSeconds']);

export function emptySums(): Sums {
  return Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as unknown as Sums;
}

export function addSums(a: Sums, b: Sums): Sums {
  const out = emptySums();
  for (const k of SUM_KEYS) out[k] = a[k] + b[k];
  return out;
}

export function sumAll(list: Iterable<Sums>): Sums {
  let acc = emptySums();
  for (const s of list) acc = addSums(acc, s);
  return acc;
}

/** The safe set of measures an indicator may use (R-RA-2); a formula is data, never SQL text. */
export const INDICATOR_MEASURES = [
  'count',
  'answered_in_time_share',
  'avg_answer_days',
  'rating_4_5_share',
  'avg_rating',
  'auto_routed_share',
  'fast_track_share',
  'returns_share',
  'repeat_share',
  'overdue_share',
  'avg_answer_working_hours',
  'avg_first_response_working_hours',
] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** Measures of the heat map and the map. */
export const MAP_MEASURES = ['count', 'per1000', 'overdue_share', 'avg_rating'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

/** How a value is shown: shares are fractions 0…1 everywhere in the API. */
export type Unit = 'count' | 'share' | 'days' | 'hours' | 'rating' | 'per1000' | 'score';

export const MEASURE_UNITS: Record<IndicatorMeasure | MapMeasure, Unit> = {
  count: 'count',
  per1000: 'per1000',
  answered_in_time_share: 'share',
  avg_answer_days: 'days',
  rating_4_5_share: 'share',
  avg_rating: 'rating',
  auto_routed_share: 'share',
  fast_track_share: 'share',
  returns_share: 'share',
  repeat_share: 'share',
  overdue_share: 'share',
  avg_answer_working_hours: 'hours',
  avg_first_response_working_hours: 'hours',
};

/** A value and the number of cases it rests on (its denominator). */
export interface Valued {
  value: number | null;
  n: number;
}

const ratio = (k: number, n: number): Valued => ({ value: n > 0 ? k / n : null, n });

/** A measure over tallies; `per1000` needs the population (null when unknown: never invented). */
export function measureValue(measure: IndicatorMeasure | MapMeasure, s: Sums, population: number | null = null): Valued {
  switch (measure) {
    case 'count':
      return { value: s.n, n: s.n };
    case 'per1000':
      return { value: population && population > 0 ? (1000 * s.n) / population : null, n: s.n };
    case 'answered_in_time_share':
      return ratio(s.inTimeN, s.answeredDueN);
    case 'avg_answer_days':
      return ratio(s.answerSeconds / 86400, s.answeredN);
    case 'rating_4_5_share':
      return ratio(s.rating45N, s.ratedN);
    case 'avg_rating':
      return ratio(s.ratingSum, s.ratedN);
    case 'auto_routed_share':
      return ratio(s.autoN, s.routedN);
    case 'fast_track_share':
      return ratio(s.fastInTimeN, s.fastN);
    case 'returns_share':
      return ratio(s.returnedN, s.answeredN);
    case 'repeat_share':
      return ratio(s.repeatN, s.n);
    case 'overdue_share':
      return ratio(s.overdueN, s.dueN);
    case 'avg_answer_working_hours':
      return ratio(s.answerWorkSeconds / 3600, s.workAnsweredN);
    case 'avg_first_response_working_hours':
      return ratio(s.firstAnswerWorkSeconds / 3600, s.workFirstN);
    default:
      return assertUnreachable(measure);
  }
}

/** The tallies each measure needs (the server counts only those: fewer aggregates, faster). */
export const MEASURE_KEYS: Record<IndicatorMeasure | MapMeasure, readonly (keyof Sums)[]> = {
  count: ['n'],
  per1000: ['n'],
  answered_in_time_share: ['n', 'inTimeN', 'answeredDueN'],
  avg_answer_days: ['n', 'answerSeconds', 'answeredN'],
  rating_4_5_share: ['n', 'rating45N', 'ratedN'],
  avg_rating: ['n', 'ratingSum', 'ratedN'],
  auto_routed_share: ['n', 'autoN', 'routedN'],
  fast_track_share: ['n', 'fastInTimeN', 'fastN'],
  returns_share: ['n', 'returnedN', 'answeredN'],
  repeat_share: ['n', 'repeatN'],
  overdue_share: ['n', 'overdueN', 'dueN'],
  avg_answer_working_hours: ['n', 'answerWorkSeconds', 'workAnsweredN'],
  avg_first_response_working_hours: ['n', 'firstAnswerWorkSeconds', 'workFirstN'],
};

/** The union of the tallies several measures need. */
export function keysFor(measures: Iterable<IndicatorMeasure | MapMeasure>): (keyof Sums)[] {
  const set = new Set<keyof Sums>();
  for (const m of measures) for (const k of MEASURE_KEYS[m]) set.add(k);
  return SUM_KEYS.filter((k) => set.has(k));
}
