import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import type { Example } from '../../../domain/classify/model';
import type { Correction } from '../../../domain/classify/suggest';

export type Target = 'topic' | 'recipient';
export const TRAINING_LIMIT = 30_000;

interface ConfirmedRow { text: string; topic: string | null; subtopic: string | null; recipient: string | null; settlement: string | null }

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Extras of the recipient model: the settlement name and the (confirmed or predicted) topic. */
export const recipientExtras = (settlement: string | null | undefined, topicId: string | null | undefined) => ({ settlement: settlement ?? '', topic: topicId ?? '' });

/**
 * Confirmed cases of the tenant, newest first: assigned by staff or further along (an auto-routed
 * case counts once its recipient accepted it), with their sub-topic (or topic) and recipient.
 */
export async function confirmedCases(db: Db | Tx, tenantId: string, limit = TRAINING_LIMIT): Promise<ConfirmedRow[]> {
  return rowsOf<ConfirmedRow>(await db.execute(sql`
    SELECT c.text, c.topic_id::text AS topic, c.subtopic_id::text AS subtopic, c.recipient_id::text AS recipient, s.name AS settlement
    FROM cases c LEFT JOIN settlements s ON s.id = c.settlement_id
    WHERE c.tenant_id = ${tenantId} AND c.recipient_id IS NOT NULL AND coalesce(c.subtopic_id, c.topic_id) IS NOT NULL
      AND c.status NOT IN ('received','registered','rejected','merged','forwarded')
      AND NOT (c.status = 'assigned' AND c.auto_routed)
    ORDER BY c.received_at DESC LIMIT ${limit}`));
}

export function examplesFor(target: Target, rows: ConfirmedRow[]): Example[] {
  return rows.map((r) => target === 'topic'
    ? { text: r.text, label: (r.subtopic ?? r.topic)! }
    : { text: r.text, label: r.recipient!, extras: recipientExtras(r.settlement, r.subtopic ?? r.topic) });
}

/** The latest correction of each case and field, with the case's text, as training corrections. */
export async function correctionsFor(db: Db | Tx, tenantId: string, target: Target): Promise<Correction[]> {
  const rows = rowsOf<{ text: string; chosen: string; settlement: string | null; topic: string | null }>(await db.execute(sql`
    SELECT DISTINCT ON (k.case_id) c.text, k.chosen, s.name AS settlement, coalesce(c.subtopic_id, c.topic_id)::text AS topic
    FROM classify_corrections k JOIN cases c ON c.id = k.case_id LEFT JOIN settlements s ON s.id = c.settlement_id
    WHERE k.tenant_id = ${tenantId} AND k.field = ${target}
    ORDER BY k.case_id, k.created_at DESC`));
  return rows.map((r) => (target === 'topic' ? { text: r.text, label: r.chosen } : { text: r.text, label: r.chosen, extras: recipientExtras(r.settlement, r.topic) }));
}
