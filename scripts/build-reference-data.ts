/**
 * Builds the product's reference data (data/) from the researched facts in /work/shared/data.
 *
 *   npx tsx scripts/build-reference-data.ts [--shared /work/shared/data] [--out data]
 *
 * Facts are copied, never invented: a coordinate, ОКТМО, population or name that no source gives
 * stays null. Every row keeps its source and confidence. The output is deterministic (stable order,
 * pretty-printed, trailing newline), so running the script twice gives identical files.
 *
 * The product reads only the generated files; it never reads /work/shared at run time.
 * The script stops with an error when the sources contradict each other, instead of guessing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

// ---------------------------------------------------------------------------------------------
// Types of the generated files

export type Confidence = 'confirmed' | 'uncertain' | 'unconfirmed_name' | 'historical';

export interface Tenant {
  code: string;
  name: string;
  fullName: string;
  oktmo: string;
  timeZone: string;
  population: number;
  populationYear: number;
  adminCentre: string;
  source: string;
}

export interface Settlement {
  code: string;
  name: string;
  officialName: string;
  kind: 'urban' | 'rural';
  oktmo: string | null;
  population: number | null;
  populationYear: number | null;
  adminCentre: string | null;
  source: string;
  confidence: Confidence;
}

export interface Locality {
  code: string;
  name: string;
  type: string;
  settlementCode: string | null;
  oktmo: string | null;
  postcode: string | null;
  population: number | null;
  populationYear: number | null;
  lat: number | null;
  lon: number | null;
  source: string;
  confidence: Confidence;
}

export interface Territory {
  tenant: Tenant;
  settlements: Settlement[];
  localities: Locality[];
}

export const TOPIC_CODES = [
  'education',
  'health',
  'social',
  'transport',
  'roads',
  'energy',
  'housing',
  'waste',
] as const;
export type TopicCode = (typeof TOPIC_CODES)[number];

export const RECIPIENT_KINDS = [
  'department',
  'institution',
  'enterprise',
  'settlement_admin',
  'state_body',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Recipient {
  code: string;
  name: string;
  kind: RecipientKind;
  parentCode: string | null;
  topicCodes: TopicCode[];
  settlementCode: string | null;
  confidence: Confidence;
  source: string;
  note: string | null;
}

export interface RegionFile {
  tenant: { code: string; name: string; regionName: string; timeZone: string };
  municipalUnits: {
    name: string;
    oktmo: string | null;
    oktmoSource: string | null;
    note: string | null;
  }[];
  source: string;
}

type Position = [number, number];
type Ring = Position[];
interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: AreaGeometry;
}
interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

// ---------------------------------------------------------------------------------------------
// Constants: the product's identifiers (not facts) and the fixed tenant records from the brief

const VPN2020_URL =
  'https://github.com/xdhao/settlements-RF_backend/blob/f65f72f2be416c277a999438d63e250553d2825a/src/input_data/tab-5_VPN-2020.csv';
const USTAV_URL =
  'https://krasnoarmeysk64.ru/krasnoarmeyskiy-rayon/informatsiya-o-munitsipalnom-rayone/ustav-rayona/';
const HFLABS_URL = 'https://github.com/hflabs/city';
const OSM_SOURCE = 'OpenStreetMap contributors, ODbL 1.0';
const OSM_REPO_URL = 'https://github.com/timurkanaz/Russia_geojson_OSM';
const DISTRICT_NAME = 'Красноармейский муниципальный район';

/**
 * The 11 поселения in census order. `stem` is how each one is recognised in the free-text
 * `settlement` columns of the source CSVs; `name` is how people say it; `genitive` builds the
 * descriptive name of its administration. ОКТМО, population and adm. centre come from the sources.
 */
