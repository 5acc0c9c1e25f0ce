import { normalizeText } from '../text/normalize';
import { cachedStemmer } from '../text/stem-ru';
import type { Example, Extras, Suggestion } from './model';

/**
 * Label templates over an extra feature: a recipient whose name contains the district
 * («СПб ГКУ ЖА Невского района» with district = «Невский») is learnt as the template
 * «спб гку жа {} района», shared by all districts, and turned back into the real name with the
 * message's district. The text part («this is for a housing agency») is then learnt from every
 * district's cases at once instead of from one district's share.
 */
export interface LabelTemplates {
  key: string;
  /** «template\u0000value» → the real label seen most often for them in training. */
  names: Record<string, string>;
}

const PLACEHOLDER = '{}';
const stem = cachedStemmer();
const stemsOf = (s: string) => new Set(normalizeText(s).split(' ').filter((t) => t.length > 2).map(stem));

/** The template of a label for a value, or the label itself when the value is not in it. */
export function templateOf(label: string, value: string | null | undefined): string {
  const valueStems = stemsOf(value ?? '');
  if (valueStems.size === 0) return label;
  const words = normalizeText(label).split(' ');
  let hit = false;
  const out = words.map((w) => (valueStems.has(stem(w)) ? ((hit = true), PLACEHOLDER) : w));
  return hit ? out.join(' ') : label;
}

/** Rewrites the labels into templates and learns how to turn templates back into names. */
export function templateExamples(examples: Example[], key: string): { examples: Example[]; templates: LabelTemplates } {
  const counts = new Map<string, Map<string, number>>();
  const out = examples.map((e) => {
    const value = e.extras?.[key] ?? '';
    const t = templateOf(e.label, value);
    if (t !== e.label) {
      const k = `${t}\u0000${value}`;
      const m = counts.get(k) ?? new Map<string, number>();
      m.set(e.label, (m.get(e.label) ?? 0) + 1);
      counts.set(k, m);
    }
    return { ...e, label: t };
  });
  const names: Record<string, string> = {};
  for (const [k, m] of counts) names[k] = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return { examples: out, templates: { key, names } };
}

/**
 * Turns template suggestions into real labels for the message's value. A template with no
 * known name for that value is dropped; probabilities of the same real label are added up.
 */
export function resolveTemplates(suggestions: Suggestion[], templates: LabelTemplates, extras: Extras | undefined, topK: number): Suggestion[] {
  const value = extras?.[templates.key] ?? '';
  const merged = new Map<string, number>();
  for (const s of suggestions) {
    const label = s.label.includes(PLACEHOLDER) ? templates.names[`${s.label}\u0000${value}`] : s.label;
    if (label !== undefined) merged.set(label, (merged.get(label) ?? 0) + s.p);
  }
  return [...merged.entries()].map(([label, p]) => ({ label, p })).sort((a, b) => b.p - a.p).slice(0, topK);
}
