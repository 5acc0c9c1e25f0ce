import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { engagementPageActivity, engagementPages } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { ActivityInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

/**
 * Writes the figures of one page for one month: insert, or replace what was there (the key is
 * page × period, so re-importing the same file changes nothing). Returns whether it was new.
 */
export async function upsertActivity(tx: Tx, tenantId: string, pageId: string, input: ActivityInput, source: 'manual' | 'import', now: Date): Promise<{ inserted: boolean; id: string }> {
  const values = {
    publications: input.publications,
    reach: input.reach,
    engagement: input.engagement,
    comments: input.comments,
    commentsAnswered: input.commentsAnswered,
    lastPostOn: input.lastPostOn ?? null,
    source,
    updatedAt: now,
  };
  const [row] = await tx
    .insert(engagementPageActivity)
    .values({ tenantId, pageId, period: input.period, ...values })
    .onConflictDoUpdate({ target: [engagementPageActivity.pageId, engagementPageActivity.period], set: values })
    .returning({ id: engagementPageActivity.id, inserted: sql<boolean>`(xmax = 0)` });
  return { id: row.id, inserted: row.inserted };
}

export async function saveActivity(tx: Tx, actor: Actor, pageId: string, input: ActivityInput, now: Date) {
  requireMunicipality(actor);
  await findOwned(tx, engagementPages, pageId, actor.tenantId, 'Страница');
  const r = await upsertActivity(tx, actor.tenantId, pageId, input, 'manual', now);
  await recordAudit(tx, actor, { action: r.inserted ? 'create' : 'update', entity: 'engagement_activity', entityId: r.id, after: { pageId, ...input } });
  return r;
}
