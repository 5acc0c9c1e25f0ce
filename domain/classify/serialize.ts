import { decodeArray, encodeArray } from './base64';
import type { CompactModel } from './compact';
import type { LabelTemplates } from './label-templates';
import { classifierOptions, makeClassifier, type ClassifierOptions, type TextClassifier } from './model';
import { makeVectorizer, type VocabularyData } from './vectorizer';

/**
 * A trained classifier as JSON-compatible data (numbers arrays as base64), to be stored per
 * tenant (e.g. in a jsonb column) and loaded back with identical predictions.
 */
export interface SerializedClassifier {
  format: 'mcu-text-classifier';
  version: 1;
  labels: string[];
  options: ClassifierOptions;
  vocabulary: {
    wordHashes: string; wordIdf: string;
    charHashes: string; charIdf: string;
    crossHashes: string; crossIdf: string;
    extras: string[];
  };
  model: { classes: number; dims: number; rowPtr: string; cls: string; w: string; bias: string };
  templates?: LabelTemplates;
}

export function serializeClassifier(c: TextClassifier): SerializedClassifier {
  const v = c.vectorizer.data;
  const m = c.model;
  return {
    format: 'mcu-text-classifier',
    version: 1,
    labels: [...c.labels],
    options: structuredClone(c.options),
    vocabulary: {
      wordHashes: encodeArray(v.wordHashes), wordIdf: encodeArray(v.wordIdf),
      charHashes: encodeArray(v.charHashes), charIdf: encodeArray(v.charIdf),
      crossHashes: encodeArray(v.crossHashes), crossIdf: encodeArray(v.crossIdf),
      extras: [...v.extras],
    },
    model: {
      classes: m.classes, dims: m.dims,
      rowPtr: encodeArray(m.rowPtr), cls: encodeArray(m.cls), w: encodeArray(m.w), bias: encodeArray(m.bias),
    },
    ...(c.templates ? { templates: structuredClone(c.templates) } : {}),
  };
}

export function deserializeClassifier(s: SerializedClassifier): TextClassifier {
  if (s.format !== 'mcu-text-classifier' || s.version !== 1) throw new Error('Неизвестный формат модели классификатора');
  const options = classifierOptions(s.options);
  const q = s.vocabulary;
  const vocabulary: VocabularyData = {
    options: options.features,
    wordHashes: decodeArray(q.wordHashes, Uint32Array), wordIdf: decodeArray(q.wordIdf, Float32Array),
    charHashes: decodeArray(q.charHashes, Uint32Array), charIdf: decodeArray(q.charIdf, Float32Array),
    crossHashes: decodeArray(q.crossHashes, Uint32Array), crossIdf: decodeArray(q.crossIdf, Float32Array),
    extras: [...q.extras],
  };
  const m = s.model;
  const model: CompactModel = {
    classes: m.classes, dims: m.dims,
    rowPtr: decodeArray(m.rowPtr, Int32Array), cls: decodeArray(m.cls, Uint16Array),
    w: decodeArray(m.w, Float32Array), bias: decodeArray(m.bias, Float32Array),
  };
  return makeClassifier([...s.labels], options, makeVectorizer(vocabulary), model, s.templates && structuredClone(s.templates));
}
