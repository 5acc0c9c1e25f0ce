import { describe, expect, it } from 'vitest';
import { trainClassifier, topSuggestions } from './model';
import { evaluate, majorityRanking } from './metrics';
import { toyExamples } from './toy-data';

describe('trainClassifier', () => {
  const train = toyExamples(40, 1);
  const test = toyExamples(20, 2);
  const clf = trainClassifier(train);

  it('learns a separable toy problem', () => {
    const ranked = test.map((e) => clf.predict(e.text, undefined, 3).map((s) => s.label));
    const r = evaluate(test.map((e) => e.label), ranked);
    expect(r.accuracy).toBe(1);
    expect(clf.predict('Яма на дороге, разбит асфальт!')[0].label).toBe('roads');
    expect(clf.predict('мусорные контейнеры переполнены')[0].label).toBe('waste');
  });

  it('returns probabilities, sorted, summing to one', () => {
    const all = clf.predict('не горит фонарь во дворе');
    expect(all.map((s) => s.label)).toHaveLength(3);
    expect(all[0].label).toBe('light');
    expect(all[0].p).toBeGreaterThan(0.6);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].p).toBeGreaterThanOrEqual(all[i].p);
    expect(all.reduce((a, s) => a + s.p, 0)).toBeCloseTo(1, 5);
    expect(clf.predict('яма', undefined, 1)).toHaveLength(1);
  });

  it('is not sure about a text with no known words', () => {
    expect(clf.predict('абракадабра')[0].p).toBeLessThan(0.7);
  });

  it('uses extra categorical features (one-hot)', () => {
    // The label depends only on the district, the text is the same for all.
    const examples = Array.from({ length: 60 }, (_, i) => ({
      text: 'не горит фонарь',
      label: i % 2 ? 'Администрация Невского района' : 'Администрация Адмиралтейского района',
      extras: { district: i % 2 ? 'Невский' : 'Адмиралтейский' },
    }));
    const c = trainClassifier(examples);
    expect(c.predict('фонарь не горит', { district: 'Невский' })[0].label).toBe('Администрация Невского района');
    expect(c.predict('фонарь не горит', { district: 'Адмиралтейский' })[0].label).toBe('Администрация Адмиралтейского района');
  });

  it('is deterministic', () => {
    const again = trainClassifier(train);
    expect(again.predict('яма у дома')).toEqual(clf.predict('яма у дома'));
  });

  it('refuses an empty training set', () => {
    expect(() => trainClassifier([])).toThrow();
  });
});

describe('metrics', () => {
  it('computes accuracy, macro-F1 (true ∪ predicted classes) and top-3', () => {
    const r = evaluate(['a', 'a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['d', 'a', 'c']]);
    expect(r.accuracy).toBe(0.5);
    expect(r.top3).toBe(1);
    // F1: a = 2/3, b = 2/3, c = 0, d = 0 → 1/3
    expect(r.macroF1).toBeCloseTo(1 / 3, 6);
  });

  it('gives the majority labels, most frequent first', () => {
    expect(majorityRanking(['x', 'y', 'y', 'z', 'y', 'x'], 2)).toEqual(['y', 'x']);
  });

  it('picks the top suggestions', () => {
    expect(topSuggestions(Float64Array.from([0.1, 0.5, 0.4]), ['a', 'b', 'c'], 2)).toEqual([
      { label: 'b', p: 0.5 },
      { label: 'c', p: 0.4 },
    ]);
  });
});
