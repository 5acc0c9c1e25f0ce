import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { engagementRecommendations, tenants } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { RecommendationInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { filesOf, storeFile, type UploadedFile } from './files';
import { requireRegion } from './scope';

export async function createRecommendation(tx: Tx, actor: Actor, input: RecommendationInput, files: UploadedFile[]) {
  requireRegion(actor);
  if (input.municipalityId) {
    const [m] = await tx.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.id, input.municipalityId), eq(tenants.parentId, actor.tenantId)));
    if (!m) throw new AppError('validation', 'Муниципалитет: выберите муниципалитет своего региона', { municipalityId: 'Выберите муниципалитет своего региона' });
  }
  const [row] = await tx
    .insert(engagementRecommendations)
    .values({ tenantId: actor.tenantId, municipalityId: input.municipalityId ?? null, title: input.title, body: input.body ?? null, issuedOn: input.issuedOn, createdBy: actor.userId })
    .returning();
  for (const f of files) await storeFile(tx, actor, actor.tenantId, { kind: 'recommendation', id: row.id }, f);
  await recordAudit(tx, actor, { action: 'create', entity: 'engagement_recommendation', entityId: row.id, after: row });
  return row;
}

/** The archive: the region sees all it issued; a municipality sees those for it and for everyone. */
export async function listRecommendations(db: Db, actor: Actor) {
  let where;
  if (actor.tenantKind === 'region') where = eq(engagementRecommendations.tenantId, actor.tenantId);
  else {
    const [me] = await db.select({ parentId: tenants.parentId }).from(tenants).where(eq(tenants.id, actor.tenantId));
    if (!me?.parentId) return { items: [] };
    where = and(eq(engagementRecommendations.tenantId, me.parentId), or(isNull(engagementRecommendations.municipalityId), eq(engagementRecommendations.municipalityId, actor.tenantId)));
  }
  const found = await db
    .select({ r: engagementRecommendations, municipality: tenants.name })
    .from(engagementRecommendations)
    .leftJoin(tenants, eq(tenants.id, engagementRecommendations.municipalityId))
    .where(where)
    .orderBy(desc(engagementRecommendations.issuedOn), desc(engagementRecommendations.createdAt));
  const files = await filesOf(db, 'recommendation', found.map((x) => x.r.id));
  return { items: found.map(({ r, municipality }) => ({ ...r, municipality, files: files.filter((f) => f.ownerId === r.id) })) };
}

/** May the actor download a file of this recommendation? */
export async function recommendationVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const { items } = await listRecommendations(db, actor);
  return items.some((r) => r.id === id);
}
