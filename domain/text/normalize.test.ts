import { describe, expect, it } from 'vitest';
import { foldCase, normalizeText, stripHtml } from './normalize';
import { isMask, isNumeric, tokenize } from './tokenize';
import { isStopword } from './stopwords-ru';

describe('normalizeText', () => {
  it('lower-cases, folds ё to е, removes punctuation and keeps digits', () => {
    expect(normalizeText('Прорвало ТРУБУ на ул. Ёлочной, д.5!')).toBe('прорвало трубу на ул елочной д 5');
  });

  it('strips HTML tags, scripts and entities', () => {
    expect(normalizeText('<p>Яма&nbsp;на <b>дороге</b></p><script>alert(1)</script> &laquo;опасно&raquo;')).toBe('яма на дороге опасно');
    expect(stripHtml('a &#1103; &#x44F; &amp; b')).toBe('a я я & b');
  });

  it('removes URLs, e-mails and emoji', () => {
    expect(normalizeText('Фото https://example.org/x?y=1 и www.test.ru 😡🔥 пишите a.b@mail.ru')).toBe('фото и пишите');
  });

  it('collapses spaces and line breaks, and gives an empty string for symbols only', () => {
    expect(normalizeText('  снег \n\n\t на   дороге  ')).toBe('снег на дороге');
    expect(normalizeText('!!! 👍 ???')).toBe('');
  });

  it('joins a letter written with a combining mark (и + ◌̆ = й)', () => {
    expect(normalizeText('чистыи\u0306')).toBe('чистый');
  });

  it('foldCase only changes case and ё', () => {
    expect(foldCase('ЁЖ, Ель!')).toBe('еж, ель!');
  });
});

describe('tokenize', () => {
  it('splits normalised text into words', () => {
    expect(tokenize('Снег на дороге!!!')).toEqual(['снег', 'на', 'дороге']);
    expect(tokenize('')).toEqual([]);
  });

  it('recognises numbers, moderator masks and stop words', () => {
    expect(isNumeric('2021')).toBe(true);
    expect(isNumeric('5а')).toBe(false);
    expect(isMask('xxxx')).toBe(true);
    expect(isMask('x')).toBe(false);
    expect(isStopword('на')).toBe(true);
    expect(isStopword('не')).toBe(false);
  });
});
