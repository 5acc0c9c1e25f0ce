import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';

/**
 * Who configures routing (rules, keywords, threshold, retraining): the administrator
 * (`settings.manage`) or the МЦУ's leads, who both route and review cases (head, block lead,
 * coordinators) — not operators, not recipients.
 */
export function canConfigureRouting(actor: Actor): boolean {
  const p = actor.permissions;
  return actor.tenantKind === 'municipality' && (p.has('settings.manage') || (p.has('cases.route') && p.has('cases.review') && actor.recipientIds.length === 0));
}

export interface CorrectionRow { id: string; at: string; caseId: string; caseNumber: string; field: 'topic' | 'recipient'; suggested: string | null; suggestedName: string | null; chosen: string; chosenName: string | null; user: string | null }

/** The latest corrections of suggestions, with names of what was suggested and chosen. */
export async function recentCorrections(db: Db, tenantId: string, limit: number): Promise<CorrectionRow[]> {
  const res = await db.execute(sql`
    SELECT k.id, k.created_at AS at, k.case_id AS "caseId", c.number AS "caseNumber", k.field, k.suggested, k.chosen,
      CASE WHEN k.field = 'topic' THEN ts.name ELSE rs.name END AS "suggestedName",
      CASE WHEN k.field = 'topic' THEN tc.name ELSE rc.name END AS "chosenName",
      u.full_name AS "user"
    FROM classify_corrections k JOIN cases c ON c.id = k.case_id
      LEFT JOIN topics ts ON k.field = 'topic' AND ts.id::text = k.suggested
      LEFT JOIN topics tc ON k.field = 'topic' AND tc.id::text = k.chosen
      LEFT JOIN recipients rs ON k.field = 'recipient' AND rs.id::text = k.suggested
      LEFT JOIN recipients rc ON k.field = 'recipient' AND rc.id::text = k.chosen
      LEFT JOIN users u ON u.id = k.user_id
    WHERE k.tenant_id = ${tenantId}
    ORDER BY k.created_at DESC LIMIT ${limit}`);
  return (res as unknown as { rows: (Omit<CorrectionRow, 'at'> & { at: string | Date })[] }).rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
