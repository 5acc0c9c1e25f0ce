import { mulberry32 } from './softmax';
import type { Example } from './model';

/** Words of three separable toy topics and shared filler words (for tests). */
export const TOY_TOPICS: Record<string, string[]> = {
  roads: ['яма', 'асфальт', 'выбоина', 'дорога', 'проезжая', 'колея'],
  waste: ['мусор', 'контейнер', 'свалка', 'отходы', 'пакеты', 'вывоз'],
  light: ['фонарь', 'освещение', 'темно', 'лампа', 'опора', 'горит'],
};
const FILLER = ['возле', 'дома', 'улица', 'давно', 'жители', 'просим', 'срочно', 'двор'];

/** `perClass` deterministic texts per topic: three topic words and two filler words. */
export function toyExamples(perClass: number, seed = 7): Example[] {
  const rnd = mulberry32(seed);
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)];
  const out: Example[] = [];
  for (const [label, words] of Object.entries(TOY_TOPICS)) {
    for (let i = 0; i < perClass; i++) {
      const text = [pick(FILLER), pick(words), pick(words), pick(FILLER), pick(words)].join(' ');
      out.push({ text, label });
    }
  }
  return out;
}
