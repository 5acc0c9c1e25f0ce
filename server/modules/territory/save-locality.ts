import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { localities, settlements } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { LocalityInput } from '../../../domain/territory/schemas';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** Creates or updates a населённый пункт; a point needs both coordinates or none. */
export async function saveLocality(tx: Tx, actor: Actor, input: LocalityInput, id?: string) {
  await assertOwnedRef(tx, settlements, input.settlementId, actor.tenantId, 'settlementId', 'Поселение');
  if ((input.lat == null) !== (input.lon == null)) {
    throw new AppError('validation', 'Координаты: укажите и широту, и долготу, или ни одну', { lat: 'Укажите обе координаты' });
  }
  const values = {
    code: input.code,
    name: input.name,
    type: input.type,
    settlementId: input.settlementId ?? null,
    oktmo: input.oktmo ?? null,
    postcode: input.postcode ?? null,
    population: input.population ?? null,
    populationYear: input.populationYear ?? null,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
  };
  if (!id) {
    const [row] = await tx.insert(localities).values({ ...values, tenantId: actor.tenantId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'locality', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, localities, id, actor.tenantId, 'Населённый пункт');
  const [row] = await tx.update(localities).set({ ...values, updatedAt: new Date() }).where(eq(localities.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'locality', entityId: id, before, after: row });
  return row;
}