const SETTLEMENTS: {
  code: string;
  stem: RegExp;
  name: string;
  kind: 'urban' | 'rural';
  adminName: string;
}[] = [
  { code: 'krasnoarmeysk', stem: /(город|г\.) Красноармейск/, name: 'город Красноармейск', kind: 'urban', adminName: 'Муниципальное образование город Красноармейск (орган управления и наименование уточняются)' },
  { code: 'kamenskoe', stem: /Каменск/, name: 'Каменское', kind: 'urban', adminName: 'Администрация Каменского МО (наименование уточняется)' },
  { code: 'vysokovskoe', stem: /Высоковск/, name: 'Высоковское', kind: 'rural', adminName: 'Администрация Высоковского МО (наименование уточняется)' },
  { code: 'gvardeyskoe', stem: /Гвардейск/, name: 'Гвардейское', kind: 'rural', adminName: 'Администрация Гвардейского МО (наименование уточняется)' },
  { code: 'zolotovskoe', stem: /Золотовск/, name: 'Золотовское', kind: 'rural', adminName: 'Администрация Золотовского МО (наименование уточняется)' },
  { code: 'karamyshskoe', stem: /Карамышск/, name: 'Карамышское', kind: 'rural', adminName: 'Администрация Карамышского МО (наименование уточняется)' },
  { code: 'luganskoe', stem: /Луганск/, name: 'Луганское', kind: 'rural', adminName: 'Администрация Луганского МО (наименование уточняется)' },
  { code: 'nizhnebannovskoe', stem: /Нижнебанновск/, name: 'Нижнебанновское', kind: 'rural', adminName: 'Администрация Нижнебанновского МО (наименование уточняется)' },
  { code: 'rogatkinskoe', stem: /Рогаткинск/, name: 'Рогаткинское', kind: 'rural', adminName: 'Администрация Рогаткинского МО (наименование уточняется)' },
  { code: 'rossoshanskoe', stem: /Россошанск/, name: 'Россошанское', kind: 'rural', adminName: 'Администрация Россошанского МО (наименование уточняется)' },
  { code: 'splavnukhinskoe', stem: /Сплавнухинск/, name: 'Сплавнухинское', kind: 'rural', adminName: 'Администрация Сплавнухинского МО (полное наименование уточняется)' },
];

/** Product codes of the recipients, keyed by the exact CSV name. Settlement admins get `admin-<settlement>`. */
const RECIPIENT_CODES: Record<string, string> = {
  'Администрация Красноармейского муниципального района Саратовской области': 'krasnoarmeysky-admin',
  'отдел организационной и кадровой работы': 'krasnoarmeysky-admin-org-hr',
  'МУП «Стоматологическая поликлиника Красноармейского муниципального района Саратовской области»': 'krasnoarmeysky-mup-dental',
  'районная больница в г. Красноармейске': 'krasnoarmeysk-district-hospital',
  'Саратовский филиал АО «Ситиматик»': 'citymatic-saratov',
  'министерство природных ресурсов и экологии Саратовской области': 'saratov-min-nature',
  '«Газпром газораспределение Саратовская область» (ПАО/АО)': 'gazprom-gr-saratov',
  'министерство промышленности и энергетики Саратовской области': 'saratov-min-industry-energy',
  'филиал ПАО «Россети Волга» — «Саратовские РС»': 'rosseti-volga-saratov',
  'министерство транспорта и дорожного хозяйства Саратовской области': 'saratov-min-transport',
  'Дирекция транспорта и дорожного хозяйства': 'saratov-road-directorate',
  'министерство строительства и жилищно-коммунального хозяйства Саратовской области': 'saratov-min-construction-housing',
  'министерство здравоохранения Саратовской области': 'saratov-min-health',
  'министерство социальной защиты (Саратовской области)': 'saratov-min-social',
  'Министерство по делам территориальных образований Саратовской области': 'saratov-min-territories',
};

/**
 * How a recipient is shown when the source name is not a clean official name. Keys are CSV names.
 * Nothing here adds a legal name that no source gives: it either removes an editorial remark
 * from the researcher or says what the body is and that its name is being clarified.
 */
