import { evaluate, majorityRanking, type Scores } from '../../domain/classify/metrics';
import { trainClassifier, type ClassifierOptionsInput, type Example, type TextClassifier } from '../../domain/classify/model';
import { serializeClassifier } from '../../domain/classify/serialize';
import type { Split } from './dataset';

/** One evaluated target: quality next to the majority baseline, and the timings. */
export interface RunResult {
  name: string;
  nTrain: number;
  nTest: number;
  classes: number;
  scores: Scores;
  baseline: Scores;
  /** Wall-clock and CPU seconds of training (CPU time is what one core spent, whatever else runs). */
  trainSeconds: number;
  trainCpuSeconds: number;
  /** Texts per second of CPU time on one core (best of three passes over the test texts). */
  predictPerSecond: number;
  modelMB: number;
}

function rank(clf: TextClassifier, test: Example[]): string[][] {
  return test.map((e) => clf.predict(e.text, e.extras, 3).map((s) => s.label));
}

/**
 * Prediction throughput on one core: text → normalisation, features, scores, top-3. The pass is
 * repeated and the best is kept, so other processes on the machine disturb it less.
 */
function throughput(clf: TextClassifier, test: Example[], passes = 3): number {
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t = cpuSeconds();
    for (const e of test) clf.predict(e.text, e.extras, 3);
    best = Math.min(best, cpuSeconds() - t);
  }
  return test.length / best;
}

/** CPU time (user + system) of this process, in seconds: the benchmark is single-threaded. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Trains on the split's training part and measures on its test part. */
export function runTarget(name: string, split: Split, options?: ClassifierOptionsInput): RunResult {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const clf = trainClassifier(split.train, options);
  const trainCpuSeconds = cpuSeconds() - c0;
  const trainSeconds = (performance.now() - t0) / 1000;
  const truth = split.test.map((e) => e.label);
  const scores = evaluate(truth, rank(clf, split.test));
  const majority = majorityRanking(split.train.map((e) => e.label));
  const baseline = evaluate(truth, split.test.map(() => majority));
  const modelMB = JSON.stringify(serializeClassifier(clf)).length / 1024 / 1024;
  return {
    name,
    nTrain: split.train.length,
    nTest: split.test.length,
    classes: new Set(split.train.map((e) => e.label)).size,
    scores,
    baseline,
    trainSeconds,
    trainCpuSeconds,
    predictPerSecond: throughput(clf, split.test),
    modelMB,
  };
}

/** The same split with the extra features removed (the «text only» variant). */
export const textOnly = (s: Split): Split => ({
  ...s,
  train: s.train.map(({ text, label }) => ({ text, label })),
  test: s.test.map(({ text, label }) => ({ text, label })),
});
