/**
 * Invariants of the generated reference data in data/ (built by scripts/build-reference-data.ts).
 * The test reads only the generated files. The last block also rebuilds them from /work/shared/data
 * when that directory is present, to prove the committed files are current and deterministic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Recipient, RegionFile, Territory } from './build-reference-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(root, 'data', rel), 'utf8')) as T;

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface Fc<P> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: P; geometry: Geometry }[];
}

const territory = readJson<Territory>('territory/krasnoarmeysky.json');
const boundary = readJson<Fc<{ name: string; source: string }>>('territory/krasnoarmeysky-boundary.geojson');
const region = readJson<RegionFile>('region/saratov.json');
const regionFc = readJson<Fc<{ name: string }>>('region/saratov-districts.geojson');
const recipients = readJson<Recipient[]>('directory/krasnoarmeysky-recipients.json');

const TOPICS = ['education', 'health', 'social', 'transport', 'roads', 'energy', 'housing', 'waste'];
const CONFIDENCE = ['confirmed', 'uncertain', 'unconfirmed_name', 'historical'];

/** Independent of the build script's implementation on purpose: even-odd ray casting over all rings. */
function inside(lon: number, lat: number, g: Geometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.some((rings) => {
    let odd = false;
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[j];
        if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) odd = !odd;
      }
    return odd;
  });
}

function expectUnique(values: string[]) {
  const dupes = values.filter((v, i) => values.indexOf(v) !== i);
  expect(dupes).toEqual([]);
}

describe('territory: tenant and settlements', () => {
  it('the tenant is Красноармейский район with the census population', () => {
    expect(territory.tenant).toMatchObject({
      code: 'krasnoarmeysky',
      oktmo: '63622000',
      timeZone: 'Europe/Saratov',
      population: 41501,
      populationYear: 2021,
    });
  });

  it('has 11 поселения: 2 urban and 9 rural, with unique codes', () => {
    const s = territory.settlements;
    expect(s).toHaveLength(11);
    expect(s.filter((x) => x.kind === 'urban').map((x) => x.code)).toEqual(['krasnoarmeysk', 'kamenskoe']);
    expect(s.filter((x) => x.kind === 'rural')).toHaveLength(9);
    expectUnique(s.map((x) => x.code));
    for (const x of s) expect(x.code).toMatch(/^[a-z0-9-]+$/);
  });

  it('settlement populations (ВПН-2020, tab. 5) add up exactly to the district total 41,501', () => {
    // Rosstat ВПН-2020 vol. 1 tab. 5, row «Красноармейский муниципальный район»: 41,501.
    // The 11 поселения rows of the same table sum to exactly that; no rounding or gap.
    for (const x of territory.settlements) {
      expect(Number.isInteger(x.population)).toBe(true);
      expect(x.populationYear).toBe(2021);
    }
    const sum = territory.settlements.reduce((a, x) => a + (x.population ?? 0), 0);
    expect(sum).toBe(41501);
    expect(sum).toBe(territory.tenant.population);
  });

  it('settlement ОКТМО, where set, lies in the district and fits the kind', () => {
    const set = territory.settlements.filter((x) => x.oktmo !== null);
    expectUnique(set.map((x) => x.oktmo!));
    for (const x of set) {
      expect(x.oktmo).toMatch(/^\d{8}$/);
      expect(x.oktmo!.slice(0, 5)).toBe(territory.tenant.oktmo.slice(0, 5));
      // ОКТМО positions 6-8: 1xx-3xx городские поселения, 4xx-9xx сельские.
      const n = Number(x.oktmo!.slice(5));
      if (x.kind === 'urban') expect(n).toBeLessThan(400);
      else expect(n).toBeGreaterThanOrEqual(400);
      // A derived ОКТМО must say where it came from.
      expect(x.source).toMatch(/derived from the ОКТМО of/);
    }
  });

  it('every row keeps a source and a known confidence', () => {
    for (const x of [...territory.settlements, ...territory.localities]) {
      expect(x.source.length).toBeGreaterThan(0);
      expect(CONFIDENCE).toContain(x.confidence);
    }
  });
});

