import { extraKeys, hashText, type FeatureOptions, type TextHashes } from './features';
import { buildHashIndex, documentFrequencies, lookupHash, type HashIndex } from './hash-index';
import { normalizeRange, type SparseVector } from './sparse';

/**
 * TF-IDF over hashed features: sublinear tf (1 + ln tf) × smooth idf, each block (word stems,
 * character n-grams) L2-normalised and weighted; extra categorical features are one-hot.
 * Columns: word block, then character block, then extras.
 */
export interface VocabularyData {
  options: FeatureOptions;
  /** Kept hashes of each block, ascending; the column is the position. */
  wordHashes: Uint32Array;
  wordIdf: Float32Array;
  charHashes: Uint32Array;
  charIdf: Float32Array;
  crossHashes: Uint32Array;
  crossIdf: Float32Array;
  /** «key=value» strings of the extra features. */
  extras: string[];
}

export interface Vectorizer {
  data: VocabularyData;
  dims: number;
  transform(text: string, extras?: Record<string, string | null | undefined>): SparseVector;
  transformHashes(h: TextHashes, extras: string[]): SparseVector;
}

function keep(docs: Uint32Array[], minDf: number, n: number): { hashes: Uint32Array; idf: Float32Array } {
  const { hashes, df } = documentFrequencies(docs, minDf);
  return { hashes, idf: Float32Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1) };
}

/** Learns the kept features and their idf from training texts (already hashed). */
export function fitVocabulary(docs: TextHashes[], extras: string[][], options: FeatureOptions): VocabularyData {
  const minDf = docs.length >= options.minDfFrom ? options.minDf : 1;
  const word = keep(docs.map((d) => d.word), minDf, docs.length);
  const char = keep(docs.map((d) => d.char), minDf, docs.length);
  const cross = keep(docs.map((d) => d.cross), minDf, docs.length);
  return {
    options,
    wordHashes: word.hashes,
    wordIdf: word.idf,
    charHashes: char.hashes,
    charIdf: char.idf,
    crossHashes: cross.hashes,
    crossIdf: cross.idf,
    extras: [...new Set(extras.flat())].sort(),
  };
}

interface Block { index: HashIndex; weight: number; pick: (h: TextHashes) => Uint32Array }

/** Builds the fast transformer (compact hash → column indexes) from vocabulary data. */
export function makeVectorizer(data: VocabularyData): Vectorizer {
  const o = data.options;
  const parts = [
    { hashes: data.wordHashes, idf: data.wordIdf, weight: o.wordWeight, pick: (h: TextHashes) => h.word },
    { hashes: data.charHashes, idf: data.charIdf, weight: o.charWeight, pick: (h: TextHashes) => h.char },
    { hashes: data.crossHashes, idf: data.crossIdf, weight: o.crossWeight, pick: (h: TextHashes) => h.cross },
  ];
  const textDims = parts.reduce((a, p) => a + p.hashes.length, 0);
  const idf = new Float32Array(textDims);
  let offset = 0;
  const blocks: Block[] = parts.map((p) => {
    idf.set(p.idf, offset);
    const b = { index: buildHashIndex(p.hashes, offset), weight: p.weight, pick: p.pick };
    offset += p.hashes.length;
    return b;
  });
  const extraCol = new Map(data.extras.map((k, i) => [k, textDims + i]));
  const acc = new Float32Array(textDims);
  let idx = new Int32Array(1024);
  let val = new Float32Array(1024);

  function ensure(n: number): void {
    if (n <= idx.length) return;
    const size = 2 ** Math.ceil(Math.log2(n));
    idx = new Int32Array(size);
    val = new Float32Array(size);
  }

  /** Adds one block's tf-idf entries at `from`; returns the new length. */
  function addBlock(hashes: Uint32Array, b: Block, from: number): number {
    let n = from;
    for (let i = 0; i < hashes.length; i++) {
      const c = lookupHash(b.index, hashes[i]);
      if (c < 0) continue;
      if (acc[c] === 0) idx[n++] = c;
      acc[c]++;
    }
    for (let i = from; i < n; i++) {
      const c = idx[i];
      val[i] = (1 + Math.log(acc[c])) * idf[c];
      acc[c] = 0;
    }
    normalizeRange(val, from, n, b.weight);
    return n;
  }

  function transformHashes(h: TextHashes, extras: string[]): SparseVector {
    ensure(h.word.length + h.char.length + h.cross.length + extras.length);
    let n = 0;
    for (const b of blocks) n = addBlock(b.pick(h), b, n);
    for (const k of extras) {
      const c = extraCol.get(k);
      if (c !== undefined) { idx[n] = c; val[n++] = o.extraWeight; }
    }
    return { indices: idx.slice(0, n), values: val.slice(0, n) };
  }

  return {
    data,
    dims: textDims + data.extras.length,
    transformHashes,
    transform(text, extras) {
      const keys = extraKeys(extras);
      return transformHashes(hashText(text, o, keys), keys);
    },
  };
}
