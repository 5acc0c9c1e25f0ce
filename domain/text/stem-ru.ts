/**
 * The Russian Snowball stemmer (snowballstem.org/algorithms/russian/stemmer.html), written
 * from the published algorithm. Input: one lower-case word (ё is folded to е here too).
 * Words without Cyrillic vowels are returned unchanged.
 */

const VOWELS = 'аеиоуыэюя';
const isVowel = (c: string) => VOWELS.includes(c);

/** Each ending group: endings (longest first) and whether it must follow «а» or «я». */
interface Group { endings: string[]; afterAYa: boolean }

const byLength = (list: string) => list.split(' ').sort((a, b) => b.length - a.length);
const group = (list: string, afterAYa: boolean): Group => ({ endings: byLength(list), afterAYa });

const PERFECTIVE_GERUND = [group('в вши вшись', true), group('ив ивши ившись ыв ывши ывшись', false)];
const ADJECTIVE = [group('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею', false)];
const PARTICIPLE = [group('ем нн вш ющ щ', true), group('ивш ывш ующ', false)];
const REFLEXIVE = [group('ся сь', false)];
const VERB = [
  group('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно', true),
  group('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю', false),
];
const NOUN = [group('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я', false)];
const DERIVATIONAL = [group('ост ость', false)];
const SUPERLATIVE = [group('ейш ейше', false)];

/** A word being stemmed: the text and the start of RV and R2 (as in Snowball, marks stay fixed). */
interface Word { s: string; rv: number; r2: number }

function regions(s: string): { rv: number; r2: number } {
  let i = 0;
  while (i < s.length && !isVowel(s[i])) i++;
  const rv = Math.min(i + 1, s.length);
  const afterVowelConsonant = (from: number) => {
    let j = from;
    while (j < s.length && !isVowel(s[j])) j++;
    while (j < s.length && isVowel(s[j])) j++;
    return Math.min(j + 1, s.length);
  };
  const r1 = afterVowelConsonant(0);
  const r2 = afterVowelConsonant(r1);
  return { rv, r2 };
}

/**
 * Finds the longest ending of the groups inside RV (Snowball's `among`). Returns its length, or
 * 0 when no ending matches or when the longest one needs a preceding а/я that is not there.
 */
function findEnding(w: Word, groups: Group[], minStart = w.rv): number {
  let best = 0;
  let bestGroup: Group | null = null;
  for (const g of groups) {
    for (const e of g.endings) {
      if (e.length > best && w.s.length - e.length >= minStart && w.s.endsWith(e)) {
        best = e.length;
        bestGroup = g;
        break;
      }
    }
  }
  if (!bestGroup) return 0;
  if (bestGroup.afterAYa) {
    const at = w.s.length - best - 1;
    if (at < w.rv || (w.s[at] !== 'а' && w.s[at] !== 'я')) return 0;
  }
  return best;
}

/** Removes the longest ending of the groups; false when none applies. */
function removeEnding(w: Word, groups: Group[], minStart = w.rv): boolean {
  const n = findEnding(w, groups, minStart);
  if (n === 0) return false;
  w.s = w.s.slice(0, w.s.length - n);
  return true;
}

function adjectival(w: Word): boolean {
  if (!removeEnding(w, ADJECTIVE)) return false;
  removeEnding(w, PARTICIPLE);
  return true;
}

function step1(w: Word): void {
  if (removeEnding(w, PERFECTIVE_GERUND)) return;
  removeEnding(w, REFLEXIVE);
  if (adjectival(w)) return;
  if (removeEnding(w, VERB)) return;
  removeEnding(w, NOUN);
}

function step4(w: Word): void {
  const undoubleN = () => {
    if (w.s.endsWith('нн') && w.s.length - 2 >= w.rv) w.s = w.s.slice(0, -1);
  };
  if (removeEnding(w, SUPERLATIVE)) {
    undoubleN();
    return;
  }
  if (w.s.endsWith('нн') && w.s.length - 2 >= w.rv) {
    undoubleN();
    return;
  }
  if (w.s.endsWith('ь') && w.s.length - 1 >= w.rv) w.s = w.s.slice(0, -1);
}

/** Stems one Russian word: «красивая» → «красив», «отремонтировать» → «отремонтирова». */
export function stemRu(word: string): string {
  const s = word.replace(/ё/g, 'е');
  const { rv, r2 } = regions(s);
  if (rv >= s.length) return s;
  const w: Word = { s, rv, r2 };
  step1(w);
  if (w.s.endsWith('и') && w.s.length - 1 >= w.rv) w.s = w.s.slice(0, -1);
  removeEnding(w, DERIVATIONAL, Math.max(w.rv, w.r2));
  step4(w);
  return w.s;
}

/** Memoising stemmer for bulk use (the vocabulary of a corpus is small next to its tokens). */
export function cachedStemmer(limit = 200_000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) {
      s = /[а-я]/.test(word) ? stemRu(word) : word;
      if (cache.size >= limit) cache.clear();
      cache.set(word, s);
    }
    return s;
  };
}
