import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { rows } from '../../db/rows';
import { TERMINAL_STATUSES } from '../../../domain/cases/status';
import { DESTROYED_TEXT_PREFIX, destroyedTextMarker } from '../../../domain/retention/rules';
import type { LogEntry } from './act-documents';

/**
 * Keys of the case's audit snapshots that may quote what a citizen wrote or where they live: the address
 * and coordinates (registration), the source link, the answer excerpt, the rating comment and the typed
 * reasons. Ids, statuses, dates, topics and territories stay, so the timeline keeps its shape.
 */
const AUDIT_PD_KEYS = ['text', 'address', 'lat', 'lon', 'sourceUrl', 'ratingComment', 'statusReason', 'extensionReason', 'answer', 'comment', 'reason', 'file'];

/**
 * Destroys the materials of the tenant's cases closed before `before` (in the retention transaction `tx`):
 * the text and every answer, note and pause reason become the fixed marker, the address, coordinates,
 * source link, rating comment and reasons are cleared, the files are deleted, and the keys above are
 * removed from the case's audit snapshots (the database allows it only in this transaction, only as a
 * removal). The statistical record (topic, settlement, locality, dates, status, rating, recipient) stays,
 * so the analytics tallies do not move. A case whose text is already the marker does not match again.
 */
export async function destroyCaseMaterials(tx: Tx, tenantId: string, before: Date, actNumber: string, now: Date): Promise<LogEntry[]> {
  const marker = destroyedTextMarker(actNumber);
  const expired = sql`SELECT c.id FROM cases c WHERE c.tenant_id = ${tenantId} AND c.status = ANY(${`{${TERMINAL_STATUSES.join(',')}}`}::text[])
    AND c.closed_at < ${before.toISOString()}::timestamptz AND c.text NOT LIKE ${`${DESTROYED_TEXT_PREFIX}%`}`;
  const keys = `{${AUDIT_PD_KEYS.join(',')}}`;
  await tx.execute(sql`DELETE FROM case_files WHERE tenant_id = ${tenantId} AND case_id IN (${expired})`);
  await tx.execute(sql`UPDATE case_answers SET text = ${marker}, review_comment = NULL WHERE tenant_id = ${tenantId} AND case_id IN (${expired})`);
  await tx.execute(sql`UPDATE case_notes SET text = ${marker} WHERE tenant_id = ${tenantId} AND case_id IN (${expired})`);
  await tx.execute(sql`UPDATE case_pauses SET reason = ${marker} WHERE case_id IN (${expired})`);
  await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'on', true)`);
  await tx.execute(sql`
    UPDATE audit_events SET
      before = CASE WHEN jsonb_typeof(before) = 'object' THEN before - ${keys}::text[] ELSE before END,
      after = CASE WHEN jsonb_typeof(after) = 'object' THEN after - ${keys}::text[] ELSE after END
    WHERE tenant_id = ${tenantId} AND entity = 'case' AND entity_id IN (SELECT id::text FROM (${expired}) e)
      AND (before ?| ${keys}::text[] OR after ?| ${keys}::text[])`);
  await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'off', true)`);
  const done = await rows<{ id: string; number: string; closed_at: string }>(tx, sql`
    UPDATE cases SET text = ${marker}, address = NULL, lat = NULL, lon = NULL, source_url = NULL, rating_comment = NULL,
      status_reason = NULL, extension_reason = NULL, updated_at = ${now.toISOString()}::timestamptz, version = version + 1
    WHERE id IN (${expired})
    RETURNING id, number, closed_at`);
  return done.map((r) => ({ pdClass: 'materials', subject: `материалы обращения № ${r.number}`, record: r.id, since: new Date(r.closed_at) }));
}
