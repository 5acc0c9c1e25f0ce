// Deterministic demo texts: a resident's message for a sub-topic, and an official answer.
// Same PRNG state → same text. Nothing here reads the clock or Math.random.

import type { Rng } from './prng';
import {
  ADDONS_ANGRY,
  ADDONS_NEUTRAL,
  ANSWER_CLOSINGS,
  ANSWER_PREAMBLES,
  CLOSINGS_ANGRY,
  CLOSINGS_POLITE,
  FORMAL_ANSWERS,
  OPENINGS_CASUAL,
  OPENINGS_POLITE,
  SOCIAL_PREFIXES,
  SOCIAL_SUFFIXES,
  SUBTOPIC_TEMPLATES,
  type SubtopicTemplates,
} from './text-templates';

export interface DemoPlace {
  localityName: string;
  /** «город», «рабочий посёлок (пгт)», «село», «деревня», «посёлок», «хутор», or an abbreviation («с.», «рп»). */
  localityType: string;
  /** Street names of the locality («Ленина», «ул. Садовая», «пер. Школьный»); a generic list is used if absent. */
  streets?: readonly string[];
}

export interface GeneratedCaseText {
  text: string;
  /** «г. Красноармейск, ул. Ленина, д. 12» when the message names a street; null otherwise. */
  address: string | null;
}

export interface AnswerOptions {
  /** true → a formal reply («отписка») without a measure or a date. */
  formal: boolean;
  /** Completion date, ISO «2025-07-15» or «15.07.2025»; without it a period («в течение 10 рабочих дней») is used. */
  dueDate?: string;
}

/** Slots every message template may use (see text-templates.ts). */
export const MESSAGE_SLOTS: readonly string[] = [
  'locality', 'loc', 'inLoc', 'ourLoc', 'ourLocIn', 'localityTag',
  'street', 'onStreet', 'poStreet', 'house', 'addr',
  'days', 'since', 'ago', 'times', 'hours', 'relative', 'relativeTo',
];
/** Slots every answer template may use. */
export const ANSWER_SLOTS: readonly string[] = ['term'];

/** Used only when the caller passes no streets. */
export const GENERIC_STREETS: readonly string[] = [
  'Ленина', 'Советская', 'Мира', 'Молодёжная', 'Садовая', 'Набережная', 'Школьная', 'Заречная',
  'Октябрьская', 'Гагарина', 'Комсомольская', 'Пионерская', 'Лесная', 'Полевая', 'Победы',
  'Кирова', 'Чапаева', 'Первомайская', 'Степная', 'Новая',
];

export function demoSubtopicCodes(): string[] {
  return Object.keys(SUBTOPIC_TEMPLATES);
}

export function hasDemoTemplates(subtopicCode: string): boolean {
  return Object.prototype.hasOwnProperty.call(SUBTOPIC_TEMPLATES, subtopicCode);
}

function templatesFor(subtopicCode: string): SubtopicTemplates {
  if (!hasDemoTemplates(subtopicCode)) throw new Error(`No demo templates for sub-topic "${subtopicCode}"`);
  return SUBTOPIC_TEMPLATES[subtopicCode];
}

// ---------------------------------------------------------------------------------------------
// Small Russian helpers.

