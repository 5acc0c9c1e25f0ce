import { compileRules, suggestByKeywords, type CompiledRules, type KeywordRule } from './keyword-rules';
import { trainClassifier, type ClassifierOptionsInput, type Example, type Extras, type Suggestion, type TextClassifier } from './model';

/**
 * The per-tenant suggestion flow: a tenant without enough confirmed history gets keyword rules;
 * once it has enough, a model trained on its own cases. Every correction is kept and the model
 * is retrained on the history with the corrections (which weigh more and replace older labels
 * of the same text).
 */
export interface Correction { text: string; label: string; extras?: Extras }

export interface Suggester {
  source: 'model' | 'rules';
  suggest(text: string, extras?: Extras, topK?: number): Suggestion[];
}

export interface SuggesterOptions {
  /** Confirmed cases needed before the model replaces the rules (and at least two labels). */
  minExamples: number;
  /** Weight of a corrected example against an ordinary confirmed one. */
  correctionWeight: number;
  classifier?: ClassifierOptionsInput;
}

export const DEFAULT_SUGGESTER: SuggesterOptions = { minExamples: 200, correctionWeight: 3 };

const textKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The training set: history, where a corrected text takes the corrected label and weight. */
export function withCorrections(history: Example[], corrections: Correction[], weight = DEFAULT_SUGGESTER.correctionWeight): Example[] {
  const corrected = new Map(corrections.map((c) => [textKey(c.text), c]));
  const kept = history.filter((e) => !corrected.has(textKey(e.text)));
  const added = [...corrected.values()].map((c) => ({ text: c.text, label: c.label, extras: c.extras, weight }));
  return [...kept, ...added];
}

export function rulesSuggester(rules: KeywordRule[] | CompiledRules): Suggester {
  const compiled = Array.isArray(rules) ? compileRules(rules) : rules;
  return { source: 'rules', suggest: (text, _extras, topK = 3) => suggestByKeywords(text, compiled).slice(0, topK) };
}

export function modelSuggester(classifier: TextClassifier): Suggester {
  return { source: 'model', suggest: (text, extras, topK = 3) => classifier.predict(text, extras, topK) };
}

/** Builds the tenant's suggester from its confirmed history, corrections and starter rules. */
export function buildSuggester(history: Example[], corrections: Correction[], rules: KeywordRule[], opts: Partial<SuggesterOptions> = {}): Suggester {
  const o = { ...DEFAULT_SUGGESTER, ...opts };
  const examples = withCorrections(history, corrections, o.correctionWeight);
  const labels = new Set(examples.map((e) => e.label));
  if (examples.length < o.minExamples || labels.size < 2) return rulesSuggester(rules);
  return modelSuggester(trainClassifier(examples, o.classifier));
}
