/**
 * Territory from text: the settlement, locality and street named in a message or its address
 * («в Сплавнухе», «в Каменском», «с. Золотое», «по улице Ленина», «ул. Ленина»), matched against
 * the tenant's gazetteer by stems and the known case endings of Russian place names. Pure.
 */
export interface GazetteerSettlement { id: string; name: string; adminCentre: string | null }
export interface GazetteerLocality { id: string; name: string; settlementId: string | null; lat: number | null; lon: number | null }
export interface Gazetteer { settlements: GazetteerSettlement[]; localities: GazetteerLocality[] }
export interface PlaceFound { settlementId: string | null; localityId: string | null; street: string | null; lat: number | null; lon: number | null }

/** Words that introduce a place name even in lower case («в сплавнухе», «с. золотое»). */
const MARKERS = new Set(['в', 'во', 'из', 'с', 'со', 'село', 'селе', 'села', 'сел', 'пос', 'поселок', 'поселке', 'посёлок', 'посёлке', 'рп', 'г', 'город', 'городе', 'города', 'д', 'деревня', 'деревне', 'жители', 'мо', 'у', 'до', 'под']);
const PREFIXES = /^(город|г\.?|рп|р\.п\.|село|с\.|пос\.?|поселок|посёлок|деревня|д\.)\s+/i;

