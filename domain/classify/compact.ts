import type { LinearModel } from './softmax';
import type { SparseVector } from './sparse';

/**
 * A trained linear model with its negligible weights dropped, stored by feature row:
 * row f holds classes cls[rowPtr[f] … rowPtr[f+1]) with weights w[…]. Scoring touches only
 * the kept weights, so it is fast and the model is small enough to store per tenant.
 */
export interface CompactModel {
  classes: number;
  dims: number;
  rowPtr: Int32Array;
  cls: Uint16Array;
  w: Float32Array;
  bias: Float32Array;
}

/** Keeps weights with |w| ≥ threshold. */
export function compactModel(m: LinearModel, threshold: number): CompactModel {
  const K = m.classes;
  const rowPtr = new Int32Array(m.dims + 1);
  let n = 0;
  for (let f = 0; f < m.dims; f++) {
    for (let k = 0; k < K; k++) if (Math.abs(m.weights[f * K + k]) >= threshold) n++;
    rowPtr[f + 1] = n;
  }
  const cls = new Uint16Array(n);
  const w = new Float32Array(n);
  let at = 0;
  for (let f = 0; f < m.dims; f++) {
    for (let k = 0; k < K; k++) {
      const v = m.weights[f * K + k];
      if (Math.abs(v) >= threshold) { cls[at] = k; w[at++] = v; }
    }
  }
  return { classes: K, dims: m.dims, rowPtr, cls, w, bias: Float32Array.from(m.bias) };
}

/** Logits of a vector into z. */
export function scoreCompact(m: CompactModel, x: SparseVector, z: Float64Array): Float64Array {
  for (let k = 0; k < m.classes; k++) z[k] = m.bias[k];
  const { rowPtr, cls, w } = m;
  for (let j = 0; j < x.indices.length; j++) {
    const f = x.indices[j];
    const v = x.values[j];
    const end = rowPtr[f + 1];
    for (let a = rowPtr[f]; a < end; a++) z[cls[a]] += v * w[a];
  }
  return z;
}
