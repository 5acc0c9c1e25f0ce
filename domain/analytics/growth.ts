// Growth detection (п. 2.1.4 в, 2.1.5 в): is a topic × settlement week above what its own history
// and its season predict? The rule is meant to be read by people, so every part is returned.
import { poissonThreshold, poissonUpperTail } from './poisson';

/** The rule's constants, returned with every answer so the screen can show how a signal was found. */
export const GROWTH_RULE = {
  /** The recent level: mean of the cell's last 8 complete weeks. */
  recentWeeks: 8,
  /** The season: the same ISO week ±1 in up to 2 previous years. */
  seasonalYears: 2,
  seasonalSpan: 1,
  /** expected = 0.5 × seasonal + 0.5 × recent (recent alone when there is no season yet). */
  seasonalWeight: 0.5,
  /** The overall trend of the district (last 8 weeks vs the same 8 weeks a year earlier) is clamped. */
  trendMin: 0.5,
  trendMax: 2,
  /** A cell with no history still needs a few cases: λ is at least 0.5 a week. */
  minExpected: 0.5,
  /** Poisson upper tail below 1 % … */
  alpha: 0.01,
  /** … and at least 5 cases in the week … */
  minCount: 5,
  /**
   * … and at least half as much again as expected: weekly counts are more dispersed than Poisson
   * (a big town's +15 % at the start of the heating season is not news), so a large cell must
   * also grow in proportion, not only beyond chance.
   */
  minRatio: 1.5,
} as const;

export type GrowthRule = typeof GROWTH_RULE;

export interface SeasonInput {
  year: number;
  /** The cell's counts in weeks w−1, w, w+1 of that year. */
  weeks: number[];
  /** Overall cases in the 8 weeks before week w of that year (the trend's base); 0 = no history. */
  base: number;
}

export interface GrowthInput {
  observed: number;
  /** The cell's counts in the `recentWeeks` weeks before the week, oldest first. */
  recent: number[];
  /** Overall cases (all cells) in the same recent weeks: the trend's numerator. */
  recentOverall: number;
  seasons: SeasonInput[];
}

export interface SeasonPart {
  year: number;
  mean: number;
  trend: number;
  scaled: number;
}

export interface GrowthAssessment {
  observed: number;
  expected: number;
  recentMean: number;
  seasonal: number | null;
  seasons: SeasonPart[];
  lambda: number;
  threshold: number;
  pValue: number;
  ratio: number | null;
  isSignal: boolean;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Expected count, its parts, and whether the observed count is a signal. */
export function assessGrowth(input: GrowthInput, rule: GrowthRule = GROWTH_RULE): GrowthAssessment {
  const recentMean = mean(input.recent);
  const seasons: SeasonPart[] = [];
  for (const s of input.seasons) {
    if (s.base <= 0) continue; // no history that year: no season, no trend
    const trend = Math.min(rule.trendMax, Math.max(rule.trendMin, input.recentOverall / s.base));
    const m = mean(s.weeks);
    seasons.push({ year: s.year, mean: m, trend, scaled: m * trend });
  }
  const seasonal = seasons.length ? mean(seasons.map((s) => s.scaled)) : null;
  const expected = seasonal === null ? recentMean : rule.seasonalWeight * seasonal + (1 - rule.seasonalWeight) * recentMean;
  const lambda = Math.max(expected, rule.minExpected);
  const threshold = Math.max(poissonThreshold(lambda, rule.alpha), rule.minCount);
  const pValue = poissonUpperTail(input.observed, lambda);
  return {
    observed: input.observed,
    expected,
    recentMean,
    seasonal,
    seasons,
    lambda,
    threshold,
    pValue,
    ratio: expected > 0 ? input.observed / expected : null,
    isSignal: input.observed >= threshold && input.observed >= rule.minRatio * lambda,
  };
}