describe('territory: localities', () => {
  const settlementByCode = new Map(territory.settlements.map((s) => [s.code, s]));
  const district = boundary.features[0].geometry;

  it('codes are unique ASCII slugs', () => {
    expectUnique(territory.localities.map((l) => l.code));
    for (const l of territory.localities) expect(l.code).toMatch(/^[a-z0-9-]+$/);
  });

  it('every set settlementCode exists; only places whose поселение no source gives have none', () => {
    for (const l of territory.localities) {
      if (l.settlementCode !== null) expect(settlementByCode.has(l.settlementCode)).toBe(true);
    }
    // Белогорское and Луганское: the research names the village but not its поселение.
    expect(territory.localities.filter((l) => l.settlementCode === null).map((l) => l.name).sort()).toEqual([
      'Белогорское',
      'Луганское',
    ]);
  });

  it('a locality ОКТМО is 11 digits and starts with its settlement ОКТМО', () => {
    for (const l of territory.localities) {
      if (l.oktmo === null) continue;
      expect(l.oktmo).toMatch(/^\d{11}$/);
      const s = l.settlementCode ? settlementByCode.get(l.settlementCode) : undefined;
      if (s?.oktmo) expect(l.oktmo.slice(0, 8)).toBe(s.oktmo);
    }
  });

  it('population and its year come together; postcodes are 6 digits', () => {
    for (const l of territory.localities) {
      expect(l.population === null).toBe(l.populationYear === null);
      if (l.postcode !== null) expect(l.postcode).toMatch(/^\d{6}$/);
    }
  });

  it('every set coordinate lies inside the district polygon', () => {
    const withCoords = territory.localities.filter((l) => l.lat !== null || l.lon !== null);
    expect(withCoords.length).toBeGreaterThan(0);
    for (const l of withCoords) {
      expect(l.lat, l.name).not.toBeNull();
      expect(l.lon, l.name).not.toBeNull();
      expect(inside(l.lon!, l.lat!, district), `${l.name} ${l.lat},${l.lon}`).toBe(true);
    }
  });

  it('unknown coordinates stay empty (not invented)', () => {
    for (const name of ['Сплавнуха', 'Карамыш', 'Белогорское', 'Луганское']) {
      const l = territory.localities.find((x) => x.name === name);
      expect(l, name).toBeDefined();
      expect([l!.lat, l!.lon]).toEqual([null, null]);
    }
  });
});

describe('boundary and region', () => {
  it('the district boundary is one feature with the OSM attribution', () => {
    expect(boundary.type).toBe('FeatureCollection');
    expect(boundary.features).toHaveLength(1);
    expect(boundary.features[0].properties).toEqual({
      name: 'Красноармейский муниципальный район',
      source: 'OpenStreetMap contributors, ODbL 1.0',
    });
  });

  it('the region lists the 42 OSM units, unique, matching the polygons one to one', () => {
    expect(region.tenant).toEqual({
      code: 'saratov-oblast',
      name: 'ЦУР Саратовской области',
      regionName: 'Саратовская область',
      timeZone: 'Europe/Saratov',
    });
    const names = region.municipalUnits.map((u) => u.name);
    expect(names).toHaveLength(42);
    expectUnique(names);
    expect(regionFc.features.map((f) => f.properties.name)).toEqual(names);
    for (const f of regionFc.features) expect(Object.keys(f.properties)).toEqual(['name']);
  });

  it('region ОКТМО, where set, is 8 digits, unique, sourced, and agrees with the tenant', () => {
    const set = region.municipalUnits.filter((u) => u.oktmo !== null);
    expectUnique(set.map((u) => u.oktmo!));
    for (const u of set) {
      expect(u.oktmo).toMatch(/^63\d{6}$/);
      expect(u.oktmoSource).toMatch(/derived from the ОКТМО of/);
    }
    expect(region.municipalUnits.find((u) => u.name === 'Красноармейский район')?.oktmo).toBe(territory.tenant.oktmo);
  });

  it('region coordinates have at most 5 decimals and rings are closed', () => {
    for (const f of regionFc.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [x, y] of ring) {
          expect(Math.round(x * 1e5) / 1e5).toBe(x);
          expect(Math.round(y * 1e5) / 1e5).toBe(y);
        }
      }
    }
  });

  it('the town of Красноармейск falls into «Красноармейский район» of the region layer and no other', () => {
    const town = territory.localities.find((l) => l.code === 'krasnoarmeysk')!;
    const hits = regionFc.features.filter((f) => inside(town.lon!, town.lat!, f.geometry)).map((f) => f.properties.name);
    expect(hits).toEqual(['Красноармейский район']);
  });
});

