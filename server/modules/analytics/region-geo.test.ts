import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { signIn, testApp } from '../../test/http';

describe.each(targets())('region map on %s', (target) => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let ids: { regionId: string; municipalityId: string };

  beforeAll(async () => {
    const db = await freshDatabase(target, { demo: true });
    dispose = db.dispose;
    ids = db.ids;
    app = await testApp(db.database);
  }, 300_000); // the demo seed on PGlite on a shared machine

  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('gives the ЦУР its municipal units with the connected municipality matched, boundaries only', async () => {
    const region = await signIn(app, 'region');
    const res = await region.get('/api/analytics/region/geo');
    expect(res.statusCode, res.body).toBe(200);
    const geo = res.json() as { type: string; features: { properties: { name: string; municipalityId: string | null; kind: string }; geometry: { type: string } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(42); // data/region/saratov-districts.geojson
    const connected = geo.features.filter((f) => f.properties.municipalityId);
    expect(connected.map((f) => [f.properties.name, f.properties.municipalityId])).toEqual([['Красноармейский район', ids.municipalityId]]);
    for (const f of geo.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(Object.keys(geo.features[0].properties).sort()).toEqual(['kind', 'municipalityId', 'name']);
  });

  it('is the ЦУР’s only', async () => {
    const head = await signIn(app, 'head');
    expect((await head.get('/api/analytics/region/geo')).statusCode).toBe(403);
  });
});
