import { normalizeText } from '../text/normalize';
import { cachedStemmer } from '../text/stem-ru';
import { isStopword } from '../text/stopwords-ru';
import { isMask, isNumeric, splitWords } from '../text/tokenize';
import { combineHashes, fnvStep, fnvString, SEED } from './hash';

/** What the text vectoriser looks at. Stored with the model, so prediction uses the same. */
export interface FeatureOptions {
  /** Word n-grams over stems, e.g. [1, 2]. */
  wordNgrams: [number, number];
  /** Character n-grams inside padded words (« word »), e.g. [2, 5]; [0, 0] turns them off. */
  charNgrams: [number, number];
  /** Hash space: features are folded to `hashBits` bits (20–22 is plenty). */
  hashBits: number;
  /** A feature must occur in at least this many training texts (from `minDfFrom` texts on). */
  minDf: number;
  /** Smaller training sets keep every feature (a small tenant cannot spare any). */
  minDfFrom: number;
  /** Weights of the word block, the character block and the extra (categorical) features. */
  wordWeight: number;
  charWeight: number;
  extraWeight: number;
  /**
   * Extra features crossed with the word stems (e.g. ['district']: «district=Невский × парадн»),
   * so the model can learn that the same topic goes to a different recipient in each district.
   */
  crossKeys: string[];
  crossWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  wordNgrams: [1, 2],
  charNgrams: [3, 5],
  hashBits: 22,
  minDf: 2,
  minDfFrom: 2000,
  wordWeight: 1,
  charWeight: 1,
  extraWeight: 1,
  crossKeys: [],
  crossWeight: 1,
};

/** Raw hashed features of one text (with repeats): the word block and the character block. */
export interface TextHashes { word: Uint32Array; char: Uint32Array; cross: Uint32Array }

const stem = cachedStemmer();

/** A growable buffer of hashes, reused between texts so hashing allocates almost nothing. */
class HashBuffer {
  data = new Uint32Array(1024);
  length = 0;
  push(h: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = h;
  }
  take(): Uint32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

const wordBuf = new HashBuffer();
const charBuf = new HashBuffer();
const crossBuf = new HashBuffer();
const stemBuf = new HashBuffer();

/** Tokens that carry meaning: digits-only tokens and moderator masks (XXXX) are dropped. */
export function contentTokens(text: string): string[] {
  return splitWords(normalizeText(text)).filter((t) => !isNumeric(t) && !isMask(t));
}

function wordHashes(tokens: string[], [lo, hi]: [number, number], mask: number, out: HashBuffer): void {
  let prev = -1;
  for (const t of tokens) {
    if (isStopword(t)) continue;
    const h = fnvString(stem(t), SEED.word);
    stemBuf.push(h);
    if (lo <= 1 && hi >= 1) out.push((h & mask) >>> 0);
    if (hi >= 2 && prev >= 0) out.push((combineHashes(prev, h) & mask) >>> 0);
    prev = h;
  }
}

function charHashes(tokens: string[], [lo, hi]: [number, number], mask: number, out: HashBuffer): void {
  if (hi < 1) return;
  for (const t of tokens) {
    const len = t.length + 2;
    for (let i = 0; i < len; i++) {
      let h = SEED.char;
      for (let n = 1; n <= hi && i + n <= len; n++) {
        const at = i + n - 1;
        h = fnvStep(h, at === 0 || at === len - 1 ? 32 : t.charCodeAt(at - 1));
        if (n >= lo) out.push((h & mask) >>> 0);
      }
    }
  }
}

function crossHashes(stems: Uint32Array, extras: string[], keys: string[], mask: number, out: HashBuffer): void {
  for (const e of extras) {
    if (!keys.some((k) => e.startsWith(`${k}=`))) continue;
    const eh = fnvString(e, SEED.extra);
    for (const h of stems) out.push((combineHashes(eh, h) & mask) >>> 0);
  }
}

/**
 * Hashes a text into word-stem n-grams, character n-grams (inside padded words) and, when
 * `opts.crossKeys` is set, the crosses of those extras («key=value» strings) with the stems.
 */
export function hashText(text: string, opts: FeatureOptions, extras: string[] = []): TextHashes {
  const tokens = contentTokens(text);
  const mask = opts.hashBits >= 32 ? 0xffffffff : (1 << opts.hashBits) - 1;
  wordHashes(tokens, opts.wordNgrams, mask, wordBuf);
  charHashes(tokens, opts.charNgrams, mask, charBuf);
  const stems = stemBuf.take();
  if (opts.crossKeys.length > 0 && opts.crossWeight > 0) crossHashes(stems, extras, opts.crossKeys, mask, crossBuf);
  return { word: wordBuf.take(), char: charBuf.take(), cross: crossBuf.take() };
}

/** Extra categorical features as «key=value» strings (blank values are skipped). */
export function extraKeys(extras: Record<string, string | null | undefined> | undefined): string[] {
  if (!extras) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(extras)) {
    const value = (v ?? '').trim();
    if (value) out.push(`${k}=${value}`);
  }
  return out;
}