/** All case forms of one word of a place name. */
export function wordForms(word: string): Set<string> {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const add = (stem: string, endings: string[]) => new Set(endings.map((e) => stem + e));
  if (/(ий|ый|ой)$/.test(w)) return add(w.slice(0, -2), [w.slice(-2), 'ого', 'ому', 'им', 'ым', 'ом']);
  if (/(ое|ее)$/.test(w)) return add(w.slice(0, -2), [w.slice(-2), 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем']);
  if (/(ая|яя)$/.test(w)) return add(w.slice(0, -2), [w.slice(-2), 'ой', 'ей', 'ую', 'юю']);
  if (w.endsWith('а')) return add(w.slice(0, -1), ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою']);
  if (w.endsWith('я')) return add(w.slice(0, -1), ['я', 'и', 'е', 'ю', 'ей']);
  if (w.endsWith('о')) return add(w.slice(0, -1), ['о', 'а', 'е', 'у', 'ом']);
  if (w.endsWith('ь')) return add(w.slice(0, -1), ['ь', 'и', 'ю', 'ью']);
  return add(w, ['', 'а', 'е', 'у', 'ом', 'ы']);
}

interface Token { word: string; capital: boolean; sentenceStart: boolean }

const TOKEN = /[\p{L}\d-]+|[.!?\n]/gu;
const UPPER_FIRST = /^\p{Lu}/u;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (t.length === 1 && (t === '.' || t === '!' || t === '?' || t === '\n')) { if (t !== '.' || !isAbbrev(out[out.length - 1]?.word)) sentenceStart = true; continue; }
    out.push({ word: t.toLowerCase().replace(/ё/g, 'е'), capital: UPPER_FIRST.test(t), sentenceStart });
    sentenceStart = false;
  }
  return out;
}
const isAbbrev = (w: string | undefined) => !!w && ['г', 'с', 'д', 'ул', 'пер', 'пос', 'рп', 'п', 'пр', 'пл', 'мкр', 'им'].includes(w);

interface Entry<T> { item: T; forms: Set<string>[] }

const entry = <T>(item: T, name: string): Entry<T> => ({ item, forms: name.replace(PREFIXES, '').trim().split(/\s+/).map(wordForms) });

/** Is the entry credibly mentioned at token `i` (all its words there, after a marker or capitalised)? */
function mentionedAt<T>(ts: Token[], e: Entry<T>, i: number): boolean {
  if (i + e.forms.length > ts.length || !e.forms.every((f, j) => f.has(ts[i + j].word))) return false;
  const prev = ts[i - 1]?.word;
  // At the start of a sentence only long names count: «Высокое напряжение» is not a village.
  return (!!prev && MARKERS.has(prev)) || (ts[i].capital && (!ts[i].sentenceStart || ts[i].word.length >= 9));
}

/** Entries in gazetteer order and, per form of their first word, the entries it may begin. */
interface PlaceIndex<T> { entries: Entry<T>[]; byFirstWord: Map<string, number[]> }

function placeIndex<T>(entries: Entry<T>[]): PlaceIndex<T> {
  const byFirstWord = new Map<string, number[]>();
  entries.forEach((e, k) => {
    for (const f of e.forms[0] ?? []) {
      const list = byFirstWord.get(f);
      if (list) list.push(k);
      else byFirstWord.set(f, [k]);
    }
  });
  return { entries, byFirstWord };
}

/**
 * The word forms of a gazetteer, built once per gazetteer object (the tenant's classifier keeps
 * it): an import calls findPlace for every row, and rebuilding them per call was most of its cost.
 */
const indexes = new WeakMap<Gazetteer, { localities: PlaceIndex<GazetteerLocality>; settlements: PlaceIndex<GazetteerSettlement> }>();
function gazetteerIndex(g: Gazetteer) {
  let x = indexes.get(g);
  if (!x) {
    x = { localities: placeIndex(g.localities.map((l) => entry(l, l.name))), settlements: placeIndex(g.settlements.map((s) => entry(s, s.name))) };
    indexes.set(g, x);
  }
  return x;
}

const STREET_MARKERS = /^(ул|улица|улице|улицы|улицу|улицей|пер|переулок|переулке|переулка|пр|проспект|проспекте|пл|площадь|площади|мкр|микрорайон|микрорайоне|проезд|проезде|шоссе|бульвар|бульваре|кв-л|квартал|квартале)$/;
const STREET_KIND: Record<string, string> = { про: 'проезд', шос: 'ш.', бул: 'б-р', ква: 'кв-л', 'кв-': 'кв-л' };

function kindOf(marker: string): string {
  if (marker.startsWith('ул')) return 'ул.';
  if (marker.startsWith('пер')) return 'пер.';
  if (marker.startsWith('пл')) return 'пл.';
  if (marker.startsWith('мкр') || marker.startsWith('микро')) return 'мкр';
  if (marker === 'пр' || marker.startsWith('проспект')) return 'пр-т';
  return STREET_KIND[marker.slice(0, 3)] ?? marker;
}

/** Adjective street names in oblique cases back to the nominative feminine («Советской» → «Советская»). */
function nominativeStreet(name: string, kind: string): string {
  if (kind !== 'ул.' && kind !== 'пл.') return name;
  return name.replace(/(ой|ую)$/u, 'ая').replace(/(ей|юю)$/u, 'яя');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** «по улице Ленина» / «ул. Ленина» / «на Советской улице» → «ул. Ленина» / «ул. Советская». */
export function findStreet(text: string): string | null {
  return streetIn(tokens(text));
}

function streetIn(ts: Token[]): string | null {
  for (let i = 0; i < ts.length; i++) {
    if (!STREET_MARKERS.test(ts[i].word)) continue;
    const kind = kindOf(ts[i].word);
    const next = ts[i + 1];
    if (next && !/^\d+$/.test(next.word) && next.word.length > 1 && (next.capital || /^(ул|пер|пл|пр|мкр)$/.test(ts[i].word) || i > 0)) {
      const two = ts[i + 2] && ts[i + 2].capital && !ts[i + 2].sentenceStart && /^(им|имени)$/.test(next.word) ? ` ${cap(ts[i + 2].word)}` : '';
      if (/^[\p{L}-]+$/u.test(next.word) && !['и', 'в', 'на', 'у', 'д', 'дом'].includes(next.word)) return `${kind} ${nominativeStreet(cap(next.word), kind)}${two}`;
    }
    const prev = ts[i - 1];
    if (prev && prev.capital && !prev.sentenceStart) return `${kind} ${nominativeStreet(cap(prev.word), kind)}`;
  }
  return null;
}

/**
 * The place named in the address (first) or the text: a locality wins over a settlement; a
 * settlement alone gets its administrative centre as the locality; coordinates from the locality.
 */
export function findPlace(g: Gazetteer, text: string, address?: string | null): PlaceFound {
  // Each source is tokenised once: an import calls this for every row.
  const cache = new Map<string, Token[]>();
  const tokensOf = (s: string) => {
    let ts = cache.get(s);
    if (!ts) cache.set(s, (ts = tokens(s)));
    return ts;
  };
  return placeIn(g, tokensOf, text, address);
}

function placeIn(g: Gazetteer, tokensOf: (s: string) => Token[], text: string, address?: string | null): PlaceFound {
  const { localities, settlements } = gazetteerIndex(g);
  for (const source of [address ?? '', text]) {
    if (!source.trim()) continue;
    const ts = tokensOf(source);
    const loc = first(ts, localities);
    const set = first(ts, settlements);
    const street = streetIn(ts);
    if (!loc && !set) {
      if (street && source === address) {
        const { street: _s, ...rest } = placeIn(g, tokensOf, text);
        return { ...none(), street, ...rest };
      }
      continue;
    }
    const locality = loc ?? adminCentre(g, set!);
    const settlementId = loc?.settlementId ?? set?.id ?? null;
    return { settlementId, localityId: locality?.id ?? null, street: street ?? (source === address ? streetIn(tokensOf(text)) : null), lat: locality?.lat ?? null, lon: locality?.lon ?? null };
  }
  return { ...none(), street: streetIn(tokensOf(address ?? '')) ?? streetIn(tokensOf(text)) };
}

const none = (): PlaceFound => ({ settlementId: null, localityId: null, street: null, lat: null, lon: null });

/** The entry mentioned first in the tokens (at the same token: the earlier in the gazetteer). */
function first<T>(ts: Token[], index: PlaceIndex<T>): T | null {
  for (let i = 0; i < ts.length; i++) {
    const candidates = index.byFirstWord.get(ts[i].word);
    if (!candidates) continue;
    for (const k of candidates) if (mentionedAt(ts, index.entries[k], i)) return index.entries[k].item;
  }
  return null;
}

function adminCentre(g: Gazetteer, s: GazetteerSettlement): GazetteerLocality | null {
  const own = g.localities.filter((l) => l.settlementId === s.id);
  if (s.adminCentre) {
    const e = entry(null, s.adminCentre);
    const hit = own.find((l) => e.forms.length === 1 && e.forms[0].has(l.name.toLowerCase().replace(/ё/g, 'е')));
    if (hit) return hit;
  }
  return own.length === 1 ? own[0] : null;
}
