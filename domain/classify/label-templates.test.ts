import { describe, expect, it } from 'vitest';
import { resolveTemplates, templateExamples, templateOf } from './label-templates';
import { trainClassifier } from './model';
import { deserializeClassifier, serializeClassifier } from './serialize';

describe('label templates', () => {
  it('replaces the district inside a recipient name, in any case form', () => {
    expect(templateOf('СПб ГКУ ЖА Невского района', 'Невский')).toBe('спб гку жа {} района');
    expect(templateOf('Администрация Василеостровского района', 'Василеостровский')).toBe('администрация {} района');
    expect(templateOf('Комитет по благоустройству', 'Невский')).toBe('Комитет по благоустройству');
    expect(templateOf('Администрация Невского района', '')).toBe('Администрация Невского района');
  });

  it('learns the names back and resolves suggestions for the message district', () => {
    const { examples, templates } = templateExamples([
      { text: 'a', label: 'Администрация Невского района', extras: { district: 'Невский' } },
      { text: 'b', label: 'Администрация Кировского района', extras: { district: 'Кировский' } },
      { text: 'c', label: 'Комитет по печати', extras: { district: 'Кировский' } },
    ], 'district');
    expect(examples.map((e) => e.label)).toEqual(['администрация {} района', 'администрация {} района', 'Комитет по печати']);
    const s = [{ label: 'администрация {} района', p: 0.7 }, { label: 'Комитет по печати', p: 0.3 }];
    expect(resolveTemplates(s, templates, { district: 'Кировский' }, 3)).toEqual([
      { label: 'Администрация Кировского района', p: 0.7 },
      { label: 'Комитет по печати', p: 0.3 },
    ]);
    // No known name for this district: the template is dropped.
    expect(resolveTemplates(s, templates, { district: 'Пушкинский' }, 3)).toEqual([{ label: 'Комитет по печати', p: 0.3 }]);
  });

  it('lets the text part of a recipient be learnt across districts', () => {
    const districts = ['Невский', 'Кировский', 'Выборгский'];
    const gen = (d: string) => (d === 'Невский' ? 'Невского' : d === 'Кировский' ? 'Кировского' : 'Выборгского');
    // Housing texts go to the ЖА, street texts to the Администрация — but Выборгский has only ЖА cases.
    const examples = districts.flatMap((d) => [
      ...Array.from({ length: 20 }, () => ({ text: 'грязно в парадной, не убирают подъезд', label: `СПб ГКУ ЖА ${gen(d)} района`, extras: { district: d } })),
      ...(d === 'Выборгский' ? [] : Array.from({ length: 20 }, () => ({ text: 'незаконная торговля у метро', label: `Администрация ${gen(d)} района`, extras: { district: d } }))),
    ]);
    examples.push({ text: 'торговля с рук', label: 'Администрация Выборгского района', extras: { district: 'Выборгский' } });
    const clf = trainClassifier(examples, { labelTemplateKey: 'district' });
    expect(clf.predict('торговля у метро', { district: 'Выборгский' })[0].label).toBe('Администрация Выборгского района');
    const back = deserializeClassifier(JSON.parse(JSON.stringify(serializeClassifier(clf))));
    expect(back.predict('подъезд грязный', { district: 'Кировский' })).toEqual(clf.predict('подъезд грязный', { district: 'Кировский' }));
  });
});