/** Russian plural: plural(5, ['день', 'дня', 'дней']) → 'дней'. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

interface LocalityKind {
  abbr: string; // «с.»; '' when unknown
  noun: string; // «село»
  nounIn: string; // «селе» (locative)
  ourGen: string; // «нашего села»
}

const LOCALITY_KINDS: ReadonlyArray<[RegExp, LocalityKind]> = [
  [/рабоч|пгт|городского типа|^р\.?\s?п\.?$/i, { abbr: 'рп', noun: 'посёлок', nounIn: 'посёлке', ourGen: 'нашего посёлка' }],
  [/город|^г\.?$/i, { abbr: 'г.', noun: 'город', nounIn: 'городе', ourGen: 'нашего города' }],
  [/сел[оа]|^с\.?$/i, { abbr: 'с.', noun: 'село', nounIn: 'селе', ourGen: 'нашего села' }],
  [/деревн|^д\.?$/i, { abbr: 'д.', noun: 'деревня', nounIn: 'деревне', ourGen: 'нашей деревни' }],
  [/пос[её]л|^п\.?$/i, { abbr: 'п.', noun: 'посёлок', nounIn: 'посёлке', ourGen: 'нашего посёлка' }],
  [/хутор|^х\.?$/i, { abbr: 'х.', noun: 'хутор', nounIn: 'хуторе', ourGen: 'нашего хутора' }],
  [/станц|^ст\.?$/i, { abbr: 'ст.', noun: 'станция', nounIn: 'станции', ourGen: 'нашей станции' }],
];

function localityKind(type: string): LocalityKind {
  const t = type.trim();
  for (const [re, kind] of LOCALITY_KINDS) if (re.test(t)) return kind;
  return { abbr: '', noun: 'населённый пункт', nounIn: 'населённом пункте', ourGen: 'нашего населённого пункта' };
}

/** Locative case of a place name word («Красноармейск» → «Красноармейске»), or null when unsure. */
function locativeWord(w: string): string | null {
  if (/(ий|ый|ой)$/.test(w)) return w.slice(0, -2) + 'ом'; // Каменский → Каменском
  if (/ое$/.test(w)) return w.slice(0, -2) + 'ом'; // Золотое → Золотом
  if (/ее$/.test(w)) return w.slice(0, -2) + 'ем';
  if (/ая$/.test(w)) return w.slice(0, -2) + 'ой'; // Красная → Красной
  if (/яя$/.test(w)) return w.slice(0, -2) + 'ей'; // Нижняя → Нижней
  if (/[бвгдзклмнпрстфхчшщ]а$/.test(w)) return w.slice(0, -1) + 'е'; // Сплавнуха → Сплавнухе
  if (/[ое]$/.test(w)) return w; // Рогаткино
  if (/[бвгдзклмнпрстфхцчшщ]$/.test(w)) return w + 'е'; // Красноармейск → Красноармейске
  return null;
}

function locativeName(name: string): string | null {
  const words = name.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const l = locativeWord(w);
    if (l === null) return null;
    out.push(l);
  }
  return out.join(' ');
}

const STREET_PREFIX = /^(ул\.?|улица|пер\.?|переулок|пр-т|проспект|пл\.?|площадь|мкр\.?|микрорайон|проезд|туп\.?|тупик|ш\.?|шоссе|кв-л|квартал|наб\.?|набережная|бульвар|б-р)\s+/i;

interface StreetForms {
  official: string; // «ул. Садовая»
  bare: string | null; // «Садовая» when it is an ordinary «улица»
  loc: string | null; // «Садовой» (after «на»/«по»)
}

function streetForms(raw: string): StreetForms {
  const s = raw.trim().replace(/\s+/g, ' ');
  const m = STREET_PREFIX.exec(s);
  if (m) {
    const prefix = m[1].toLowerCase();
    const rest = s.slice(m[0].length);
    if (prefix === 'ул' || prefix === 'ул.' || prefix === 'улица') return streetForms(rest);
    return { official: s, bare: null, loc: null };
  }
  const words = s.split(' ');
  const loc = words.map((w) => (/ая$/.test(w) ? w.slice(0, -2) + 'ой' : /яя$/.test(w) ? w.slice(0, -2) + 'ей' : w)).join(' ');
  return { official: `ул. ${s}`, bare: s, loc };
}

// ---------------------------------------------------------------------------------------------
// Slot filling.

const SLOT_RE = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** Names of the slots in a template, in order of appearance (duplicates removed). */
export function templateSlots(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(SLOT_RE)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

function fill(template: string, resolve: (name: string) => string): string {
  let s = template;
  // Values may contain slots themselves (e.g. «фонарь возле дома {house}»): a few passes.
  for (let pass = 0; pass < 4 && s.includes('{'); pass++) s = s.replace(SLOT_RE, (_, name: string) => resolve(name));
  if (/\{[^}]*\}/.test(s)) throw new Error(`Unfilled slot in demo text: ${s}`);
  return s;
}

