import { describe, expect, it } from 'vitest';
import { smsLength } from './sms';
import { canonicalPageUrl } from './networks';
import { pageScore } from './page-rating';

describe('smsLength', () => {
  const table: [string, number, number][] = [
    ['', 0, 0],
    ['Hello', 5, 1],
    ['а'.repeat(70), 70, 1],
    ['а'.repeat(71), 71, 2],
    ['а'.repeat(134), 134, 2],
    ['а'.repeat(135), 135, 3],
    ['x'.repeat(161), 161, 2],
  ];
  for (const [text, chars, segments] of table) {
    it(`${chars} chars → ${segments} segment(s)`, () => {
      expect(smsLength(text)).toMatchObject({ chars, segments });
    });
  }
});

describe('canonicalPageUrl', () => {
  it('accepts and normalises pages of their network', () => {
    expect(canonicalPageUrl('vk', 'https://www.vk.com/krasnoarmeysk_adm/')).toEqual({ url: 'https://vk.com/krasnoarmeysk_adm' });
    expect(canonicalPageUrl('ok', 'ok.ru/group/123')).toEqual({ url: 'https://ok.ru/group/123' });
    expect(canonicalPageUrl('tg', 'https://t.me/adm64')).toEqual({ url: 'https://t.me/adm64' });
  });
  it('refuses another network, the bare site and garbage', () => {
    expect(canonicalPageUrl('vk', 'https://ok.ru/group/1')).toHaveProperty('error');
    expect(canonicalPageUrl('vk', 'https://vk.com/')).toHaveProperty('error');
    expect(canonicalPageUrl('ok', 'не адрес')).toHaveProperty('error');
  });
});

describe('pageScore', () => {
  it('a confirmed page with a widget, regular posts and answered comments scores 100', () => {
    expect(pageScore({ confirmed: true, widget: true, publications: 30, comments: 10, commentsAnswered: 10, silentDays: 1, silenceNormDays: 7 }).score).toBe(100);
  });
  it('silence beyond the norm and missing data lower the score, and each part is shown', () => {
    const s = pageScore({ confirmed: true, widget: false, publications: null, comments: null, commentsAnswered: null, silentDays: 14, silenceNormDays: 7 });
    expect(s.parts.map((p) => [p.code, p.value])).toEqual([['status', 60], ['regularity', 0], ['answers', 0], ['activity', 0]]);
    expect(s.score).toBe(18);
  });
});
