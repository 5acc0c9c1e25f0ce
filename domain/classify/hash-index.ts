/**
 * A compact open-addressing map from 32-bit feature hashes to columns (linear probing). Small
 * enough to stay in the CPU cache, unlike a dense table over the whole hash space.
 */
export interface HashIndex { keys: Uint32Array; cols: Int32Array; mask: number }

const slot = (h: number, mask: number) => (Math.imul(h, 0x9e3779b1) >>> 0) & mask;

/** Builds an index where `hashes[i]` maps to column `offset + i`. */
export function buildHashIndex(hashes: Uint32Array, offset = 0): HashIndex {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const cols = new Int32Array(size).fill(-1);
  hashes.forEach((h, i) => {
    let s = slot(h, mask);
    while (cols[s] >= 0) s = (s + 1) & mask;
    keys[s] = h;
    cols[s] = offset + i;
  });
  return { keys, cols, mask };
}

/** The column of a hash, or −1 when it is not a kept feature. */
export function lookupHash(ix: HashIndex, h: number): number {
  let s = slot(h, ix.mask);
  for (;;) {
    const c = ix.cols[s];
    if (c < 0 || ix.keys[s] === h) return c;
    s = (s + 1) & ix.mask;
  }
}

/** The distinct values of a hash list, ascending. */
function distinct(hashes: Uint32Array): Uint32Array {
  const s = hashes.slice().sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[n++] = s[i];
  return s.subarray(0, n);
}

/**
 * Document frequencies of hashes: `docs[d]` lists the hashes of document d (with repeats).
 * Returns the distinct hashes (ascending) that occur in at least `minDf` documents, with their df.
 */
export function documentFrequencies(docs: Uint32Array[], minDf: number): { hashes: Uint32Array; df: Int32Array } {
  const uniq = docs.map(distinct);
  const all = new Uint32Array(uniq.reduce((a, u) => a + u.length, 0));
  let at = 0;
  for (const u of uniq) { all.set(u, at); at += u.length; }
  all.sort();
  const hashes: number[] = [];
  const df: number[] = [];
  for (let i = 0; i < all.length;) {
    let j = i + 1;
    while (j < all.length && all[j] === all[i]) j++;
    if (j - i >= minDf) { hashes.push(all[i]); df.push(j - i); }
    i = j;
  }
  return { hashes: Uint32Array.from(hashes), df: Int32Array.from(df) };
}
