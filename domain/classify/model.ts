import { DEFAULT_FEATURES, extraKeys, hashText, type FeatureOptions } from './features';
import { compactModel, scoreCompact, type CompactModel } from './compact';
import { DEFAULT_SOFTMAX, softmaxInPlace, trainSoftmax, type SoftmaxOptions } from './softmax';
import { toCsr } from './sparse';
import { resolveTemplates, templateExamples, type LabelTemplates } from './label-templates';
import { fitVocabulary, makeVectorizer, type Vectorizer } from './vectorizer';

/** Extra categorical features of a message, e.g. { district: 'Невский' }. */
export type Extras = Record<string, string | null | undefined>;

/** One confirmed case: its text, the confirmed label, extras and an optional weight. */
export interface Example { text: string; label: string; extras?: Extras; weight?: number }

/** A suggested label with its probability. */
export interface Suggestion { label: string; p: number }

/**
 * Features, training, the weight below which a trained weight is dropped (compaction), and the
 * extra feature whose value appears inside label names (e.g. 'district' for recipients such as
 * «Администрация Невского района»; '' = none), see label-templates.ts.
 */
export interface ClassifierOptions { features: FeatureOptions; softmax: SoftmaxOptions; pruneBelow: number; labelTemplateKey: string }

export const DEFAULT_CLASSIFIER: ClassifierOptions = { features: DEFAULT_FEATURES, softmax: DEFAULT_SOFTMAX, pruneBelow: 0.05, labelTemplateKey: '' };

export interface TextClassifier {
  readonly labels: string[];
  readonly options: ClassifierOptions;
  readonly vectorizer: Vectorizer;
  readonly model: CompactModel;
  /** Label templates when `labelTemplateKey` is set: the model's labels are then templates. */
  readonly templates?: LabelTemplates;
  /** Labels sorted by probability (all of them, or the best `topK`). */
  predict(text: string, extras?: Extras, topK?: number): Suggestion[];
}

export type ClassifierOptionsInput = { features?: Partial<FeatureOptions>; softmax?: Partial<SoftmaxOptions>; pruneBelow?: number; labelTemplateKey?: string };

/** Merges partial options over the defaults (one level deep). */
export function classifierOptions(o?: ClassifierOptionsInput): ClassifierOptions {
  return {
    features: { ...DEFAULT_FEATURES, ...o?.features },
    softmax: { ...DEFAULT_SOFTMAX, ...o?.softmax },
    pruneBelow: o?.pruneBelow ?? DEFAULT_CLASSIFIER.pruneBelow,
    labelTemplateKey: o?.labelTemplateKey ?? DEFAULT_CLASSIFIER.labelTemplateKey,
  };
}

/** The best `topK` entries of probabilities p as suggestions, best first. */
export function topSuggestions(p: Float64Array, labels: string[], topK: number): Suggestion[] {
  const k = Math.min(topK, p.length);
  const best: number[] = [];
  for (let c = 0; c < p.length; c++) {
    if (best.length === k && p[c] <= p[best[k - 1]]) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && p[best[at - 1]] < p[c]) at--;
    best.splice(at, 0, c);
    if (best.length > k) best.pop();
  }
  return best.map((c) => ({ label: labels[c], p: p[c] }));
}

/** Wraps a vectoriser and a trained linear model into a classifier. */
export function makeClassifier(labels: string[], options: ClassifierOptions, vectorizer: Vectorizer, model: CompactModel, templates?: LabelTemplates): TextClassifier {
  const z = new Float64Array(labels.length);
  return {
    labels,
    options,
    vectorizer,
    model,
    templates,
    predict(text, extras, topK = labels.length) {
      scoreCompact(model, vectorizer.transform(text, extras), z);
      softmaxInPlace(z);
      if (!templates) return topSuggestions(z, labels, topK);
      return resolveTemplates(topSuggestions(z, labels, labels.length), templates, extras, topK);
    },
  };
}

/**
 * Trains a classifier on confirmed examples (a tenant's own history plus its corrections).
 * Labels are sorted, so the same examples always give the same model.
 */
export function trainClassifier(original: Example[], opts?: ClassifierOptionsInput): TextClassifier {
  if (original.length === 0) throw new Error('trainClassifier: no examples');
  const options = classifierOptions(opts);
  const templated = options.labelTemplateKey ? templateExamples(original, options.labelTemplateKey) : undefined;
  const examples = templated?.examples ?? original;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const extras = examples.map((e) => extraKeys(e.extras));
  const hashes = examples.map((e, i) => hashText(e.text, options.features, extras[i]));
  const vectorizer = makeVectorizer(fitVocabulary(hashes, extras, options.features));
  const X = toCsr(hashes.map((h, i) => vectorizer.transformHashes(h, extras[i])), vectorizer.dims);
  const y = Int32Array.from(examples, (e) => labelIndex.get(e.label) ?? 0);
  const weights = examples.some((e) => e.weight !== undefined) ? Float32Array.from(examples, (e) => e.weight ?? 1) : undefined;
  const model = trainSoftmax(X, y, labels.length, options.softmax, weights);
  return makeClassifier(labels, options, vectorizer, compactModel(model, options.pruneBelow), templated?.templates);
}