describe('recipients', () => {
  const byCode = new Map(recipients.map((r) => [r.code, r]));

  it('codes are unique ASCII slugs and kinds are known', () => {
    expectUnique(recipients.map((r) => r.code));
    for (const r of recipients) {
      expect(r.code).toMatch(/^[a-z0-9-]+$/);
      expect(['department', 'institution', 'enterprise', 'settlement_admin', 'state_body']).toContain(r.kind);
      expect(CONFIDENCE).toContain(r.confidence);
      expect(r.source.length).toBeGreaterThan(0);
    }
  });

  it('every parentCode exists and the hierarchy has no cycles', () => {
    for (const r of recipients) {
      if (r.parentCode !== null) expect(byCode.has(r.parentCode), `${r.code} → ${r.parentCode}`).toBe(true);
      const seen = new Set<string>();
      let cur: Recipient | undefined = r;
      while (cur) {
        expect(seen.has(cur.code), `cycle through ${cur.code}`).toBe(false);
        seen.add(cur.code);
        cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
      }
    }
  });

  it('every topic code is one of the 8', () => {
    for (const r of recipients) {
      expectUnique(r.topicCodes);
      for (const t of r.topicCodes) expect(TOPICS, r.code).toContain(t);
    }
  });

  it('each of the 11 поселения has exactly one settlement administration', () => {
    for (const s of territory.settlements) {
      expect(recipients.filter((r) => r.kind === 'settlement_admin' && r.settlementCode === s.code), s.code).toHaveLength(1);
    }
    for (const r of recipients) {
      if (r.kind === 'settlement_admin') expect(territory.settlements.some((s) => s.code === r.settlementCode)).toBe(true);
      else expect(r.settlementCode).toBeNull();
    }
  });

  it('no invented legal names: unconfirmed names say so, doubtful rows carry a note for admins', () => {
    for (const r of recipients) {
      if (r.confidence === 'unconfirmed_name') expect(r.name).toMatch(/уточняется/);
      if (r.confidence !== 'confirmed') expect(r.note, r.code).toBeTruthy();
      if (r.note !== null) expect(r.note).toMatch(/[а-яё]/i);
      // Researcher's editorial remarks must not leak into displayed names.
      expect(r.name).not.toMatch(/ПАО\/АО|not found|\(Саратовской области\)/);
    }
  });
});

const shared = resolve(process.cwd(), '../shared/data');
describe.skipIf(!existsSync(shared))('build is current and deterministic', () => {
  it('rebuilding from the shared sources gives the files in data/ byte for byte', async () => {
    const { buildAll } = await import('./build-reference-data');
    const first = buildAll(shared).files;
    const second = buildAll(shared).files;
    expect(second).toEqual(first);
    for (const [rel, content] of Object.entries(first)) {
      expect(readFileSync(join(root, 'data', rel), 'utf8'), rel).toBe(content);
    }
  });
});
