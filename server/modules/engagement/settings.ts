import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { engagementSettings } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

/** Default norm: a page silent for more than a week is a gap (the МЦУ changes it). */
export const DEFAULT_SILENCE_DAYS = 7;

export async function readSettings(db: Db | Tx, tenantId: string) {
  const [row] = await db.select().from(engagementSettings).where(eq(engagementSettings.tenantId, tenantId));
  return { silenceDays: row?.silenceDays ?? DEFAULT_SILENCE_DAYS };
}

export async function saveSettings(tx: Tx, actor: Actor, input: { silenceDays: number }, now: Date) {
  requireMunicipality(actor);
  const before = await readSettings(tx, actor.tenantId);
  await tx
    .insert(engagementSettings)
    .values({ tenantId: actor.tenantId, silenceDays: input.silenceDays, updatedAt: now })
    .onConflictDoUpdate({ target: engagementSettings.tenantId, set: { silenceDays: input.silenceDays, updatedAt: now } });
  await recordAudit(tx, actor, { action: 'update', entity: 'engagement_settings', entityId: null, before, after: input });
  return input;
}
