/**
 * Classification metrics: accuracy, macro-F1 (over the union of true and predicted classes, as
 * scikit-learn does), top-k accuracy.
 */

export interface Scores { n: number; accuracy: number; macroF1: number; top3: number }

/** `ranked[i]` holds the labels suggested for item i, best first. */
export function evaluate(truth: string[], ranked: string[][], k = 3): Scores {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  let correct = 0;
  let topK = 0;
  truth.forEach((t, i) => {
    const guess = ranked[i][0];
    if (guess === t) { correct++; inc(tp, t); } else { inc(fn, t); if (guess !== undefined) inc(fp, guess); }
    if (ranked[i].slice(0, k).includes(t)) topK++;
  });
  const classes = new Set([...truth, ...fp.keys()]);
  let f1 = 0;
  for (const c of classes) {
    const p = tp.get(c) ?? 0;
    const denom = 2 * p + (fp.get(c) ?? 0) + (fn.get(c) ?? 0);
    f1 += denom ? (2 * p) / denom : 0;
  }
  const n = truth.length;
  return { n, accuracy: n ? correct / n : 0, macroF1: classes.size ? f1 / classes.size : 0, top3: n ? topK / n : 0 };
}

/** The majority-class baseline: always answer the k most frequent training labels. */
export function majorityRanking(trainLabels: string[], k = 3): string[] {
  const counts = new Map<string, number>();
  for (const l of trainLabels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, k).map(([l]) => l);
}
