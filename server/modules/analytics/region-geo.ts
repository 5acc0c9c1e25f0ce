import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { readData } from '../../seed/reference-data';
import { AppError } from '../../errors';

interface RegionFile {
  tenant: { code: string };
  municipalUnits: { name: string; oktmo: string | null }[];
}
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> & { name: string };
  geometry: { type: string; coordinates: unknown };
}

/** Coordinates rounded to 0.002° (~200 m) without repeated points: the region map at screen size, a fraction of the file. */
function simplify(c: unknown): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number') return [Math.round((c[0] as number) * 500) / 500, Math.round((c[1] as number) * 500) / 500];
  if (!Array.isArray(c)) return c;
  const out = c.map(simplify);
  if (Array.isArray(out[0]) && typeof (out[0] as unknown[])[0] === 'number') {
    const ring = out.filter((p, i) => i === 0 || JSON.stringify(p) !== JSON.stringify(out[i - 1]));
    return ring.length >= 4 ? ring : out;
  }
  return out;
}

const cache = new Map<string, { units: RegionFile['municipalUnits']; features: Feature[] } | null>();

/** data/region/<name>.json whose tenant code is the region's, and its <name>-districts.geojson. */
function regionGeo(code: string) {
  if (!cache.has(code)) {
    const dir = new URL('../../../data/region/', import.meta.url);
    const file = readdirSync(dir).find((f) => f.endsWith('.json') && readData<RegionFile>(`region/${f}`).tenant?.code === code);
    if (!file) cache.set(code, null);
    else {
      const data = readData<RegionFile>(`region/${file}`);
      const geo = readData<{ features: Feature[] }>(`region/${file.replace(/\.json$/, '')}-districts.geojson`);
      cache.set(code, { units: data.municipalUnits, features: geo.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: simplify(f.geometry.coordinates) } })) });
    }
  }
  return cache.get(code) ?? null;
}

/** «Красноармейский муниципальный район» and «Красноармейский район» → «красноармейский». */
const stem = (name: string) => name.toLowerCase().replace(/ё/g, 'е').replace(/муниципальный|городской округ|район|город|г\.|зато/g, '').trim().split(/\s+/)[0] ?? '';

/**
 * GET /api/analytics/region/geo: the region's municipal units (shipped GeoJSON, simplified) with the
 * id of the municipality in the system, matched by ОКТМО or, failing that, by name. Boundaries only.
 */
export async function regionGeoJson(db: Db, actor: Actor) {
  if (actor.tenantKind !== 'region') throw new AppError('forbidden', 'Карта региона доступна ЦУР');
  const [region] = await rows<{ code: string }>(db, sql`SELECT code FROM tenants WHERE id = ${actor.tenantId}`);
  const geo = region ? regionGeo(region.code) : null;
  if (!geo) return { type: 'FeatureCollection', features: [] };
  const municipalities = await rows<{ id: string; name: string; oktmo: string | null }>(
    db,
    sql`SELECT id::text, name, oktmo FROM tenants WHERE parent_id = ${actor.tenantId} AND kind = 'municipality' AND is_active`,
  );
  const oktmoOf = new Map(geo.units.map((u) => [u.name, u.oktmo]));
  const match = (name: string) => {
    const oktmo = oktmoOf.get(name);
    return municipalities.find((m) => (oktmo && m.oktmo === oktmo) || stem(m.name) === stem(name)) ?? null;
  };
  return {
    type: 'FeatureCollection',
    features: geo.features.map((f) => ({ type: 'Feature', properties: { kind: 'municipality', name: f.properties.name, municipalityId: match(f.properties.name)?.id ?? null }, geometry: f.geometry })),
  };
}
