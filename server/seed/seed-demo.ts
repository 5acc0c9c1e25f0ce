import { ensureWorkTimelines } from '../modules/analytics/work-timeline';
import type { Database } from '../db/client';
import { tenants } from '../db/schema';
import { readData, type RegionData } from './reference-data';
import { seedMunicipality } from './seed-municipality';
import { seedDemoUsers } from './demo-users';

export const KRASNOARMEYSKY_FILES = {
  territory: 'territory/krasnoarmeysky.json',
  boundary: 'territory/krasnoarmeysky-boundary.geojson',
  recipients: 'directory/krasnoarmeysky-recipients.json',
  rubricator: 'rubricator/topics.json',
};

/** True when the database has no tenant yet (a first start). */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
  return rows.length === 0;
}

/** The demo: ЦУР Саратовской области and Красноармейский район with its directory and people. */
export async function seedDemo(database: Database): Promise<{ regionId: string; municipalityId: string }> {
  const ids = await database.db.transaction(async (tx) => {
    const region = readData<RegionData>('region/saratov.json').tenant;
    const [r] = await tx.insert(tenants).values({ code: region.code, kind: 'region', name: region.name, fullName: region.regionName, timeZone: region.timeZone }).returning();
    const m = await seedMunicipality(tx, KRASNOARMEYSKY_FILES, r.id);
    await seedDemoUsers(tx, m.id, r.id);
    return { regionId: r.id, municipalityId: m.id };
  });
  // The municipality's working time, so incidents' answer times in working hours are counted from the start.
  await ensureWorkTimelines(database.db);
  return ids;
}
