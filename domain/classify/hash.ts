/**
 * 32-bit FNV-1a hashing for feature hashing. Strings are hashed by UTF-16 code unit, so the
 * same text gives the same feature on every platform; each feature family has its own seed.
 */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: folds a code unit into the running hash. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** Hashes a whole string, starting from `seed`. */
export function fnvString(s: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Mixes two 32-bit hashes into one (for word bigrams), order-sensitive. */
export function combineHashes(a: number, b: number): number {
  let h = Math.imul(a ^ (b >>> 16) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Seeds of the feature families: word unigrams, word bigrams, character n-grams, extras. */
export const SEED = {
  word: fnvString('w1'),
  bigram: fnvString('w2'),
  char: fnvString('ch'),
  extra: fnvString('ex'),
} as const;
