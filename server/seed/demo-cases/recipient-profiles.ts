import { hashString } from '../../modules/cases/demo/prng';

/**
 * How diligent a recipient is: when it answers, how often the answer is a formal reply, how often
 * the МЦУ sends it back, and what residents think of it. Different profiles make the recipients'
 * ratings and timeliness differ visibly in the demo.
 */
export interface DiligenceProfile {
  label: 'exemplary' | 'good' | 'average' | 'slow' | 'poor';
  /** Median time from registration to the final answer, as a share of the answer term. */
  answerMedian: number;
  /** σ of the log-normal answer delay. */
  answerSpread: number;
  /** Share of cases the recipient forgets: the answer comes 2–5 terms late. */
  forgottenShare: number;
  /** Median hours from assignment to «в работе». */
  acceptHours: number;
  /** Share of approved answers that are formal replies («отписки»). */
  formalShare: number;
  /** Share of answers the МЦУ returns for rework at least once. */
  reworkShare: number;
  /** Weights of the ratings 1 … 5 for a substantive answer in time. */
  ratings: readonly [number, number, number, number, number];
}

export const PROFILES: Readonly<Record<DiligenceProfile['label'], DiligenceProfile>> = {
  exemplary: { label: 'exemplary', answerMedian: 0.3, answerSpread: 0.35, forgottenShare: 0.002, acceptHours: 2, formalShare: 0.03, reworkShare: 0.04, ratings: [2, 2, 5, 25, 66] },
  good: { label: 'good', answerMedian: 0.45, answerSpread: 0.4, forgottenShare: 0.008, acceptHours: 5, formalShare: 0.07, reworkShare: 0.08, ratings: [4, 4, 10, 30, 52] },
  average: { label: 'average', answerMedian: 0.62, answerSpread: 0.45, forgottenShare: 0.02, acceptHours: 10, formalShare: 0.12, reworkShare: 0.14, ratings: [8, 7, 15, 30, 40] },
  slow: { label: 'slow', answerMedian: 0.82, answerSpread: 0.5, forgottenShare: 0.035, acceptHours: 20, formalShare: 0.16, reworkShare: 0.2, ratings: [14, 10, 18, 28, 30] },
  poor: { label: 'poor', answerMedian: 0.98, answerSpread: 0.55, forgottenShare: 0.06, acceptHours: 30, formalShare: 0.3, reworkShare: 0.3, ratings: [25, 15, 20, 20, 20] },
};

/** The demo directory's recipients, by code; any other recipient gets a profile from its code's hash. */
const ASSIGNED: Readonly<Record<string, DiligenceProfile['label']>> = {
  'admin-kamenskoe': 'exemplary',
  'admin-krasnoarmeysk': 'good',
  'krasnoarmeysky-admin': 'average',
  'krasnoarmeysky-mup-dental': 'good',
  'krasnoarmeysk-district-hospital': 'slow',
  'citymatic-saratov': 'poor',
  'saratov-min-nature': 'average',
  'gazprom-gr-saratov': 'good',
  'saratov-min-industry-energy': 'average',
  'rosseti-volga-saratov': 'average',
  'saratov-min-transport': 'average',
  'saratov-road-directorate': 'slow',
  'saratov-min-construction-housing': 'slow',
  'saratov-min-health': 'average',
  'saratov-min-social': 'good',
  'admin-luganskoe': 'poor',
  'admin-zolotovskoe': 'good',
};

const BY_HASH: readonly DiligenceProfile['label'][] = ['exemplary', 'good', 'good', 'average', 'average', 'average', 'slow', 'poor'];

export function profileOf(recipientCode: string): DiligenceProfile {
  const label = ASSIGNED[recipientCode] ?? BY_HASH[hashString(recipientCode) % BY_HASH.length];
  return PROFILES[label];
}

/** A formal reply or an answer far too late is rated lower. */
export function ratingWeights(profile: DiligenceProfile, formal: boolean, late: boolean): readonly number[] {
  if (formal) return [40, 25, 20, 10, 5];
  if (!late) return profile.ratings;
  const [a, b, c, d, e] = profile.ratings;
  return [a + b * 0.5, b * 0.5 + c * 0.5, c * 0.5 + d * 0.5, d * 0.5 + e * 0.5, e * 0.5];
}