const DAYS_WORDS: readonly string[] = ['неделю', 'две недели', 'третью неделю', 'месяц', 'полтора месяца', 'несколько дней'];
const SINCE: readonly string[] = [
  'с понедельника', 'с прошлой недели', 'с начала месяца', 'с выходных', 'с осени', 'с весны',
  'с прошлого года', 'с Нового года', 'с лета', 'с позапрошлой недели',
];
const AGO: readonly string[] = [
  'месяц назад', 'две недели назад', 'полгода назад', 'ещё весной', 'ещё осенью', 'в прошлом году',
  'в начале года', 'ещё летом', 'два месяца назад',
];
const TIMES: readonly string[] = ['несколько раз', 'раз пять', 'уже три раза', 'много раз', 'не один раз'];
const RELATIVES: readonly string[] = ['мама', 'бабушка', 'тёща', 'свекровь', 'соседка', 'сестра'];
const RELATIVES_DAT: readonly string[] = ['маме', 'бабушке', 'тёще', 'свекрови', 'соседке', 'сестре'];

function makeResolver(rng: Rng, place: DemoPlace, vars: SubtopicTemplates['vars'], used: Set<string>) {
  const kind = localityKind(place.localityType);
  const name = place.localityName.trim();
  const loc = kind.abbr ? `${kind.abbr} ${name}` : name;
  const locative = locativeName(name);
  const streets = place.streets && place.streets.length > 0 ? place.streets : GENERIC_STREETS;
  const isTown = kind.abbr === 'г.';
  const memo = new Map<string, string>();
  let street: StreetForms | null = null;
  let house: string | null = null;

  const getStreet = (): StreetForms => (street ??= streetForms(rng.pick(streets)));
  const getHouse = (): string => {
    if (house === null) {
      let h = String(rng.int(1, isTown ? 140 : 60));
      if (rng.chance(0.08)) h += rng.pick(['а', 'б']);
      else if (isTown && rng.chance(0.05)) h += `/${rng.int(1, 3)}`;
      house = h;
    }
    return house;
  };
  const onPo = (prep: 'на' | 'по'): string => {
    const st = getStreet();
    if (st.loc === null) return `${prep} ${st.official}`;
    return rng.weighted([`${prep} ${st.official}`, `${prep} улице ${st.loc}`, `${prep} ${st.loc}`], [5, 2, 3]);
  };

  const compute = (slot: string): string => {
    switch (slot) {
      case 'locality': return name;
      case 'loc': return loc;
      case 'localityTag': return name.replace(/[\s-]+/g, '');
      case 'ourLoc': return kind.ourGen;
      case 'ourLocIn': return `у нас в ${kind.nounIn}`;
      case 'inLoc': {
        const official = isTown && locative ? `в ${kind.abbr} ${locative}` : `в ${loc}`;
        const options = [official, `в ${kind.nounIn} ${isTown && locative ? locative : name}`];
        const weights = [4, 2];
        if (locative) { options.push(`в ${locative}`); weights.push(3); }
        return rng.weighted(options, weights);
      }
      case 'street': return getStreet().official;
      case 'onStreet': return onPo('на');
      case 'poStreet': return onPo('по');
      case 'house': return getHouse();
      case 'addr': {
        const st = getStreet();
        const h = getHouse();
        if (st.bare !== null && rng.chance(0.25)) return `${st.bare} ${h}`;
        return rng.chance(0.75) ? `${st.official}, д. ${h}` : `${st.official}, ${h}`;
      }
      case 'days': {
        if (rng.chance(0.5)) return rng.pick(DAYS_WORDS);
        const n = rng.int(2, 12);
        return `${n} ${plural(n, ['день', 'дня', 'дней'])}`;
      }
      case 'since': {
        if (rng.chance(0.2)) return `с ${rng.int(1, 28)} числа`;
        return rng.pick(SINCE);
      }
      case 'ago': return rng.pick(AGO);
      case 'times': return rng.pick(TIMES);
      case 'hours': {
        const n = rng.int(2, 9);
        return `${n} ${plural(n, ['час', 'часа', 'часов'])}`;
      }
      case 'relative': return rng.pick(RELATIVES);
      case 'relativeTo': return rng.pick(RELATIVES_DAT);
      default: {
        const values = vars?.[slot];
        if (!values || values.length === 0) throw new Error(`Unknown slot {${slot}} in demo template`);
        return rng.pick(values);
      }
    }
  };

  // Non-memoised slots vary inside one text; the rest stay the same within the text.
  const volatile = new Set(['inLoc', 'onStreet', 'poStreet', 'addr']);
  return (slot: string): string => {
    used.add(slot);
    if (volatile.has(slot)) return compute(slot);
    let v = memo.get(slot);
    if (v === undefined) {
      v = compute(slot);
      memo.set(slot, v);
    }
    return v;
  };
}

