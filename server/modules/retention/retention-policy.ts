import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { pdRetentionPolicies } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../../domain/retention/rules';
import { recordAudit } from '../audit/record-audit';

/** The tenant's retention policy, or the defaults when none was saved. */
export async function readRetentionPolicy(db: Db | Tx, tenantId: string): Promise<RetentionPolicy> {
  const [row] = await db.select().from(pdRetentionPolicies).where(eq(pdRetentionPolicies.tenantId, tenantId));
  if (!row) return { ...DEFAULT_RETENTION };
  const { enabled, applicantMonths, materialsMonths, quarantineMonths, accessLogMonths, responsible, operatorAddress } = row;
  return { enabled, applicantMonths, materialsMonths, quarantineMonths, accessLogMonths, responsible, operatorAddress };
}

export async function saveRetentionPolicy(tx: Tx, actor: Actor, input: RetentionPolicy, now: Date): Promise<RetentionPolicy> {
  const before = await readRetentionPolicy(tx, actor.tenantId);
  await tx
    .insert(pdRetentionPolicies)
    .values({ tenantId: actor.tenantId, ...input, updatedAt: now })
    .onConflictDoUpdate({ target: pdRetentionPolicies.tenantId, set: { ...input, updatedAt: now } });
  await recordAudit(tx, actor, { action: 'update', entity: 'pd_retention_policy', entityId: actor.tenantId, before, after: input });
  return input;
}
