import { tokenize } from '../text/tokenize';
import { stemRu } from '../text/stem-ru';
import { isStopword } from '../text/stopwords-ru';
import { RUDE_PHRASES, TEMPLATE_PHRASES } from './lexicon-ru';

/**
 * Rules that flag answers likely to inflame a conflict (R-AN-5, п. 1.2 б): rude or dismissive
 * wording, a formal reply (template phrases without substance, or too short), a repeated complaint
 * of the same applicant about the same problem, a low rating after the answer. Pure: the server
 * supplies the facts, this decides.
 */
export const CONFLICT_REASONS = ['rude', 'formal', 'too_short', 'repeated', 'low_rating'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export interface ConflictFacts {
  answerText: string;
  /** The applicant's rating of the answer, 1–5, if given. */
  rating: number | null;
  /** Earlier cases of the same applicant on the same topic (this one not counted). */
  earlierSameProblem: number;
}

export interface ConflictHit {
  reason: ConflictReason;
  /** What triggered it: the phrase found, the word count, the number of repeats, the rating. */
  detail: string;
}

/** Fewer content words than this is a reply «too short» to carry substance. */
export const MIN_CONTENT_WORDS = 6;
/** A reply with template phrases and at most this many other content words is formal. */
export const FORMAL_MAX_OTHER_WORDS = 8;
/** This many earlier complaints on the same problem make the case a repeated one. */
export const REPEAT_THRESHOLD = 1;

const stemsOf = (text: string) => tokenize(text).map(stemRu);
const RUDE = RUDE_PHRASES.map((p) => ({ phrase: p, stems: stemsOf(p) }));
const TEMPLATES = TEMPLATE_PHRASES.map((p) => ({ phrase: p, stems: stemsOf(p) }));

/** Positions where the stem sequence `needle` occurs in `hay`. */
function findAll(hay: string[], needle: string[]): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    out.push(i);
  }
  return out;
}

export function conflictHits(f: ConflictFacts): ConflictHit[] {
  const hits: ConflictHit[] = [];
  const tokens = tokenize(f.answerText);
  const stems = tokens.map(stemRu);
  const rude = RUDE.find((r) => findAll(stems, r.stems).length > 0);
  if (rude) hits.push({ reason: 'rude', detail: rude.phrase });

  const content = tokens.filter((t) => !isStopword(t) && !/^\d+$/.test(t)).length;
  const covered = new Set<number>();
  let template: string | null = null;
  for (const t of TEMPLATES) {
    for (const at of findAll(stems, t.stems)) {
      template ??= t.phrase;
      for (let k = 0; k < t.stems.length; k++) covered.add(at + k);
    }
  }
  const other = tokens.filter((t, i) => !covered.has(i) && !isStopword(t) && !/^\d+$/.test(t)).length;
  const hasSpecifics = /\d/.test(f.answerText);
  if (content < MIN_CONTENT_WORDS) hits.push({ reason: 'too_short', detail: String(content) });
  else if (template && other <= FORMAL_MAX_OTHER_WORDS && !hasSpecifics) hits.push({ reason: 'formal', detail: template });

  if (f.earlierSameProblem >= REPEAT_THRESHOLD) hits.push({ reason: 'repeated', detail: String(f.earlierSameProblem + 1) });
  if (f.rating !== null && f.rating <= 2) hits.push({ reason: 'low_rating', detail: String(f.rating) });
  return hits;
}
