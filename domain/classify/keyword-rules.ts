import { cachedStemmer } from '../text/stem-ru';
import { isStopword } from '../text/stopwords-ru';
import { contentTokens } from './features';
import type { Suggestion } from './model';

/**
 * Keyword rules: the start for a tenant with no confirmed history. A rule gives its label
 * `weight` points for each keyword found in the text. Keywords are words or phrases in any
 * grammatical form («яма на дороге»): they are matched by Snowball stems, stop words ignored.
 */
export interface KeywordRule { label: string; keywords: string[]; weight?: number }

/**
 * Rules prepared for matching: each keyword as a sequence of stems (`phrases`, with its rule's
 * index), and the phrases by their first stem, so a text is scored in one pass over its stems.
 */
export interface CompiledRules {
  rules: { label: string; weight: number }[];
  phrases: { rule: number; stems: string[] }[];
  byFirstStem: Map<string, number[]>;
}

const stem = cachedStemmer();

const stemsOf = (text: string) => contentTokens(text).filter((t) => !isStopword(t)).map(stem);

export function compileRules(rules: KeywordRule[]): CompiledRules {
  const phrases = rules.flatMap((r, rule) => r.keywords.map(stemsOf).filter((p) => p.length > 0).map((stems) => ({ rule, stems })));
  const byFirstStem = new Map<string, number[]>();
  phrases.forEach((p, k) => {
    const list = byFirstStem.get(p.stems[0]);
    if (list) list.push(k);
    else byFirstStem.set(p.stems[0], [k]);
  });
  return { rules: rules.map((r) => ({ label: r.label, weight: r.weight ?? 1 })), phrases, byFirstStem };
}

/** Whether `phrase` occurs in `stems` at position `i` (its first stem is known to be there). */
function occursAt(stems: string[], phrase: string[], i: number): boolean {
  if (i + phrase.length > stems.length) return false;
  for (let j = 1; j < phrase.length; j++) if (stems[i + j] !== phrase[j]) return false;
  return true;
}

/** Raw points per label (only labels that scored): up to two occurrences of each phrase × weight × words in it. */
export function keywordScores(text: string, compiled: CompiledRules): Map<string, number> {
  const stems = stemsOf(text);
  const found = new Map<number, number>();
  for (let i = 0; i < stems.length; i++) {
    for (const k of compiled.byFirstStem.get(stems[i]) ?? []) {
      if (occursAt(stems, compiled.phrases[k].stems, i)) found.set(k, (found.get(k) ?? 0) + 1);
    }
  }
  const points = new Map<number, number>();
  for (const [k, n] of found) {
    const p = compiled.phrases[k];
    points.set(p.rule, (points.get(p.rule) ?? 0) + Math.min(n, 2) * compiled.rules[p.rule].weight * p.stems.length);
  }
  const scores = new Map<string, number>();
  for (const [rule, v] of points) {
    const label = compiled.rules[rule].label;
    if (v > 0) scores.set(label, (scores.get(label) ?? 0) + v);
  }
  return scores;
}

/**
 * Suggestions from the rules, best first, with a modest confidence: points are turned into
 * shares, damped by `prior` (so one weak keyword does not look certain). Empty when nothing matched.
 */
export function suggestByKeywords(text: string, compiled: CompiledRules, prior = 1): Suggestion[] {
  const scores = keywordScores(text, compiled);
  let total = prior;
  for (const v of scores.values()) total += v;
  return [...scores.entries()]
    .map(([label, v]) => ({ label, p: v / total }))
    .sort((a, b) => b.p - a.p || a.label.localeCompare(b.label));
}
