import { trainClassifier, type ClassifierOptionsInput, type Example } from '../../../domain/classify/model';
import { serializeClassifier, type SerializedClassifier } from '../../../domain/classify/serialize';
import { evaluate } from '../../../domain/classify/metrics';

/** What the training worker gets: plain arrays, nothing bound to the database. */
export interface TrainJob {
  /** History, newest first (the newest tenth is held out for the quality figures). */
  history: Example[];
  /** Corrections by staff: always trained on, with more weight. */
  corrections: Example[];
  options?: ClassifierOptionsInput;
}
export interface TrainMetrics { accuracy: number; macroF1: number; top3: number; nTest: number }
export interface TrainOutput { model: SerializedClassifier; nTrain: number; metrics: TrainMetrics | null; ms: number }

/** The newest share of the history held out to measure the model (a time-ordered 90/10 split). */
export const HELD_OUT = 0.1;

/**
 * Trains on the older 90 % of the history plus every correction and scores on the newest 10 %
 * (as the model will meet new cases). Pure and synchronous: runs inside the worker thread.
 */
export function trainAndScore(job: TrainJob): TrainOutput {
  const started = performance.now();
  const nTest = Math.floor(job.history.length * HELD_OUT);
  const test = job.history.slice(0, nTest);
  const train = [...job.history.slice(nTest), ...job.corrections];
  const clf = trainClassifier(train, job.options);
  const scores = test.length ? evaluate(test.map((e) => e.label), test.map((e) => clf.predict(e.text, e.extras, 3).map((s) => s.label))) : null;
  const metrics = scores ? { accuracy: scores.accuracy, macroF1: scores.macroF1, top3: scores.top3, nTest: test.length } : null;
  return { model: serializeClassifier(clf), nTrain: train.length, metrics, ms: Math.round(performance.now() - started) };
}
