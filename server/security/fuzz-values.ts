import type { JsonSchema } from './schema-sample';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, so a failure reproduces. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string, to give every route its own seed. */
export function hash32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

function nested(depth: number): unknown {
  let v: unknown = 'дно';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values that are wrong for almost any field: types, extremes, encodings, shapes. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  1e308,
  -1e308,
  99999999999,
  '',
  ' ',
  '\u0000',
  'до\u0000после',
  '\ud800',
  '\u202eтекст справа налево',
  '😀'.repeat(300),
  'й'.normalize('NFD').repeat(500),
  'я'.repeat(200_000),
  '99999999999999999999',
  '-1',
  'NaN',
  '2026-13-45',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '../../etc/passwd',
  '<script>window.__x=1</script>',
  "' OR 1=1 --",
  [],
  [null],
  ['x', 1, {}],
  {},
  { __proto__: null, polluted: 1 },
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  { constructor: { prototype: { polluted: 1 } } },
  nested(200),
  Array.from({ length: 5000 }, (_, i) => i),
];

/** Raw request bodies that are not valid JSON, or valid JSON that breaks parsers. */
export const RAW_BODIES: readonly string[] = [
  '{',
  '{"a":}',
  'nul',
  '[1,2',
  '\u0000',
  '\ufeff{}',
  '{"a":1}{"b":2}',
  '1e999999',
  '"строка"',
  '[]',
  '[' .repeat(5000) + ']'.repeat(5000),
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
];

/** Query values as a URL carries them (always strings, sometimes repeated). */
export const HOSTILE_QUERY: readonly string[] = [
  '',
  '%00',
  'до%00после',
  '%ED%A0%80',
  '%FF%FE',
  encodeURIComponent('я'.repeat(5000)),
  '99999999999999999999',
  '-1',
  '1e308',
  'NaN',
  'true',
  'null',
  '2026-13-45',
  '%2B275760-09-13',
  '00000000-0000-0000-0000-000000000000',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('[object Object]'),
  '__proto__',
  '%E2%80%AE',
];

/** Path segments for path parameters. */
export const HOSTILE_PATH: readonly string[] = ['x', '%00', '..%2F..%2Fetc%2Fpasswd', 'я', '1e308', '-1', '00000000-0000-0000-0000-000000000000', 'a'.repeat(2000), '%ED%A0%80'];

/**
 * A body that is valid except for one thing: one property (at any depth the sample reaches)
 * replaced by a hostile value, or an extra hostile key, or the whole body replaced.
 */
export function mutate(rnd: () => number, sample: unknown, schema: JsonSchema | undefined): unknown {
  const roll = rnd();
  if (roll < 0.15 || !sample || typeof sample !== 'object') return pick(rnd, HOSTILE_VALUES);
  const copy = structuredClone(sample) as Record<string, unknown>;
  if (roll < 0.25) {
    const key = pick(rnd, ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'tenantId', 'unexpected']);
    Object.defineProperty(copy, key, { value: pick(rnd, HOSTILE_VALUES), enumerable: true, configurable: true, writable: true });
    return copy;
  }
  const keys = Object.keys(schema?.properties ?? copy);
  if (!keys.length) return pick(rnd, HOSTILE_VALUES);
  const key = pick(rnd, keys);
  const inner = copy[key];
  if (inner && typeof inner === 'object' && !Array.isArray(inner) && rnd() < 0.5) copy[key] = mutate(rnd, inner, schema?.properties?.[key]);
  else if (Array.isArray(inner) && inner.length && rnd() < 0.5) copy[key] = [pick(rnd, HOSTILE_VALUES), ...inner.slice(1)];
  else copy[key] = pick(rnd, HOSTILE_VALUES);
  return copy;
}
