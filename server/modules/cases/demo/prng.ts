// Small seeded pseudo-random generator for deterministic demo data.
// Algorithm: mulberry32 (32-bit state, period 2^32) — good enough for demo texts, NOT for security.
// A string seed is hashed with FNV-1a into the 32-bit state, so `createRng('demo-2025')` is stable.

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [a, b], both ends included. */
  int(a: number, b: number): number;
  /** Uniform float in [a, b). */
  float(a: number, b: number): number;
  /** One element of a non-empty array. */
  pick<T>(arr: readonly T[]): T;
  /** One element, chosen with probability proportional to its weight (weights ≥ 0, sum > 0). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** A new array with the elements in random order (Fisher–Yates); the input is untouched. */
  shuffle<T>(arr: readonly T[]): T[];
  /** An independent generator derived from this one and a label (for stable sub-streams). */
  fork(label: string | number): Rng;
}

/** FNV-1a 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(a: number, b: number): number {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('int(): bounds must be finite');
    const lo = Math.ceil(Math.min(a, b));
    const hi = Math.floor(Math.max(a, b));
    if (hi < lo) throw new RangeError(`int(): no integer in [${a}, ${b}]`);
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  float(a: number, b: number): number {
    return a + this.next() * (b - a);
  }

  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new RangeError('pick(): empty array');
    return arr[Math.floor(this.next() * arr.length)];
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0) throw new RangeError('weighted(): empty array');
    if (items.length !== weights.length) throw new RangeError('weighted(): items and weights differ in length');
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weighted(): weights must be finite and ≥ 0');
      total += w;
    }
    if (total <= 0) throw new RangeError('weighted(): weights sum to 0');
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    // Floating-point edge: return the last item with a positive weight.
    for (let i = items.length - 1; i >= 0; i--) if (weights[i] > 0) return items[i];
    return items[items.length - 1];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(arr: readonly T[]): T[] {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  fork(label: string | number): Rng {
    const base = Math.floor(this.next() * 4294967296) >>> 0;
    return new Mulberry32((base ^ hashString(String(label))) >>> 0);
  }
}

/** Create a deterministic generator. Same seed → same sequence. */
export function createRng(seed: number | string): Rng {
  const s = typeof seed === 'string' ? hashString(seed) : Math.floor(seed) >>> 0;
  return new Mulberry32(s);
}
