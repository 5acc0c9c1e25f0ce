import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { localities, settlements, tenants } from '../../db/schema';

export async function listSettlements(db: Db, tenantId: string) {
  return db.select().from(settlements).where(eq(settlements.tenantId, tenantId)).orderBy(asc(settlements.name));
}

export async function listLocalities(db: Db, tenantId: string) {
  return db.select().from(localities).where(eq(localities.tenantId, tenantId)).orderBy(asc(localities.name));
}

export async function getTenant(db: Db, tenantId: string) {
  const [t] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return t;
}
