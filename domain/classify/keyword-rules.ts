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

/** Rules prepared for matching: each keyword as a sequence of stems. */
export interface CompiledRules { rules: { label: string; phrases: string[][]; weight: number }[] }

const stem = cachedStemmer();

const stemsOf = (text: string) => contentTokens(text).filter((t) => !isStopword(t)).map(stem);

export function compileRules(rules: KeywordRule[]): CompiledRules {
  return {
    rules: rules.map((r) => ({
      label: r.label,
      phrases: r.keywords.map(stemsOf).filter((p) => p.length > 0),
      weight: r.weight ?? 1,
    })),
  };
}

/** Number of places where `phrase` (stems) occurs in `stems`. */
function occurrences(stems: string[], phrase: string[]): number {
  let n = 0;
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = stems[i + j] === phrase[j];
    if (ok) n++;
  }
  return n;
}

/** Raw points per label (only labels that scored). */
export function keywordScores(text: string, compiled: CompiledRules): Map<string, number> {
  const stems = stemsOf(text);
  const scores = new Map<string, number>();
  for (const r of compiled.rules) {
    let points = 0;
    for (const p of r.phrases) points += Math.min(occurrences(stems, p), 2) * r.weight * p.length;
    if (points > 0) scores.set(r.label, (scores.get(r.label) ?? 0) + points);
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
