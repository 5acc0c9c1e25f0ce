import i18n from '../../i18n';
import { formatNumber } from '../../lib/format';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields never worth showing in a change list. */
const HIDDEN = new Set(['id', 'tenantId', 'updatedAt', 'createdAt', 'passwordHash', 'source', 'boundary']);

/** Russian label of a code from i18n group `audit.<group>`, or the code itself when unknown. */
export function auditLabel(group: 'action' | 'entity' | 'fields', code: string): string {
  const key = `audit.${group}.${code}`;
  return i18n.exists(key) ? String(i18n.t(key as 'audit.action.create')) : code;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The fields that differ between `before` and `after` (all fields of `after` for a creation). */
export function changesOf(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}

/** A value of an audited field as a short Russian text; ids become names when `name` knows them. */
export function displayValue(value: unknown, name: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? i18n.t('common.yes') : i18n.t('common.no');
  if (typeof value === 'number') return formatNumber(value, 6);
  if (typeof value === 'string') return (UUID.test(value) ? name(value) : undefined) ?? value;
  if (Array.isArray(value)) return value.length ? value.map((v) => displayValue(v, name)).join(', ') : '—';
  const rec = asRecord(value);
  if (rec && 'roleCode' in rec) {
    const scope = [rec.recipientId, rec.blockId].filter(Boolean).map((id) => name(String(id)) ?? String(id));
    return `${name(String(rec.roleCode)) ?? String(rec.roleCode)}${scope.length ? ` (${scope.join(', ')})` : ''}`;
  }
  return JSON.stringify(value);
}

/** The object's own name from the audit row when it carries one. */
export function objectName(before: unknown, after: unknown): string | undefined {
  for (const v of [after, before]) {
    const r = asRecord(v);
    const n = r?.fullName ?? r?.name ?? r?.file ?? r?.login;
    if (typeof n === 'string' && n) return n;
  }
  return undefined;
}
