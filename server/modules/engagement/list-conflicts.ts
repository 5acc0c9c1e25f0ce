import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { rows } from '../../db/rows';
import { caseAnswers, engagementConflictReviews } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { conflictHits, type ConflictHit } from '../../../domain/engagement/conflicts';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

/** Answers in social networks and official pages are the «replies in госпаблики». */
const PAGE_CHANNELS = ['official_page', 'incident'];
const LIMIT = 500;

interface Row {
  answer_id: string;
  case_id: string;
  number: string;
  channel: string;
  kind: string;
  text: string;
  created_at: Date | string;
  rating: number | null;
  earlier: number | string | null;
  reviewed_at: Date | string | null;
  review_note: string | null;
}

export interface ConflictItem {
  answerId: string;
  caseId: string;
  caseNumber: string;
  channel: string;
  source: 'page_reply' | 'answer';
  answeredAt: string;
  excerpt: string;
  hits: ConflictHit[];
  reviewedAt: string | null;
  reviewNote: string | null;
}

/**
 * Answers of the last `days` days (submitted, approved or sent) that the rules flag. The applicant
 * is matched server-side (phone digits, else e-mail, profile, name) only to count earlier cases on
 * the same topic: the list carries the count, never the applicant.
 */
export async function listConflicts(db: Db, actor: Actor, q: { days: number; reviewed: boolean }, now: Date) {
  requireMunicipality(actor);
  const since = new Date(now.getTime() - q.days * 86_400_000);
  const found = await rows<Row>(db, sql`
    WITH ident AS (
      SELECT c.id, c.topic_id, c.received_at,
             coalesce(nullif(regexp_replace(coalesce(a.phone, ''), '[^0-9]', '', 'g'), ''), nullif(lower(trim(a.email)), ''), nullif(lower(trim(a.social_profile)), ''), nullif(lower(trim(a.full_name)), '')) AS who
      FROM cases c JOIN case_applicants a ON a.case_id = c.id
      WHERE c.tenant_id = ${actor.tenantId} AND c.topic_id IS NOT NULL
    ), rep AS (
      SELECT id, count(*) OVER (PARTITION BY who, topic_id ORDER BY received_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
      FROM ident WHERE who IS NOT NULL
    )
    SELECT an.id AS answer_id, c.id AS case_id, c.number, c.channel, an.kind, an.text, an.created_at,
           CASE WHEN an.kind = 'final' THEN c.rating END AS rating,
           CASE WHEN an.kind = 'final' THEN rep.earlier ELSE 0 END AS earlier,
           r.reviewed_at, r.note AS review_note
    FROM case_answers an
    JOIN cases c ON c.id = an.case_id
    LEFT JOIN rep ON rep.id = c.id
    LEFT JOIN engagement_conflict_reviews r ON r.answer_id = an.id AND r.tenant_id = an.tenant_id
    WHERE an.tenant_id = ${actor.tenantId} AND an.state IN ('submitted', 'approved', 'sent') AND an.created_at >= ${since}
    ORDER BY an.created_at DESC, an.id`);
  const items: ConflictItem[] = [];
  const counts: Record<string, number> = {};
  let unreviewed = 0;
  for (const r of found) {
    const hits = conflictHits({ answerText: r.text, rating: r.rating === null ? null : Number(r.rating), earlierSameProblem: Number(r.earlier ?? 0) });
    if (!hits.length) continue;
    if (!r.reviewed_at) {
      unreviewed++;
      for (const h of hits) counts[h.reason] = (counts[h.reason] ?? 0) + 1;
    }
    if (!!r.reviewed_at !== q.reviewed || items.length >= LIMIT) continue;
    items.push({
      answerId: r.answer_id,
      caseId: r.case_id,
      caseNumber: r.number,
      channel: r.channel,
      source: PAGE_CHANNELS.includes(r.channel) ? 'page_reply' : 'answer',
      answeredAt: new Date(r.created_at).toISOString(),
      excerpt: r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text,
      hits,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      reviewNote: r.review_note,
    });
  }
  return { items, unreviewed, counts, scanned: found.length, truncated: items.length >= LIMIT };
}

/** «Рассмотрено»: the flag stays, the answer leaves the default list. */
export async function reviewConflict(tx: Tx, actor: Actor, answerId: string, note: string | null) {
  requireMunicipality(actor);
  await findOwned(tx, caseAnswers, answerId, actor.tenantId, 'Ответ');
  const [row] = await tx
    .insert(engagementConflictReviews)
    .values({ tenantId: actor.tenantId, answerId, note, reviewedBy: actor.userId })
    .onConflictDoUpdate({ target: [engagementConflictReviews.tenantId, engagementConflictReviews.answerId], set: { note, reviewedBy: actor.userId } })
    .returning();
  await recordAudit(tx, actor, { action: 'review', entity: 'engagement_conflict', entityId: answerId, after: { note } });
  return row;
}
