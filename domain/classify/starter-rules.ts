import type { KeywordRule } from './keyword-rules';

/**
 * Starter topic rules for a municipality with no history (topics that carry over from a big
 * city to a small district). A tenant edits them; once it has confirmed cases, the trained
 * model takes over. Labels are stored ASCII codes; names come from the i18n catalogue.
 */
export const STARTER_TOPIC_RULES: KeywordRule[] = [
  { label: 'roads', keywords: ['яма', 'выбоина', 'асфальт', 'дорога', 'дорожное покрытие', 'тротуар', 'ямочный ремонт', 'бордюр'] },
  { label: 'snow', keywords: ['снег', 'сугроб', 'наледь', 'гололед', 'сосулька', 'не посыпано', 'уборка снега', 'снегоуборочная'] },
  { label: 'waste', keywords: ['мусор', 'свалка', 'контейнер', 'вывоз мусора', 'бак', 'отходы', 'мусорная площадка'] },
  { label: 'lighting', keywords: ['фонарь', 'освещение', 'не горит', 'темно', 'опора освещения', 'лампа'] },
  { label: 'housing', keywords: ['подъезд', 'парадная', 'лифт', 'крыша', 'протечка', 'подвал', 'управляющая компания', 'мкд', 'кровля'] },
  { label: 'heating', keywords: ['отопление', 'батарея', 'холодно в квартире', 'радиатор', 'теплоснабжение'] },
  { label: 'water', keywords: ['вода', 'водоснабжение', 'нет воды', 'напор', 'водопровод', 'канализация', 'засор', 'колодец'] },
  { label: 'greenery', keywords: ['дерево', 'газон', 'покос', 'трава', 'кустарник', 'аварийное дерево', 'вырубка'] },
  { label: 'playgrounds', keywords: ['детская площадка', 'качели', 'горка', 'спортивная площадка', 'песочница'] },
  { label: 'transport', keywords: ['автобус', 'остановка', 'маршрут', 'светофор', 'пешеходный переход', 'знак', 'парковка'] },
  { label: 'advertising', keywords: ['реклама', 'объявление', 'вывеска', 'надпись', 'граффити', 'баннер'] },
  { label: 'animals', keywords: ['собака', 'бездомные животные', 'кошки', 'стая собак', 'отлов'] },
  { label: 'trade', keywords: ['торговля', 'ларек', 'киоск', 'нелегальная торговля', 'продают с земли'] },
];
