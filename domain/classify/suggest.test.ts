import { describe, expect, it } from 'vitest';
import { trainClassifier } from './model';
import { STARTER_TOPIC_RULES } from './starter-rules';
import { buildSuggester, withCorrections } from './suggest';
import { toyExamples } from './toy-data';

describe('corrections and retraining', () => {
  it('a correction changes the next suggestion', () => {
    const history = toyExamples(40);
    const text = 'темно у контейнера, фонарь не горит';
    const before = trainClassifier(history).predict(text)[0].label;
    expect(before).toBe('light');
    // The operator corrects it: such messages go to the waste contractor.
    const corrections = [
      { text, label: 'waste' },
      { text: 'фонарь у контейнеров не горит', label: 'waste' },
      { text: 'темно на контейнерной площадке', label: 'waste' },
    ];
    const after = trainClassifier(withCorrections(history, corrections)).predict(text)[0];
    expect(after.label).toBe('waste');
  });

  it('a corrected text replaces its old label and weighs more', () => {
    const merged = withCorrections([{ text: 'Яма  у дома', label: 'waste' }, { text: 'мусор', label: 'waste' }], [{ text: 'яма у дома', label: 'roads' }], 3);
    expect(merged).toEqual([{ text: 'мусор', label: 'waste' }, { text: 'яма у дома', label: 'roads', extras: undefined, weight: 3 }]);
  });
});

describe('buildSuggester', () => {
  it('starts a new tenant from keyword rules', () => {
    const s = buildSuggester([], [], STARTER_TOPIC_RULES);
    expect(s.source).toBe('rules');
    expect(s.suggest('Огромная яма на дороге у школы')[0].label).toBe('roads');
  });

  it('switches to the trained model once there is enough history', () => {
    const s = buildSuggester(toyExamples(40), [], STARTER_TOPIC_RULES, { minExamples: 100 });
    expect(s.source).toBe('model');
    expect(s.suggest('мусор не вывозят', undefined, 2).map((x) => x.label)[0]).toBe('waste');
  });
});
