import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeArray, encodeArray } from './base64';
import { trainClassifier } from './model';
import { deserializeClassifier, serializeClassifier } from './serialize';
import { toyExamples } from './toy-data';

describe('serializeClassifier', () => {
  it('round-trips through JSON with identical predictions', () => {
    const examples = toyExamples(30).map((e, i) => ({ ...e, extras: { district: i % 3 ? 'Невский' : 'Выборгский' } }));
    const clf = trainClassifier(examples, { features: { crossKeys: ['district'] } });
    const json = JSON.stringify(serializeClassifier(clf));
    const back = deserializeClassifier(JSON.parse(json));
    for (const e of toyExamples(10, 99)) {
      expect(back.predict(e.text, { district: 'Невский' })).toEqual(clf.predict(e.text, { district: 'Невский' }));
    }
    expect(back.labels).toEqual(clf.labels);
    expect(back.options).toEqual(clf.options);
  });

  it('rejects an unknown format', () => {
    expect(() => deserializeClassifier({ format: 'other', version: 1 } as never)).toThrow();
  });
});

describe('base64', () => {
  it('encodes bytes like the standard alphabet, with padding', () => {
    expect(bytesToBase64(new TextEncoder().encode('Ма'))).toBe('0JzQsA==');
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect([...base64ToBytes('0JzQsA==')]).toEqual([...new TextEncoder().encode('Ма')]);
  });

  it('round-trips typed arrays of any length', () => {
    for (const n of [0, 1, 2, 3, 5000]) {
      const a = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3);
      expect(decodeArray(encodeArray(a), Float32Array)).toEqual(a);
    }
    const u = Uint32Array.from([0, 1, 0xffffffff, 123456789]);
    expect(decodeArray(encodeArray(u), Uint32Array)).toEqual(u);
  });
});
