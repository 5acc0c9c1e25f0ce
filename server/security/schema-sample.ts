import { randomUUID } from 'node:crypto';

/** A JSON Schema node as @fastify/swagger emits it for the zod schemas (the parts we read). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
}

/**
 * A plausible valid value for a schema: required properties filled, enums take their first
 * member, formats honoured. Used to send bodies that pass validation, so that what a test sees
 * is the handler's own answer (scope checks), not a 400 from the validator.
 */
export function sampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sampleOf(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  if (schema.allOf?.length) return sampleOf(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items, depth + 1));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      return min !== undefined ? Math.max(min, Math.min(1, schema.maximum ?? 1)) : Math.min(1, schema.maximum ?? 1);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return null;
  }
}

function sampleString(s: JsonSchema): string {
  switch (s.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return '2026-11-20T10:00:00.000Z';
    case 'date':
      return '2026-11-20';
    case 'email':
      return 'test@example.ru';
    case 'uri':
      return 'https://example.ru/';
  }
  if (s.pattern === '^[a-z][a-z0-9_.-]*$' || s.pattern?.startsWith('^[a-z')) return 'test_code';
  const base = 'Проверка доступа';
  const min = s.minLength ?? 1;
  let v = base.length >= min ? base : base.padEnd(min, 'а');
  if (s.maxLength !== undefined) v = v.slice(0, s.maxLength);
  return v;
}
