/** Sparse vectors and matrices (CSR) used by the vectoriser and the linear models. */

/** A sparse vector: column indices (ascending) and values. */
export interface SparseVector { indices: Int32Array; values: Float32Array }

/** Rows of sparse vectors packed in CSR form. */
export interface SparseMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Packs sparse vectors into one CSR matrix. */
export function toCsr(vectors: SparseVector[], cols: number): SparseMatrix {
  const indptr = new Int32Array(vectors.length + 1);
  for (let i = 0; i < vectors.length; i++) indptr[i + 1] = indptr[i] + vectors[i].indices.length;
  const indices = new Int32Array(indptr[vectors.length]);
  const values = new Float32Array(indptr[vectors.length]);
  vectors.forEach((v, i) => {
    indices.set(v.indices, indptr[i]);
    values.set(v.values, indptr[i]);
  });
  return { rows: vectors.length, cols, indptr, indices, values };
}

/** Scales values[from, to) to unit L2 norm and then by `weight`; a zero block stays zero. */
export function normalizeRange(values: Float32Array | number[], from: number, to: number, weight = 1): void {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] * values[i];
  if (sum === 0) return;
  const k = weight / Math.sqrt(sum);
  for (let i = from; i < to; i++) values[i] *= k;
}