// ---------------------------------------------------------------------------------------------
// Writing styles.

type Style = 'polite' | 'plain' | 'angry' | 'social' | 'terse';
const STYLES: readonly Style[] = ['polite', 'plain', 'angry', 'social', 'terse'];
const STYLE_WEIGHTS: readonly number[] = [0.27, 0.32, 0.17, 0.13, 0.11];

const POSITIVE_CLOSINGS: readonly string[] = ['Спасибо!', 'С уважением, жители {loc}.', 'Так держать!', 'Побольше бы таких работников.'];

const GREETING_RE = /^(Здравствуйте|Добрый|Доброе|Уважаем)/;

const TYPOS: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\p{L})здравствуйте(?!\p{L})/giu, 'здраствуйте'],
  [/(?<!\p{L})пожалуйста(?!\p{L})/giu, 'пожалуйсто'],
  [/(?<!\p{L})извините(?!\p{L})/giu, 'извените'],
  [/(?<!\p{L})сегодня(?!\p{L})/giu, 'седня'],
  [/(?<!\p{L})сейчас(?!\p{L})/giu, 'щас'],
  [/(?<!\p{L})кто-нибудь(?!\p{L})/giu, 'кто нибудь'],
  [/(?<!\p{L})кто-то(?!\p{L})/giu, 'ктото'],
  [/(?<!\p{L})не было(?!\p{L})/giu, 'небыло'],
  [/(?<!\p{L})вообще(?!\p{L})/giu, 'вобще'],
  [/(?<!\p{L})из-за(?!\p{L})/giu, 'изза'],
  [/(?<!\p{L})чтобы(?!\p{L})/giu, 'что бы'],
  [/(?<!\p{L})компани/giu, 'кампани'],
  [/(?<!\p{L})опасно(?!\p{L})/giu, 'опастно'],
  [/(?<!\p{L})разберитесь(?!\p{L})/giu, 'розберитесь'],
  [/(?<!\p{L})никто(?!\p{L})/giu, 'ни кто'],
  [/(?<!\p{L})ничего(?!\p{L})/giu, 'ни чего'],
  [/(?<!\p{L})отопление/giu, 'отапление'],
  [/подъезд/giu, 'подьезд'],
  [/(?<!\p{L})в течение(?!\p{L})/giu, 'в течении'],
  [/(?<!\p{L})сколько(?!\p{L})/giu, 'скока'],
];

function keepCase(found: string, replacement: string): string {
  const first = found.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

function addTypos(rng: Rng, text: string): string {
  let s = text;
  for (const [re, rep] of TYPOS) if (re.test(s) && rng.chance(0.6)) s = s.replace(re, (m) => keepCase(m, rep));
  if (rng.chance(0.3)) s = s.replace(/(\p{L})тся(?!\p{L})/u, '$1ться');
  else if (rng.chance(0.2)) s = s.replace(/(\p{L})ться(?!\p{L})/u, '$1тся');
  if (rng.chance(0.25)) s = s.replace(/,/g, '');
  return s;
}

function capitalizeSentences(s: string): string {
  return s.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s+([,.!?])/g, '$1').trim();
}

function endsWithPunct(s: string): boolean {
  return /[.!?]$/.test(s.trim());
}

function slotNames(s: string): Set<string> {
  return new Set(templateSlots(s));
}

