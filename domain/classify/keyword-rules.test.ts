import { describe, expect, it } from 'vitest';
import { compileRules, keywordScores, suggestByKeywords } from './keyword-rules';
import { STARTER_TOPIC_RULES } from './starter-rules';

const rules = compileRules([
  { label: 'roads', keywords: ['яма', 'асфальт', 'дорожное покрытие'] },
  { label: 'snow', keywords: ['снег', 'наледь'], weight: 2 },
  { label: 'lighting', keywords: ['не горит', 'фонарь'] },
]);

describe('keyword rules', () => {
  it('matches keywords in any grammatical form (by stems)', () => {
    expect(suggestByKeywords('Ямы на дороге, асфальта нет', rules)[0].label).toBe('roads');
    expect(suggestByKeywords('НАЛЕДИ и снега полно', rules)[0].label).toBe('snow');
  });

  it('matches phrases as consecutive words, ignoring stop words', () => {
    expect(keywordScores('повреждено дорожное покрытие', rules).get('roads')).toBe(2);
    expect(keywordScores('покрытие дорожное', rules).has('roads')).toBe(false);
    expect(keywordScores('фонари не горят', rules).get('lighting')).toBe(3);
  });

  it('weights rules and returns shares that sum to less than one', () => {
    const s = suggestByKeywords('снег и яма', rules);
    expect(s.map((x) => x.label)).toEqual(['snow', 'roads']);
    expect(s[0].p).toBeGreaterThan(s[1].p);
    expect(s.reduce((a, x) => a + x.p, 0)).toBeLessThan(1);
  });

  it('suggests nothing when no keyword matches', () => {
    expect(suggestByKeywords('благодарим за работу', rules)).toEqual([]);
  });

  it('starter rules cover common municipal topics', () => {
    const starter = compileRules(STARTER_TOPIC_RULES);
    expect(suggestByKeywords('Не горят фонари во дворе', starter)[0].label).toBe('lighting');
    expect(suggestByKeywords('Переполнены мусорные контейнеры', starter)[0].label).toBe('waste');
    expect(suggestByKeywords('Сосульки и наледь на тротуаре', starter)[0].label).toBe('snow');
  });
});
