import { describe, expect, it } from 'vitest';
import { poissonThreshold, poissonUpperTail } from './poisson';
import { assessGrowth } from './growth';

describe('Poisson tail', () => {
  it('matches hand-computed values', () => {
    // λ = 2: P(X ≥ 1) = 1 − e⁻² = 0.864665; P(X ≥ 5) = 1 − e⁻²(1 + 2 + 2 + 4/3 + 2/3) = 0.052653
    expect(poissonUpperTail(1, 2)).toBeCloseTo(0.864665, 6);
    expect(poissonUpperTail(5, 2)).toBeCloseTo(0.052653, 6);
    expect(poissonUpperTail(0, 2)).toBe(1);
    // A far tail keeps its precision: P(X ≥ 30 | 2) ≈ 2^30 e⁻² / 30! × (1 + 2/31 + …)
    expect(poissonUpperTail(30, 2)).toBeGreaterThan(0);
    expect(poissonUpperTail(30, 2)).toBeLessThan(1e-20);
    // Large λ still works (no underflow of e^−λ).
    expect(poissonUpperTail(1000, 1000)).toBeCloseTo(0.504205, 5); // summed in log space independently
  });

  it('gives the smallest unusual count', () => {
    expect(poissonThreshold(2, 0.01)).toBe(7); // P(X ≥ 6) = 0.0166, P(X ≥ 7) = 0.0045
    expect(poissonThreshold(0.5, 0.01)).toBe(4); // P(X ≥ 3) = 0.0144, P(X ≥ 4) = 0.0018
  });
});

describe('growth rule', () => {
  it('blends the recent level with the season scaled by the trend', () => {
    const a = assessGrowth({
      observed: 12,
      recent: [2, 2, 2, 2, 2, 2, 2, 2],
      recentOverall: 300,
      seasons: [
        { year: 2025, weeks: [3, 6, 3], base: 200 }, // mean 4, trend 1.5 → 6
        { year: 2024, weeks: [1, 1, 1], base: 0 }, // no history that year: left out
      ],
    });
    expect(a.seasons).toEqual([{ year: 2025, mean: 4, trend: 1.5, scaled: 6 }]);
    expect(a.expected).toBe(4); // ½ × 6 + ½ × 2
    expect(a.ratio).toBe(3);
    expect(a.isSignal).toBe(true);
  });

  it('needs a proportional rise in a big cell, not only one beyond chance', () => {
    const a = assessGrowth({ observed: 1300, recent: Array(8).fill(1100), recentOverall: 8800, seasons: [] });
    expect(a.pValue).toBeLessThan(1e-6); // far beyond Poisson chance…
    expect(a.isSignal).toBe(false); // …but only 18 % above the usual
  });

  it('clamps an extreme trend and needs at least 5 cases', () => {
    const a = assessGrowth({ observed: 4, recent: [0, 0, 0, 0, 0, 0, 0, 0], recentOverall: 1000, seasons: [{ year: 2025, weeks: [0, 0, 0], base: 10 }] });
    expect(a.seasons[0].trend).toBe(2);
    expect(a.lambda).toBe(0.5); // expected 0, floor 0.5
    expect(a.pValue).toBeLessThan(0.01);
    expect(a.threshold).toBe(5);
    expect(a.isSignal).toBe(false);
  });
});
