/**
 * Russian text normalisation for classification: lower case, ё→е, HTML tags and entities,
 * URLs, e-mails, emoji and symbols removed, spaces collapsed. Letters (Cyrillic and Latin) and
 * digits are kept; everything else becomes a space. Pure and deterministic.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»',
  ndash: '–', mdash: '—', hellip: '…', shy: '', thinsp: ' ', ensp: ' ', emsp: ' ',
};

const TAG = /<\/?[a-z][^<>]*>|<!--[\s\S]*?-->/gi;
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)\S+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
/** Anything that is not a letter or a digit (emoji, pictographs, punctuation, symbols). */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Letters with combining marks after them: й written as и + ◌̆ becomes й after NFC. */
const COMBINING = /\p{M}+/gu;

function decodeEntity(_: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? ' ';
}

/** Removes HTML markup and decodes entities; the text between tags is kept. */
export function stripHtml(text: string): string {
  if (text.indexOf('<') < 0 && text.indexOf('&') < 0) return text;
  return text.replace(SCRIPT_OR_STYLE, ' ').replace(TAG, ' ').replace(ENTITY, decodeEntity);
}

/** Lower case and ё→е (the portal and citizens use both spellings). */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/**
 * Full normalisation: the result holds only lower-case letters, digits and single spaces.
 * «Прорвало <b>ТРУБУ</b> 😡 на ул. Ёлочной, д.5!» → «прорвало трубу на ул елочной д 5».
 */
export function normalizeText(text: string): string {
  let s = stripHtml(text).normalize('NFC');
  s = s.replace(URL, ' ').replace(EMAIL, ' ');
  s = foldCase(s).replace(COMBINING, '');
  return s.replace(NON_WORD, ' ').trim();
}
