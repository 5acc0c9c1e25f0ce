import { describe, expect, it } from 'vitest';
import { trainInWorker } from './train-in-worker';
import { deserializeClassifier } from '../../../domain/classify/serialize';

describe('training in a worker thread', () => {
  it('trains off the main thread, scores on the newest tenth and returns a usable serialised model', async () => {
    const history = Array.from({ length: 300 }, (_, i) => (i % 2 ? { text: `Яма на дороге, разбит асфальт у дома ${i}`, label: 'roads' } : { text: `Не вывозят мусор, переполнен контейнер ${i}`, label: 'waste' }));
    const out = await trainInWorker({ history, corrections: [{ text: 'Собаки разрывают пакеты', label: 'animals', weight: 3 }] });
    expect(out.nTrain).toBe(271);
    expect(out.metrics).toMatchObject({ nTest: 30, accuracy: 1 });
    const clf = deserializeClassifier(out.model);
    expect(clf.predict('Глубокая яма на дороге', undefined, 1)[0].label).toBe('roads');
  }, 60_000);
});
