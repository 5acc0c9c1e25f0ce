import { describe, expect, it } from 'vitest';
import { conflictHits, type ConflictFacts } from './conflicts';

const SUBSTANTIVE = 'Бригада МУП «Водоканал» заменила участок трубы на ул. Ленина, 12; подача воды восстановлена 14.03 в 16:00. Благодарим за обращение.';
const base: ConflictFacts = { answerText: SUBSTANTIVE, rating: null, earlierSameProblem: 0 };

describe('conflictHits', () => {
  const cases: { name: string; facts: Partial<ConflictFacts>; reasons: string[] }[] = [
    { name: 'a substantive answer is not flagged', facts: {}, reasons: [] },
    { name: 'rude wording, any inflection', facts: { answerText: 'Хватит жаловаться, сами виноваты что не вывезли мусор вовремя со своего двора' }, reasons: ['rude'] },
    { name: 'a dismissive word in another form', facts: { answerText: 'Ваши жалобщики уже надоели всем сотрудникам администрации района, разбирайтесь с соседями' }, reasons: ['rude'] },
    { name: 'a template reply without substance', facts: { answerText: 'Ваше обращение рассмотрено. Информация принята к сведению. Вопрос находится на контроле администрации.' }, reasons: ['formal'] },
    { name: 'template phrases with specifics are fine', facts: { answerText: 'Ваше обращение рассмотрено. Ремонт кровли дома № 5 по ул. Мира включён в план на июнь 2026 года, подрядчик ООО «Кровля».' }, reasons: [] },
    { name: 'too short', facts: { answerText: 'Сделано.' }, reasons: ['too_short'] },
    { name: 'repeated complaint of the same applicant', facts: { earlierSameProblem: 2 }, reasons: ['repeated'] },
    { name: 'a low rating after the answer', facts: { rating: 2 }, reasons: ['low_rating'] },
    { name: 'a rating of 3 is not low', facts: { rating: 3 }, reasons: [] },
    { name: 'several reasons at once', facts: { answerText: 'Бред.', rating: 1, earlierSameProblem: 1 }, reasons: ['rude', 'too_short', 'repeated', 'low_rating'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(conflictHits({ ...base, ...c.facts }).map((h) => h.reason)).toEqual(c.reasons);
    });
  }

  it('names what triggered it', () => {
    const [hit] = conflictHits({ ...base, answerText: 'Не морочьте голову, у нас и без вас много работы по всему району сейчас' });
    expect(hit).toEqual({ reason: 'rude', detail: 'не морочьте голову' });
  });
});
