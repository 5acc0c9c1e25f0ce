import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tenants } from '../db/schema';
import { KRASNOARMEYSKY_FILES } from '../seed/seed-demo';
import { seedMunicipality } from '../seed/seed-municipality';
import { readData, type TerritoryData } from '../seed/reference-data';

/**
 * A second municipality under the same region, built from the demo reference files (tenant codes
 * are unique, so the demo district's code is parked while the copy is created). Returns its id.
 */
export async function seedSecondMunicipality(database: Database, regionId: string, code = 'other-mo'): Promise<string> {
  const demoCode = readData<TerritoryData>(KRASNOARMEYSKY_FILES.territory).tenant.code;
  return database.db.transaction(async (tx) => {
    await tx.update(tenants).set({ code: `${demoCode}~parked` }).where(eq(tenants.code, demoCode));
    const t = await seedMunicipality(tx, KRASNOARMEYSKY_FILES, regionId);
    await tx.update(tenants).set({ code, name: 'Другой район (тест)' }).where(eq(tenants.id, t.id));
    await tx.update(tenants).set({ code: demoCode }).where(eq(tenants.code, `${demoCode}~parked`));
    return t.id;
  });
}
