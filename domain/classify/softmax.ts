import type { SparseMatrix, SparseVector } from './sparse';

/**
 * Multinomial logistic regression (softmax) trained by plain SGD with L2 regularisation
 * (weight-scale trick, so each step touches only the example's features), a linearly decaying
 * learning rate and class weights. Weights are laid out feature-major: W[f * K + k].
 */
export interface SoftmaxOptions {
  epochs: number;
  /** At least this many SGD steps in all (small training sets get more epochs, up to 200). */
  minSteps: number;
  learningRate: number;
  /** L2 strength per example (λ in λ/2·‖W‖² added to each example's loss). */
  l2: number;
  /** Class weights (n_max / n_c)^power: 0 = none, 0.5 = mild, 1 = balanced. */
  classWeightPower: number;
  /** Seed of the shuffling order (training is deterministic). */
  seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 10, minSteps: 20_000, learningRate: 0.5, l2: 1e-6, classWeightPower: 0.3, seed: 1 };

export interface LinearModel { classes: number; dims: number; weights: Float32Array; bias: Float32Array }

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, rnd: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  return order;
}

/** Per-class weights (n_max / n_c)^power, scaled so the average example weight is 1. */
export function classWeights(y: Int32Array, classes: number, power: number): Float32Array {
  const counts = new Float64Array(classes);
  for (const c of y) counts[c]++;
  const max = Math.max(...counts);
  const w = Float32Array.from(counts, (n) => (n > 0 ? (max / n) ** power : 0));
  let total = 0;
  for (const c of y) total += w[c];
  const k = y.length / (total || 1);
  return w.map((v) => v * k);
}

/** Logits into probabilities, in place. */
export function softmaxInPlace(z: Float32Array | Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < z.length; k++) { z[k] = Math.exp(z[k] - max); sum += z[k]; }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
}

/** Logits of one sparse row (CSR slice) with the weights scaled by `scale`. */
function logits(m: LinearModel, ind: Int32Array, val: Float32Array, from: number, to: number, scale: number, z: Float64Array): void {
  const K = m.classes;
  const W = m.weights;
  for (let k = 0; k < K; k++) z[k] = m.bias[k];
  for (let j = from; j < to; j++) {
    const base = ind[j] * K;
    const v = val[j] * scale;
    for (let k = 0; k < K; k++) z[k] += v * W[base + k];
  }
}

/** Logits of a vector under a trained model. */
export function scoreVector(m: LinearModel, x: SparseVector, z = new Float64Array(m.classes)): Float64Array {
  logits(m, x.indices, x.values, 0, x.indices.length, 1, z);
  return z;
}

/** One SGD step on example i; returns the new weight scale. */
function step(m: LinearModel, X: SparseMatrix, i: number, label: number, weight: number, eta: number, l2: number, scale: number, z: Float64Array, active: Int32Array): number {
  const K = m.classes;
  const from = X.indptr[i];
  const to = X.indptr[i + 1];
  logits(m, X.indices, X.values, from, to, scale, z);
  softmaxInPlace(z);
  z[label] -= 1;
  let nActive = 0;
  for (let k = 0; k < K; k++) {
    z[k] *= weight;
    if (z[k] > 1e-5 || z[k] < -1e-5) active[nActive++] = k;
    m.bias[k] -= eta * z[k];
  }
  const newScale = scale * (1 - eta * l2);
  const W = m.weights;
  for (let j = from; j < to; j++) {
    const base = X.indices[j] * K;
    const c = (-eta * X.values[j]) / newScale;
    for (let a = 0; a < nActive; a++) { const k = active[a]; W[base + k] += c * z[k]; }
  }
  return newScale;
}

/** Trains the model on rows of X with labels y (0…classes−1) and optional sample weights. */
export function trainSoftmax(X: SparseMatrix, y: Int32Array, classes: number, opts: SoftmaxOptions, sampleWeights?: Float32Array): LinearModel {
  const m: LinearModel = { classes, dims: X.cols, weights: new Float32Array(X.cols * classes), bias: new Float32Array(classes) };
  const cw = classWeights(y, classes, opts.classWeightPower);
  const rnd = mulberry32(opts.seed);
  const z = new Float64Array(classes);
  const active = new Int32Array(classes);
  const epochs = Math.min(Math.max(opts.epochs, Math.ceil(opts.minSteps / Math.max(1, X.rows))), Math.max(opts.epochs, 200));
  const total = Math.max(1, epochs * X.rows);
  let scale = 1;
  let t = 0;
  for (let e = 0; e < epochs; e++) {
    for (const i of shuffled(X.rows, rnd)) {
      const eta = opts.learningRate * Math.max(0.01, 1 - t++ / total);
      const w = cw[y[i]] * (sampleWeights ? sampleWeights[i] : 1);
      scale = step(m, X, i, y[i], w, eta, opts.l2, scale, z, active);
      if (scale < 1e-4) { for (let f = 0; f < m.weights.length; f++) m.weights[f] *= scale; scale = 1; }
    }
  }
  for (let f = 0; f < m.weights.length; f++) m.weights[f] *= scale;
  return m;
}
