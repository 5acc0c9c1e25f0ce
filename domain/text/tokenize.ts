import { normalizeText } from './normalize';

/** Splits normalised text into word tokens (letters and digits). */
export function splitWords(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/** Normalises and tokenises raw text: «Снег на дороге!!!» → ['снег', 'на', 'дороге']. */
export function tokenize(text: string): string[] {
  return splitWords(normalizeText(text));
}

/** True for tokens made only of digits (house numbers, dates): they carry no topic. */
export function isNumeric(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return token.length > 0;
}

/** True for the masking tokens that the portal moderators put instead of hidden words (XXXX). */
export function isMask(token: string): boolean {
  return token.length >= 2 && /^x+$/.test(token);
}