const RECIPIENT_DISPLAY: Record<string, { name: string; note: string | null }> = {
  'районная больница в г. Красноармейске': {
    name: 'Районная больница в г. Красноармейске (наименование уточняется)',
    note: 'Больница существует (её упоминают жители), но официальное наименование учреждения в источниках не найдено. Уточните наименование до показа.',
  },
  '«Газпром газораспределение Саратовская область» (ПАО/АО)': {
    name: '«Газпром газораспределение Саратовская область»',
    note: 'Организационно-правовая форма в источниках расходится: ПАО (2021) и АО (2022). Местный филиал в Красноармейске не найден.',
  },
  'министерство социальной защиты (Саратовской области)': {
    name: 'Министерство социальной защиты Саратовской области (наименование уточняется)',
    note: 'В источнике встречено только краткое наименование «министерство социальной защиты»; полное официальное наименование не найдено.',
  },
  'министерство транспорта и дорожного хозяйства Саратовской области': {
    name: 'Министерство транспорта и дорожного хозяйства Саратовской области',
    note: 'В новости августа 2025 г. упоминается «Министерство дорожного хозяйства Саратовской области»: министерство могло быть переименовано или разделено. Проверьте наименование.',
  },
  'Дирекция транспорта и дорожного хозяйства': {
    name: 'Дирекция транспорта и дорожного хозяйства',
    note: 'Организационно-правовая форма (например, ГКУ СО) в источнике не указана; наименование уточняется.',
  },
  'МУП «Стоматологическая поликлиника Красноармейского муниципального района Саратовской области»': {
    name: 'МУП «Стоматологическая поликлиника Красноармейского муниципального района Саратовской области»',
    note: 'Наименование найдено только в данных 2013 г.; существует ли предприятие сейчас, не проверено.',
  },
};

const SETTLEMENT_ADMIN_NOTE: Record<string, string> = {
  krasnoarmeysk:
    'Городское поселение существует (Устав района, перепись 2021), но кто им управляет (своя администрация или администрация района) и точное наименование органа не найдены.',
  splavnukhinskoe:
    'Своя администрация есть (в 2025 г. упоминается её глава), но полное официальное наименование в источнике не прочитано.',
};
const SETTLEMENT_ADMIN_DEFAULT_NOTE =
  'Поселение существует (Устав района, перепись 2021), но наименование его администрации в источниках не найдено.';
const SETTLEMENT_ADMIN_MISSING_NOTE =
  'Поселения нет в списке получателей исследования; запись добавлена, чтобы у каждого поселения был получатель. Наименование и сам орган не подтверждены.';

const TOPIC_MAP: Record<string, TopicCode> = {
  образование: 'education',
  здравоохранение: 'health',
  'социальная защита': 'social',
  транспорт: 'transport',
  'дорожная деятельность': 'roads',
  энергетика: 'energy',
  ЖКХ: 'housing',
  ТКО: 'waste',
};

const LOCALITY_TYPES: Record<string, string> = {
  город: 'город',
  'рабочий посёлок': 'рабочий посёлок',
  'рабочий посёлок (пгт)': 'рабочий посёлок',
  село: 'село',
  деревня: 'деревня',
  посёлок: 'посёлок',
};

// ---------------------------------------------------------------------------------------------
// Helpers

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

