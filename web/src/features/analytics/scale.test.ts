import { describe, expect, it } from 'vitest';
import { classLabels, shadeIndex } from './scale';

const plain = (v: number) => String(v);

describe('legend classes', () => {
  it('reads counts as whole ranges that hold exactly the values shaded with them', () => {
    const scale = { min: 0, max: 23, breaks: [0, 1, 2, 4.5] };
    const labels = classLabels(scale, plain, true);
    expect(labels).toEqual(['0', '1', '2', '3–4', '5–23']);
    // Every whole value from min to max falls into the class whose label names it.
    for (let v = 0; v <= 23; v++) {
      const label = labels[shadeIndex(v, scale.breaks)!]!;
      const [lo, hi = lo] = label.split('–').map(Number);
      expect(v >= lo && v <= hi, `${v} → «${label}»`).toBe(true);
    }
  });

  it('leaves out count classes no whole value can fall in', () => {
    expect(classLabels({ min: 1, max: 3, breaks: [1, 1, 1.5, 3] }, plain, true)).toEqual(['1', null, null, '2–3', null]);
  });

  it('reads other measures as bounds, leaving out empty classes', () => {
    expect(classLabels({ min: 0.1, max: 0.9, breaks: [0.2, 0.4, 0.4, 0.9] }, plain, false)).toEqual(['≤ 0.2', '0.2–0.4', null, '0.4–0.9', null]);
  });

  it('has no classes without data', () => {
    expect(classLabels({ min: null, max: null, breaks: [] }, plain, true)).toEqual([]);
  });
});
