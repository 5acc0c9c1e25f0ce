/**
 * Rework criteria of the МЦУ review (Санкт-Петербург practice, domain.md): an answer goes back
 * when it is formal, gives no completion date, has no evidence, cites law without explaining it,
 * or contradicts itself.
 */
export const REWORK_CRITERIA = ['formal', 'no_date', 'no_evidence', 'law_unexplained', 'contradiction', 'other'] as const;
export type ReworkCriterion = (typeof REWORK_CRITERIA)[number];

/** A rating of 1–3 reopens review by the МЦУ (R-RT-5). */
export const LOW_RATING_MAX = 3;

export function isLowRating(rating: number): boolean {
  return rating <= LOW_RATING_MAX;
}
