import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlace, findStreet, type Gazetteer } from './territory-from-text';

interface RefFile { settlements: { code: string; name: string; adminCentre: string | null }[]; localities: { code: string; name: string; settlementCode: string | null; lat: number | null; lon: number | null }[] }
const ref = JSON.parse(readFileSync(new URL('../../../data/territory/krasnoarmeysky.json', import.meta.url), 'utf8')) as RefFile;
const g: Gazetteer = {
  settlements: ref.settlements.map((s) => ({ id: s.code, name: s.name, adminCentre: s.adminCentre })),
  localities: ref.localities.map((l) => ({ id: l.code, name: l.name, settlementId: l.settlementCode, lat: l.lat, lon: l.lon })),
};

/** Real phrasings: text → [settlement code, locality code, street]. */
const CASES: [string, string | null, string | null, string | null][] = [
  ['В Сплавнухе третий день нет воды', 'splavnukhinskoe', 'splavnukha', null],
  ['у нас в сплавнухе не горят фонари', 'splavnukhinskoe', 'splavnukha', null],
  ['Жители Сплавнухи просят отремонтировать дорогу', 'splavnukhinskoe', 'splavnukha', null],
  ['В Каменском не вывозят мусор', 'kamenskoe', 'kamenskiy', null],
  ['рп Каменский, ул. Школьная, ямы на дороге', 'kamenskoe', 'kamenskiy', 'ул. Школьная'],
  ['Прошу отремонтировать дорогу по улице Школьной в рп Каменский', 'kamenskoe', 'kamenskiy', 'ул. Школьная'],
  ['с. Золотое, нет освещения на остановке', 'zolotovskoe', 'zolotoe', null],
  ['В селе Золотом закрыли ФАП', 'zolotovskoe', 'zolotoe', null],
  ['Из Золотого не ходит автобус до района', 'zolotovskoe', 'zolotoe', null],
  ['В Красноармейске по улице Ленина яма на дороге', 'krasnoarmeysk', 'krasnoarmeysk', 'ул. Ленина'],
  ['г. Красноармейск, ул. Ленина, д. 5 — протекает крыша', 'krasnoarmeysk', 'krasnoarmeysk', 'ул. Ленина'],
  ['Красноармейск, ул Кирова: сломаны качели', 'krasnoarmeysk', 'krasnoarmeysk', 'ул. Кирова'],
  ['Отключили свет в Рогаткино', 'rogatkinskoe', 'rogatkino', null],
  ['в рогаткине не чистят снег', 'rogatkinskoe', 'rogatkino', null],
  ['В Садовом нет газа', 'krasnoarmeysk', 'sadovoe', null],
  ['с. Садовое, пер. Садовый: свалка мусора', 'krasnoarmeysk', 'sadovoe', 'пер. Садовый'],
  ['В Высоком уже неделю нет воды', 'vysokovskoe', 'vysokoe', null],
  ['Высокое напряжение в сети, горят приборы', null, null, null],
  ['В Карамыше разбита дорога', 'vysokovskoe', 'karamysh', null],
  ['Жители Гвардейского жалуются на школьный автобус', 'gvardeyskoe', 'gvardeyskoe', null],
  ['Нижнебанновское МО: не работает уличное освещение', 'nizhnebannovskoe', null, null],
  ['Сплавнухинское муниципальное образование, нет покоса травы', 'splavnukhinskoe', 'splavnukha', null],
  ['В Золотовском поселении не вывозят ТКО', 'zolotovskoe', 'zolotoe', null],
  ['На Советской улице в Красноармейске нет тротуара', 'krasnoarmeysk', 'krasnoarmeysk', 'ул. Советская'],
  ['по улице Ленина не горят фонари', null, null, 'ул. Ленина'],
  ['Сломана детская площадка во дворе дома', null, null, null],
  ['Золото и серебро нашли на огороде', null, null, null],
  ['в Каменском МО нет врача', 'kamenskoe', 'kamenskiy', null],
  ['Село Белогорское: не горит фонарь', null, 'belogorskoe', null],
];

describe('territory from text', () => {
  it.each(CASES)('%s', (text, settlement, locality, street) => {
    const p = findPlace(g, text);
    expect({ settlement: p.settlementId, locality: p.localityId, street: p.street }).toEqual({ settlement, locality, street });
  });

  it('prefers the address field and gives coordinates of the locality', () => {
    const p = findPlace(g, 'В Сплавнухе тоже так', 'с. Золотое, ул. Мира, 3');
    expect(p).toMatchObject({ settlementId: 'zolotovskoe', localityId: 'zolotoe', street: 'ул. Мира', lat: 50.826111 });
  });

  it('finds streets in the usual spellings', () => {
    expect(findStreet('ул. Ленина, д. 5')).toBe('ул. Ленина');
    expect(findStreet('по улице Ленина')).toBe('ул. Ленина');
    expect(findStreet('на пл. Победы')).toBe('пл. Победы');
  });
});