function fail(message: string): never {
  throw new Error(`build-reference-data: ${message}`);
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function slug(text: string): string {
  const latin = [...text.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
  return latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function emptyToNull(s: string | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

function intOrNull(s: string | undefined): number | null {
  const t = emptyToNull(s);
  if (t === null) return null;
  if (!/^\d+$/.test(t)) fail(`not an integer: ${t}`);
  return Number(t);
}

function numOrNull(s: string | undefined): number | null {
  const t = emptyToNull(s);
  if (t === null) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) fail(`not a number: ${t}`);
  return n;
}

function asConfidence(s: string | undefined): Confidence {
  const t = (s ?? '').trim();
  if (t === 'confirmed' || t === 'uncertain' || t === 'unconfirmed_name' || t === 'historical') return t;
  return fail(`unknown confidence: ${t}`);
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Joins source strings, splitting on « ; », dropping duplicates (also a URL that differs only in
 * percent-encoding) and keeping the first-seen spelling and order.
 */
function joinSources(...parts: (string | null | undefined)[]): string {
  const seen: string[] = [];
  for (const p of parts) {
    for (const s of (p ?? '').split(/\s+;\s+/)) {
      const t = s.trim();
      if (t && !seen.some((x) => safeDecodeUri(x) === safeDecodeUri(t))) seen.push(t);
    }
  }
  return seen.join(' ; ');
}

/** Maps the free-text `settlement` column to a settlement code; null when the source says «not found». */
function settlementCodeOf(text: string): string | null {
  const t = text.trim();
  if (t === '' || /^not found/i.test(t)) return null;
  const hits = SETTLEMENTS.filter((s) => s.stem.test(t));
  if (hits.length !== 1) fail(`cannot map settlement text «${t}» (${hits.length} matches)`);
  return hits[0].code;
}

/** Ray casting over all rings of a (multi)polygon: inside the outer ring and not inside a hole. */
export function pointInGeometry(lon: number, lat: number, geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

/** Rounds a ring to 5 decimals and drops consecutive duplicate positions that rounding creates. */
function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [round5(x), round5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4) fail('a ring collapsed when rounded to 5 decimals');
  return out;
}

function roundGeometry(g: AreaGeometry): AreaGeometry {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * GeoJSON is pretty-printed down to the ring level; each ring is one line of compact positions.
 * That keeps the file small (one line per vertex would triple it) and still diffable per ring.
 */
export function toGeoJson(fc: FeatureCollection<object>): string {
  const pretty = JSON.stringify(
    fc,
    (key, value) => (key === 'coordinates' ? ringsToMarkers(value) : value),
    2,
  );
  return `${pretty.replace(/"@@RING@@(\[.*?\])@@"/g, '$1')}\n`;
}

function ringsToMarkers(coordinates: unknown): unknown {
  // A ring is an array whose items are positions ([number, number]).
  const isPosition = (v: unknown) => Array.isArray(v) && typeof v[0] === 'number';
  const isRing = (v: unknown) => Array.isArray(v) && isPosition(v[0]);
  const walk = (v: unknown): unknown =>
    isRing(v) ? `@@RING@@${JSON.stringify(v)}@@` : Array.isArray(v) ? v.map(walk) : v;
  return walk(coordinates);
}

// ---------------------------------------------------------------------------------------------
// Builders

export interface BuildResult {
  /** Path relative to the output root → file content. */
  files: Record<string, string>;
  /** Human-readable notes on ambiguous source values and what was chosen. */
  decisions: string[];
}

export function buildAll(sharedDataDir: string): BuildResult {
  const decisions: string[] = [];
  const geo = (f: string) => join(sharedDataDir, 'geo', f);
  const dir = (f: string) => join(sharedDataDir, 'directory', f);

  // ---- census: three copies of the same Rosstat table must agree -------------------------------
  const census2021 = readCsv(geo('krasnoarmeysky_settlements_2021.csv'));
  const vpn = readCsv(geo('krasnoarmeysky_municipalities_vpn2020.csv'));
  const units = readCsv(dir('municipal_units.csv'));
  const tab5 = readCsv(geo('rosstat_vpn2020_tab5_saratov_oblast.csv'));

  const districtRow = vpn.find((r) => r.type === 'municipal_district') ?? fail('no district row in vpn2020 csv');
  const districtPopulation = intOrNull(districtRow.population_2020_census) ?? fail('no district population');
  const tab5District = tab5.find((r) => r.object === DISTRICT_NAME) ?? fail('district not in tab5');
  if (Number(tab5District.population_total) !== districtPopulation) fail('district population differs between census files');
  const unitsDistrict = units.find((r) => r.type === 'муниципальный район') ?? fail('no district in municipal_units.csv');
  if (Number(unitsDistrict.population_2021) !== districtPopulation) fail('district population differs in municipal_units.csv');

  const settlements: Settlement[] = SETTLEMENTS.map((s) => {
    const c = census2021.filter((r) => s.stem.test(r.settlement));
    const v = vpn.filter((r) => r.type !== 'municipal_district' && s.stem.test(r.name));
    const u = units.filter((r) => r.type !== 'муниципальный район' && s.stem.test(r.name));
    const t = tab5
      .slice(tab5.indexOf(tab5District) + 1, tab5.indexOf(tab5District) + 18)
      .filter((r) => s.stem.test(r.object) && /поселение/.test(r.object));
    if (c.length !== 1 || v.length !== 1 || u.length !== 1 || t.length !== 1)
      fail(`settlement ${s.code}: expected one row in each census file, got ${c.length}/${v.length}/${u.length}/${t.length}`);
    const population = intOrNull(c[0].population_2021);
    if (population !== intOrNull(v[0].population_2020_census) || population !== intOrNull(u[0].population_2021) || population !== intOrNull(t[0].population_total))
      fail(`settlement ${s.code}: census populations disagree`);
    const kind = c[0].kind === 'городское поселение' ? 'urban' : c[0].kind === 'сельское поселение' ? 'rural' : fail(`kind ${c[0].kind}`);
    if (kind !== s.kind) fail(`settlement ${s.code}: kind ${kind} in census, ${s.kind} expected`);
    if ((u[0].type === 'городское поселение' ? 'urban' : 'rural') !== kind) fail(`settlement ${s.code}: kind differs in municipal_units.csv`);
    const adminCentre = emptyToNull(u[0].admin_centre);
    return {
      code: s.code,
      name: s.name,
      officialName: capitalizeFirst(u[0].name),
      kind,
      oktmo: null, // filled below from locality ОКТМО, where unambiguous
      population,
      populationYear: 2021,
      adminCentre: adminCentre === null || /^not found/i.test(adminCentre) ? null : adminCentre,
      source: joinSources(VPN2020_URL, u[0].source_url),
      confidence: 'confirmed',
    };
  });
  const sum = settlements.reduce((a, s) => a + (s.population ?? 0), 0);
  if (sum !== districtPopulation) fail(`settlement populations sum to ${sum}, district has ${districtPopulation}`);

  // ---- localities: merge directory/localities.csv and geo/krasnoarmeysky_places.csv ------------
  const dirLocalities = readCsv(dir('localities.csv'));
  const places = readCsv(geo('krasnoarmeysky_places.csv'));
  const key = (name: string, settlementCode: string | null) => `${name}|${settlementCode ?? ''}`;
  const placeByKey = new Map<string, Row>();
  for (const p of places) {
    const k = key(p.name, settlementCodeOf(p.settlement));
    if (placeByKey.has(k)) fail(`duplicate place ${k}`);
    placeByKey.set(k, p);
  }
  const used = new Set<string>();

  const mergeOne = (d: Row | null, p: Row | null): Omit<Locality, 'code'> => {
    const name = (d?.name ?? p?.name)!;
    const settlementCode = settlementCodeOf((d?.settlement ?? p?.settlement)!);
    const pick = (field: string, a: string | null, b: string | null): string | null => {
      if (a !== null && b !== null && a !== b) fail(`${name}: ${field} differs between sources (${a} / ${b})`);
      return a ?? b;
    };
    const typeOf = (raw: string | undefined) => {
      const t = emptyToNull(raw);
      if (t === null) return null;
      return LOCALITY_TYPES[t] ?? fail(`${name}: unknown locality type «${t}»`);
    };
    const type = pick('type', typeOf(d?.type), typeOf(p?.type)) ?? fail(`${name}: no type`);
    if (p && d && p.type !== d.type)
      decisions.push(`Locality ${name}: type «${d.type}» (localities.csv) and «${p.type}» (places.csv) are the same; stored «${type}».`);
    const oktmo = pick('oktmo', emptyToNull(d?.oktmo), emptyToNull(p?.oktmo));
    if (oktmo !== null && !/^\d{11}$/.test(oktmo)) fail(`${name}: ОКТМО ${oktmo} is not 11 digits`);
    const lat = numOrNull(p?.lat);
    const lon = numOrNull(p?.lon);
    if ((lat === null) !== (lon === null)) fail(`${name}: only one of lat/lon is set`);
    return {
      name,
      type,
      settlementCode,
      oktmo,
      postcode: emptyToNull(d?.postcode),
      population: intOrNull(p?.population),
      populationYear: intOrNull(p?.population_year),
      lat,
      lon,
      source: joinSources(p?.source_url, d?.source_url),
      // places.csv has no confidence column; each of its values carries its own source.
      confidence: d ? asConfidence(d.confidence) : 'confirmed',
    };
  };

  const merged: Omit<Locality, 'code'>[] = [];
  for (const d of dirLocalities) {
    const k = key(d.name, settlementCodeOf(d.settlement));
    const p = placeByKey.get(k) ?? null;
    if (p) used.add(k);
    else if (places.some((x) => x.name === d.name))
      fail(`${d.name}: same name in places.csv but a different settlement`);
    merged.push(mergeOne(d, p));
  }
  for (const [k, p] of placeByKey) if (!used.has(k)) merged.push(mergeOne(null, p));

  const localityCodes = new Set<string>();
  const localities: Locality[] = merged.map((l) => {
    let code = slug(l.name);
    if (localityCodes.has(code)) code = `${code}-${l.settlementCode ?? 'unknown'}`;
    if (localityCodes.has(code)) fail(`duplicate locality code ${code}`);
    localityCodes.add(code);
    return { code, ...l };
  });
  for (const l of localities) {
    if (l.settlementCode === null)
      decisions.push(`Locality ${l.name}: the source gives no поселение («${dirLocalities.find((d) => d.name === l.name)?.settlement}»); settlementCode left null.`);
  }

  // ---- settlement ОКТМО from the 11-digit ОКТМО of its localities -----------------------------
  for (const s of settlements) {
    const withOktmo = localities.filter((l) => l.settlementCode === s.code && l.oktmo !== null);
    const prefixes = [...new Set(withOktmo.map((l) => l.oktmo!.slice(0, 8)))];
    if (prefixes.length === 1) {
      s.oktmo = prefixes[0];
      const from = withOktmo.map((l) => `${l.type === 'город' ? 'г.' : l.type === 'рабочий посёлок' ? 'рп' : 'с.'} ${l.name} ${l.oktmo}`).join(', ');
      s.source = joinSources(s.source, `ОКТМО derived from the ОКТМО of ${from} (first 8 digits)`);
    } else if (prefixes.length > 1) {
      decisions.push(`Settlement ${s.code}: its localities have ОКТМО prefixes ${prefixes.join(', ')}; ОКТМО left null.`);
    }
  }

  // ---- tenant ----------------------------------------------------------------------------------
  const hflabs = readCsv(geo('hflabs_city_saratov_oblast.csv'));
  const krasnoarmeyskCity = hflabs.find((r) => r.city === 'Красноармейск') ?? fail('Красноармейск not in hflabs');
  const tenantOktmo = `${krasnoarmeyskCity.oktmo.slice(0, 5)}000`;
  if (!/ОКТМО 63 622/.test(unitsDistrict.note) || tenantOktmo !== '63622000') fail('district ОКТМО does not match 63622');
  if (unitsDistrict.admin_centre !== 'г. Красноармейск') fail('district admin centre changed');
  const tenant: Tenant = {
    code: 'krasnoarmeysky',
    name: DISTRICT_NAME,
    fullName: 'Красноармейский муниципальный район Саратовской области',
    oktmo: tenantOktmo,
    timeZone: 'Europe/Saratov',
    population: districtPopulation,
    populationYear: 2021,
    adminCentre: unitsDistrict.admin_centre,
    source: joinSources(USTAV_URL, VPN2020_URL),
  };

  const territory: Territory = { tenant, settlements, localities };

  // ---- district boundary -------------------------------------------------------------------------
  const districtFc = JSON.parse(readFileSync(geo('krasnoarmeysky_district_osm.geojson'), 'utf8')) as FeatureCollection<Record<string, string>>;
  if (districtFc.features.length !== 1) fail('district geojson must have exactly one feature');
  const districtGeometry = districtFc.features[0].geometry;
  const boundary: FeatureCollection<{ name: string; source: string }> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: DISTRICT_NAME, source: OSM_SOURCE }, geometry: districtGeometry }],
  };
  for (const l of localities) {
    if (l.lat !== null && l.lon !== null && !pointInGeometry(l.lon, l.lat, districtGeometry))
      fail(`${l.name} (${l.lat}, ${l.lon}) lies outside the district polygon`);
  }

  // ---- region --------------------------------------------------------------------------------------
  const oblastFc = JSON.parse(readFileSync(geo('saratov_oblast_municipal_districts_osm.geojson'), 'utf8')) as FeatureCollection<{ district: string }>;
  const townsByUnit = new Map<string, Row[]>();
  for (const town of hflabs) {
    const lat = Number(town.geo_lat);
    const lon = Number(town.geo_lon);
    const hits = oblastFc.features.filter((f) => pointInGeometry(lon, lat, f.geometry));
    if (hits.length !== 1) {
      decisions.push(`Town ${town.city} (hflabs) falls into ${hits.length} OSM polygons; not used for ОКТМО.`);
      continue;
    }
    const unit = hits[0].properties.district;
    townsByUnit.set(unit, [...(townsByUnit.get(unit) ?? []), town]);
  }
  const municipalUnits: RegionFile['municipalUnits'] = oblastFc.features.map((f) => {
    const name = f.properties.district;
    const towns = townsByUnit.get(name) ?? [];
    const prefixes = [...new Set(towns.map((t) => t.oktmo.slice(0, 5)))];
    let oktmo: string | null = null;
    let oktmoSource: string | null = null;
    if (prefixes.length === 1) {
      oktmo = `${prefixes[0]}000`;
      oktmoSource = `derived from the ОКТМО of ${towns.map((t) => `г. ${t.city} ${t.oktmo}`).join(', ')} (hflabs/city, CC BY-SA 4.0; ${HFLABS_URL}): first 5 digits + 000`;
    } else if (prefixes.length > 1) {
      decisions.push(`Region unit ${name}: towns with ОКТМО prefixes ${prefixes.join(', ')}; ОКТМО left null.`);
    }
    let note: string | null = null;
    if (name === 'Саратовский район')
      note = 'По данным исследования (directory/README.md) Саратовский район вошёл в городской округ Саратов 01.01.2022; полигон OSM старше этой реформы.';
    return { name, oktmo, oktmoSource, note };
  });
  const krasnoarmeyskyUnit = municipalUnits.find((u) => u.name === 'Красноармейский район') ?? fail('no Красноармейский район polygon');
  if (krasnoarmeyskyUnit.oktmo !== tenant.oktmo) fail('region ОКТМО of Красноармейский район differs from the tenant ОКТМО');

  const region: RegionFile = {
    tenant: { code: 'saratov-oblast', name: 'ЦУР Саратовской области', regionName: 'Саратовская область', timeZone: 'Europe/Saratov' },
    municipalUnits,
    source: `${OSM_SOURCE}; ${OSM_REPO_URL} (Admin_Level=6, snapshot 5af46d6 of 2024-01-14)`,
  };
  const regionFc: FeatureCollection<{ name: string }> = {
    type: 'FeatureCollection',
    features: oblastFc.features.map((f) => ({
      type: 'Feature',
      properties: { name: f.properties.district },
      geometry: roundGeometry(f.geometry),
    })),
  };

  // ---- recipients ----------------------------------------------------------------------------------
  const recipientRows = readCsv(dir('recipients.csv'));
  const codeOfRecipient = (row: Row): string => {
    if (row.kind === 'settlement_admin') {
      const sc = settlementCodeOf(row.name) ?? fail(`settlement admin «${row.name}» has no settlement`);
      return `admin-${sc}`;
    }
    return RECIPIENT_CODES[row.name] ?? fail(`no product code for recipient «${row.name}»; add it to RECIPIENT_CODES`);
  };
  const codeByName = new Map(recipientRows.map((r) => [r.name, codeOfRecipient(r)]));
  const recipients: Recipient[] = recipientRows.map((row) => {
    const kind = (RECIPIENT_KINDS as readonly string[]).includes(row.kind) ? (row.kind as RecipientKind) : fail(`kind ${row.kind}`);
    const confidence = asConfidence(row.confidence);
    const parent = emptyToNull(row.parent);
    const parentCode = parent === null ? null : (codeByName.get(parent) ?? fail(`parent «${parent}» of «${row.name}» is not a recipient`));
    const topicCodes = (emptyToNull(row.topics) ?? '')
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => TOPIC_MAP[t] ?? fail(`unknown topic «${t}»`));
    let name = capitalizeFirst(row.name);
    let note: string | null = null;
    let settlementCode: string | null = null;
    if (kind === 'settlement_admin') {
      settlementCode = settlementCodeOf(row.name);
      const s = SETTLEMENTS.find((x) => x.code === settlementCode)!;
      name = s.adminName;
      note = SETTLEMENT_ADMIN_NOTE[s.code] ?? SETTLEMENT_ADMIN_DEFAULT_NOTE;
    } else if (RECIPIENT_DISPLAY[row.name]) {
      ({ name, note } = RECIPIENT_DISPLAY[row.name]);
    }
    if (confidence === 'unconfirmed_name' && !/уточняется/.test(name))
      fail(`unconfirmed_name recipient «${row.name}» needs a descriptive display name`);
    if (confidence !== 'confirmed' && note === null) fail(`recipient «${row.name}» (${confidence}) needs a note`);
    return {
      code: codeByName.get(row.name)!,
      name,
      kind,
      parentCode,
      topicCodes,
      settlementCode,
      confidence,
      source: row.source_url,
      note,
    };
  });
  const rootAdmin = recipients.find((r) => r.code === 'krasnoarmeysky-admin') ?? fail('no district administration');
  for (const s of SETTLEMENTS) {
    if (recipients.some((r) => r.kind === 'settlement_admin' && r.settlementCode === s.code)) continue;
    decisions.push(`Recipient for settlement ${s.code} missing in recipients.csv; added with confidence uncertain.`);
    recipients.push({
      code: `admin-${s.code}`,
      name: s.adminName,
      kind: 'settlement_admin',
      parentCode: rootAdmin.code,
      topicCodes: [],
      settlementCode: s.code,
      confidence: 'uncertain',
      source: VPN2020_URL,
      note: SETTLEMENT_ADMIN_MISSING_NOTE,
    });
  }

  return {
    files: {
      'territory/krasnoarmeysky.json': toJson(territory),
      'territory/krasnoarmeysky-boundary.geojson': toGeoJson(boundary),
      'region/saratov.json': toJson(region),
      'region/saratov-districts.geojson': toGeoJson(regionFc),
      'directory/krasnoarmeysky-recipients.json': toJson(recipients),
    },
    decisions,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const shared = resolve(argValue('--shared') ?? '/work/shared/data');
  const out = resolve(argValue('--out') ?? join(repoRoot, 'data'));
  const { files, decisions } = buildAll(shared);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${path} (${Buffer.byteLength(content)} bytes)`);
  }
  for (const d of decisions) console.log(`note: ${d}`);
}
