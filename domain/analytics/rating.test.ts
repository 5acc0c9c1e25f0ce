import { describe, expect, it } from 'vitest';
import { pooledPriors, rankScores, scoreEntity, shrink } from './rating';

describe('fair rating', () => {
  it('shrinks a small sample toward the mean and a large one barely', () => {
    expect(shrink(2, 2, 0.8)).toBeCloseTo(10 / 12, 12); // (2 + 8) / 12
    expect(shrink(200, 200, 0.8)).toBeCloseTo(208 / 210, 12);
    expect(shrink(0, 0, 0.8)).toBe(0.8);
  });

  it('scores 0–100 with weights, dropping a part nobody has data for', () => {
    const t = { timeliness: { k: 8, n: 10 }, completeness: { k: 10, n: 10 }, satisfaction: { k: 0, n: 0 } };
    const priors = pooledPriors([t]);
    expect(priors).toEqual({ timeliness: 0.8, completeness: 1, satisfaction: null });
    const s = scoreEntity(t, priors);
    expect(s.parts.timeliness.weight).toBeCloseTo(4 / 7, 12);
    expect(s.parts.satisfaction).toMatchObject({ weight: 0, shrunk: null, points: null });
    expect(s.score).toBeCloseTo(100 * ((4 / 7) * 0.8 + 3 / 7), 10);
  });

  it('ranks with ties and leaves out the small samples', () => {
    expect(rankScores([{ score: 90, eligible: true }, { score: 95, eligible: false }, { score: 90, eligible: true }, { score: 80, eligible: true }])).toEqual([1, null, 1, 3]);
  });
});