function pickAddon(rng: Rng, pool: readonly string[], core: string): string | null {
  const coreSlots = slotNames(core);
  const candidates = pool.filter((a) => {
    if (core.includes(a.slice(0, 14))) return false;
    for (const sl of templateSlots(a)) if (coreSlots.has(sl) && ['days', 'since', 'ago', 'times'].includes(sl)) return false;
    return true;
  });
  return candidates.length > 0 ? rng.pick(candidates) : null;
}

/**
 * A resident's message on a sub-topic, in one of several styles (polite and long, short and angry,
 * social-media, no punctuation), with occasional typical mistakes.
 */
export function generateCaseText(rng: Rng, subtopicCode: string, place: DemoPlace): GeneratedCaseText {
  const entry = templatesFor(subtopicCode);
  if (!place.localityName || !place.localityName.trim()) throw new Error('generateCaseText: localityName is empty');
  const core = rng.pick(entry.messages);
  const positive = entry.positive === true;
  // A thank-you is never written in the angry style and gets no complaint add-ons.
  const style = rng.weighted(STYLES, positive ? STYLE_WEIGHTS.map((w, i) => (STYLES[i] === 'angry' ? 0 : w)) : STYLE_WEIGHTS);
  const addonChance = (p: number): boolean => !positive && rng.chance(p);
  const hasGreeting = GREETING_RE.test(core);
  const short = core.length < 70;

  const parts: string[] = [];
  let prefix = '';
  let suffix = '';
  const coreJoin = (c: string): string => (endsWithPunct(c) ? c : c + (style === 'angry' ? '!' : '.'));
  switch (style) {
    case 'polite': {
      if (!hasGreeting && rng.chance(0.8)) parts.push(rng.pick(OPENINGS_POLITE));
      parts.push(coreJoin(core));
      const addon = addonChance(short ? 0.5 : 0.3) ? pickAddon(rng, ADDONS_NEUTRAL, core) : null;
      if (addon) parts.push(addon);
      if (rng.chance(0.75)) parts.push(positive ? rng.pick(POSITIVE_CLOSINGS) : rng.pick(CLOSINGS_POLITE));
      break;
    }
    case 'plain': {
      if (!hasGreeting && rng.chance(0.2)) parts.push(rng.pick(OPENINGS_CASUAL));
      const addon = addonChance(0.3) ? pickAddon(rng, ADDONS_NEUTRAL, core) : null;
      parts.push(addon || rng.chance(0.5) ? coreJoin(core) : core);
      if (addon) parts.push(addon);
      if (rng.chance(0.15)) parts.push(positive ? rng.pick(POSITIVE_CLOSINGS) : rng.pick(CLOSINGS_POLITE));
      break;
    }
    case 'angry': {
      parts.push(coreJoin(core));
      const addon = rng.chance(0.6) ? pickAddon(rng, ADDONS_ANGRY, core) : null;
      if (addon) parts.push(addon);
      if (rng.chance(0.7)) parts.push(rng.pick(CLOSINGS_ANGRY));
      break;
    }
    case 'social': {
      if (!hasGreeting && rng.chance(0.5)) prefix = rng.pick(SOCIAL_PREFIXES);
      parts.push(core);
      const addon = addonChance(0.3) ? pickAddon(rng, rng.chance(0.5) ? ADDONS_ANGRY : ADDONS_NEUTRAL, core) : null;
      if (addon) {
        parts[0] = coreJoin(core);
        parts.push(addon);
      }
      if (rng.chance(0.6)) suffix = positive ? ' #{localityTag}' : rng.pick(SOCIAL_SUFFIXES);
      break;
    }
    case 'terse': {
      parts.push(core);
      if (addonChance(0.25)) {
        const addon = pickAddon(rng, ADDONS_NEUTRAL, core);
        if (addon) parts.push(addon);
      }
      break;
    }
  }

  const used = new Set<string>();
  const resolve = makeResolver(rng, place, entry.vars, used);
  let text = capitalizeSentences(tidy(fill(parts.join(' '), resolve)));

  if (style === 'social') {
    if (prefix) text = fill(prefix, resolve) + lowerFirst(text);
    else if (rng.chance(0.4)) text = lowerFirst(text);
    if (suffix) text = text.replace(/[.]$/, '') + fill(suffix, resolve);
  } else if (style === 'angry') {
    if (rng.chance(0.4)) text = /\?$/.test(text) ? text.replace(/[.!?]*$/, rng.pick(['?!', '??', '???'])) : text.replace(/[.!?]*$/, rng.pick(['!!!', '!!']));
    if (rng.chance(0.12)) {
      const words = text.split(' ');
      const i = rng.int(0, words.length - 1);
      if (/^\p{L}{5,}/u.test(words[i])) words[i] = words[i].toUpperCase();
      text = words.join(' ');
    }
  } else if (style === 'terse') {
    text = text
      .toLowerCase()
      .replace(/[.,!?;:«»()"]+/g, ' ')
      .replace(/\s[—–-]\s/g, ' ');
  }

  if (rng.chance(0.65)) text = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (rng.chance(style === 'polite' ? 0.08 : 0.3)) text = addTypos(rng, text);
  text = tidy(text);

  let address: string | null = null;
  if (['street', 'onStreet', 'poStreet', 'addr', 'house'].some((s) => used.has(s))) {
    const kind = localityKind(place.localityType);
    const locName = kind.abbr ? `${kind.abbr} ${place.localityName.trim()}` : place.localityName.trim();
    const st = resolve('street');
    address = used.has('house') || used.has('addr') ? `${locName}, ${st}, д. ${resolve('house')}` : `${locName}, ${st}`;
  }
  return { text, address };
}

// ---------------------------------------------------------------------------------------------
// Answers.

/** «2025-07-15» or «2025-07-15T…» or «15.07.2025» → «15.07.2025»; throws on anything else. */
export function formatDueDate(due: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(due.trim());
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(due.trim());
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else throw new RangeError(`dueDate must be YYYY-MM-DD or DD.MM.YYYY, got "${due}"`);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    throw new RangeError(`dueDate is not a calendar date: "${due}"`);
  }
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

function term(rng: Rng, dueDate: string | undefined): string {
  if (dueDate !== undefined) {
    const d = formatDueDate(dueDate);
    return rng.pick([`в срок до ${d}`, `до ${d}`, `не позднее ${d}`]);
  }
  const n = rng.pick([3, 5, 7, 10, 14, 20]);
  return rng.weighted(
    [
      `в течение ${n} ${plural(n, ['рабочего дня', 'рабочих дней', 'рабочих дней'])}`,
      `в течение ${n} ${plural(n, ['календарного дня', 'календарных дней', 'календарных дней'])}`,
      'до конца текущего месяца',
      'в течение двух недель',
      'в течение месяца',
    ],
    [3, 2, 2, 1, 1],
  );
}

/**
 * An official answer on a sub-topic. A substantive answer names a measure and a completion date
 * (dueDate) or period; a formal one («отписка») names neither — used to demo quality control.
 */
export function generateAnswerText(rng: Rng, subtopicCode: string, opts: AnswerOptions): string {
  const entry = templatesFor(subtopicCode);
  if (opts.formal) {
    const own = entry.formal ?? [];
    const body = own.length > 0 && rng.chance(0.35) ? rng.pick(own) : rng.pick(FORMAL_ANSWERS);
    const preamble = /^Ваше обращение/.test(body) ? '' : rng.chance(0.4) ? rng.pick(['Уважаемый заявитель! ', 'Добрый день! ', 'На Ваше обращение сообщаем следующее. ']) : '';
    return tidy(preamble + body);
  }
  const due = opts.dueDate !== undefined ? formatDueDate(opts.dueDate) : undefined;
  const memo = new Map<string, string>();
  const resolve = (slot: string): string => {
    let v = memo.get(slot);
    if (v !== undefined) return v;
    if (slot === 'term') v = term(rng, due);
    else {
      const values = entry.vars?.[slot];
      if (!values || values.length === 0) throw new Error(`Unknown slot {${slot}} in demo answer template`);
      v = rng.pick(values);
    }
    memo.set(slot, v);
    return v;
  };
  const body = fill(rng.pick(entry.answers), resolve);
  const preamble = rng.pick(ANSWER_PREAMBLES);
  const closing = rng.pick(ANSWER_CLOSINGS);
  return tidy(preamble + capitalizeSentences(body) + closing);
}
