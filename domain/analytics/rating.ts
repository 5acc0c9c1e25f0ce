// A fair rating for small samples (R-RA-1, user-asks #5): each share is shrunk toward the
// municipality's mean with a beta prior, the sample size is always shown, and a recipient with
// too few cases is flagged «мало данных» and left out of the ranks.

/** The method, returned with every rating so the screen can show it. */
export const RATING_METHOD = {
  /**
   * Beta prior with the municipality's pooled share as its mean and a strength of 10 pseudo-cases:
   * shrunk = (k + 10 × m) / (n + 10). A recipient with 2 answers of 2 in time and a mean of 80 %
   * gets (2 + 8) / 12 = 83 %, not 100 %; with 200 of 200 it gets 99 %.
   */
  priorStrength: 10,
  /** Fewer cases than this in the period: «мало данных», no rank. */
  minCases: 10,
  weights: { timeliness: 0.4, completeness: 0.3, satisfaction: 0.3 },
} as const;

export type RatingPart = keyof typeof RATING_METHOD.weights;
export const RATING_PARTS: readonly RatingPart[] = ['timeliness', 'completeness', 'satisfaction'];

/** successes of trials for one part of one entity. */
export interface Tally {
  k: number;
  n: number;
}

export interface PartScore {
  k: number;
  n: number;
  /** k / n, null when n = 0. */
  raw: number | null;
  /** The prior mean (the pooled share of all entities). */
  prior: number | null;
  /** Shrunk share; null only when nobody has data for this part. */
  shrunk: number | null;
  /** The weight actually used (renormalised when a part has no data anywhere). */
  weight: number;
  /** Points of the 0–100 score this part gives. */
  points: number | null;
}

export interface EntityScore {
  parts: Record<RatingPart, PartScore>;
  score: number | null;
}

export function shrink(k: number, n: number, prior: number, strength: number = RATING_METHOD.priorStrength): number {
  return (k + strength * prior) / (n + strength);
}

/** Pooled share per part over all entities: Σk / Σn (null when Σn = 0). */
export function pooledPriors(all: readonly Record<RatingPart, Tally>[]): Record<RatingPart, number | null> {
  const out = {} as Record<RatingPart, number | null>;
  for (const p of RATING_PARTS) {
    const k = all.reduce((s, t) => s + t[p].k, 0);
    const n = all.reduce((s, t) => s + t[p].n, 0);
    out[p] = n > 0 ? k / n : null;
  }
  return out;
}

/** The composite 0–100 with its parts; parts without a prior drop out and the weights renormalise. */
export function scoreEntity(t: Record<RatingPart, Tally>, priors: Record<RatingPart, number | null>): EntityScore {
  const usable = RATING_PARTS.filter((p) => priors[p] !== null);
  const sum = usable.reduce((s, p) => s + RATING_METHOD.weights[p], 0);
  const total = Math.abs(sum - 1) < 1e-9 ? 1 : sum; // keep 0.4 as 0.4 when nothing drops out
  const parts = {} as Record<RatingPart, PartScore>;
  let score: number | null = usable.length ? 0 : null;
  for (const p of RATING_PARTS) {
    const prior = priors[p];
    const shrunk = prior === null ? null : shrink(t[p].k, t[p].n, prior);
    const weight = prior === null ? 0 : RATING_METHOD.weights[p] / total;
    const points = shrunk === null ? null : 100 * weight * shrunk;
    if (points !== null && score !== null) score += points;
    parts[p] = { k: t[p].k, n: t[p].n, raw: t[p].n ? t[p].k / t[p].n : null, prior, shrunk, weight, points };
  }
  return { parts, score };
}

/**
 * Competition ranks («1, 2, 2, 4») by score, highest first, among entities with enough data;
 * the others get null.
 */
export function rankScores(items: readonly { score: number | null; eligible: boolean }[]): (number | null)[] {
  const scores = items.map((x) => (x.eligible && x.score !== null ? x.score : null));
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s + 1e-9).length));
}
