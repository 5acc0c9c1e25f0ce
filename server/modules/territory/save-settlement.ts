import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { settlements } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { SettlementInput } from '../../../domain/territory/schemas';
import { recordAudit } from '../audit/record-audit';

/** Creates a settlement, or updates it when id is given; the audit row commits with it. */
export async function saveSettlement(tx: Tx, actor: Actor, input: SettlementInput, id?: string) {
  const values = {
    code: input.code,
    name: input.name,
    officialName: input.officialName ?? null,
    kind: input.kind,
    oktmo: input.oktmo ?? null,
    population: input.population ?? null,
    populationYear: input.populationYear ?? null,
    adminCentre: input.adminCentre ?? null,
  };
  if (!id) {
    const [row] = await tx.insert(settlements).values({ ...values, tenantId: actor.tenantId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'settlement', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, settlements, id, actor.tenantId, 'Поселение');
  const [row] = await tx.update(settlements).set({ ...values, updatedAt: new Date() }).where(eq(settlements.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'settlement', entityId: id, before, after: row });
  return row;
}
