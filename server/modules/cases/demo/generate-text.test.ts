import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from './prng';
import {
  ANSWER_SLOTS,
  GENERIC_STREETS,
  MESSAGE_SLOTS,
  demoSubtopicCodes,
  formatDueDate,
  generateAnswerText,
  generateCaseText,
  templateSlots,
  type DemoPlace,
} from './generate-text';
import {
  ADDONS_ANGRY,
  ADDONS_NEUTRAL,
  CLOSINGS_ANGRY,
  CLOSINGS_POLITE,
  FORMAL_ANSWERS,
  OPENINGS_CASUAL,
  OPENINGS_POLITE,
  SOCIAL_PREFIXES,
  SOCIAL_SUFFIXES,
  SUBTOPIC_TEMPLATES,
} from './text-templates';

interface Rubricator {
  blocks: { code: string; name: string; topicCodes: string[] }[];
  topics: { code: string; name: string; priority: boolean; subtopics: { code: string; name: string }[] }[];
}

const rubricator = JSON.parse(
  readFileSync(new URL('../../../../data/rubricator/topics.json', import.meta.url), 'utf8'),
) as Rubricator;
const subtopicCodes = rubricator.topics.flatMap((t) => t.subtopics.map((s) => s.code));

const PLACES: DemoPlace[] = [
  { localityName: 'Красноармейск', localityType: 'город' },
  { localityName: 'Каменский', localityType: 'рабочий посёлок (пгт)' },
  { localityName: 'Золотое', localityType: 'село' },
  { localityName: 'Сплавнуха', localityType: 'с.' },
  { localityName: 'Нижняя Банновка', localityType: 'село', streets: ['Центральная', 'пер. Школьный'] },
  { localityName: 'Рогаткино', localityType: 'село', streets: ['ул. Пушкина'] },
  { localityName: 'Новый', localityType: 'неизвестный тип' },
];

const DECREE_TOPICS: Record<string, string> = {
  education: 'Образование',
  health: 'Здравоохранение',
  social: 'Социальная защита',
  transport: 'Транспорт',
  roads: 'Дорожная деятельность',
  energy: 'Энергетика',
  housing: 'ЖКХ',
  waste: 'Обращение с ТКО',
};

function cyrillicShare(s: string): number {
  const letters = s.match(/\p{L}/gu) ?? [];
  const cyr = s.match(/\p{Script=Cyrillic}/gu) ?? [];
  return letters.length === 0 ? 0 : cyr.length / letters.length;
}

function corpus(seed: number | string, perSubtopic: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (const code of subtopicCodes) {
    for (let i = 0; i < perSubtopic; i++) {
      const r = generateCaseText(rng, code, PLACES[i % PLACES.length]);
      out.push(`${r.text} | ${r.address ?? ''}`);
    }
  }
  return out;
}

describe('rubricator data/rubricator/topics.json', () => {
  it('has the eight decree topics with fixed codes, priority=true', () => {
    for (const [code, name] of Object.entries(DECREE_TOPICS)) {
      const t = rubricator.topics.find((x) => x.code === code);
      expect(t, code).toBeDefined();
      expect(t!.name).toBe(name);
      expect(t!.priority).toBe(true);
    }
    const others = rubricator.topics.filter((t) => !(t.code in DECREE_TOPICS));
    expect(others.map((t) => t.code)).toEqual(expect.arrayContaining(['improvement', 'other']));
    for (const t of others) expect(t.priority, t.code).toBe(false);
  });

  it('has 6–12 sub-topics per topic, codes <topic>.<ascii>, all unique', () => {
    const all = new Set<string>();
    for (const t of rubricator.topics) {
      expect(t.subtopics.length, t.code).toBeGreaterThanOrEqual(6);
      expect(t.subtopics.length, t.code).toBeLessThanOrEqual(12);
      for (const s of t.subtopics) {
        expect(s.code).toMatch(new RegExp(`^${t.code}\\.[a-z][a-z0-9_]*$`));
        expect(s.name.trim().length).toBeGreaterThan(2);
        expect(all.has(s.code), s.code).toBe(false);
        all.add(s.code);
      }
    }
    expect(new Set(rubricator.topics.map((t) => t.code)).size).toBe(rubricator.topics.length);
  });

  it('has 4 blocks that cover every topic exactly once', () => {
    expect(rubricator.blocks).toHaveLength(4);
    const covered = rubricator.blocks.flatMap((b) => b.topicCodes);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual(rubricator.topics.map((t) => t.code).sort());
  });

  it('puts «Безнадзорные животные» under improvement', () => {
    const imp = rubricator.topics.find((t) => t.code === 'improvement')!;
    expect(imp.subtopics.some((s) => s.name === 'Безнадзорные животные')).toBe(true);
  });
});

describe('templates', () => {
  it('exist for every sub-topic of the rubricator and for no other code', () => {
    expect(demoSubtopicCodes().sort()).toEqual([...subtopicCodes].sort());
    for (const code of subtopicCodes) {
      const t = SUBTOPIC_TEMPLATES[code];
      expect(t.messages.length, code).toBeGreaterThanOrEqual(4);
      expect(t.answers.length, code).toBeGreaterThanOrEqual(2);
      expect(new Set(t.messages).size, `${code}: duplicate messages`).toBe(t.messages.length);
    }
  });

  it('use only known slots; substantive answers carry {term}, formal ones do not', () => {
    for (const code of subtopicCodes) {
      const t = SUBTOPIC_TEMPLATES[code];
      const vars = Object.keys(t.vars ?? {});
      for (const m of t.messages) for (const s of templateSlots(m)) expect([...MESSAGE_SLOTS, ...vars], `${code}: {${s}}`).toContain(s);
      for (const v of Object.values(t.vars ?? {})) for (const val of v) for (const s of templateSlots(val)) expect(MESSAGE_SLOTS).toContain(s);
      for (const a of t.answers) {
        expect(a, code).toContain('{term}');
        for (const s of templateSlots(a)) expect([...ANSWER_SLOTS, ...vars], `${code}: {${s}}`).toContain(s);
      }
      for (const f of t.formal ?? []) expect(templateSlots(f), code).toEqual([]);
      const all = [...t.messages, ...t.answers].join(' ');
      for (const v of vars) expect(all, `${code}: var {${v}} is never used`).toContain(`{${v}}`);
    }
    const shared = [...OPENINGS_POLITE, ...OPENINGS_CASUAL, ...ADDONS_NEUTRAL, ...ADDONS_ANGRY, ...CLOSINGS_POLITE, ...CLOSINGS_ANGRY, ...SOCIAL_PREFIXES, ...SOCIAL_SUFFIXES];
    for (const s of shared) for (const slot of templateSlots(s)) expect(MESSAGE_SLOTS).toContain(slot);
    for (const f of FORMAL_ANSWERS) expect(templateSlots(f)).toEqual([]);
  });
});

describe('generateCaseText', () => {
  it('is deterministic: same seed → same texts', () => {
    expect(corpus(2025, 3)).toEqual(corpus(2025, 3));
    expect(corpus('demo', 2)).toEqual(corpus('demo', 2));
  });

  it('differs between seeds', () => {
    const a = corpus(1, 2);
    const b = corpus(2, 2);
    const same = a.filter((x, i) => x === b[i]).length;
    expect(same).toBeLessThan(a.length * 0.2);
  });

  it('fills every slot, writes Russian, keeps lengths sane', () => {
    const rng = createRng(7);
    for (const code of subtopicCodes) {
      const texts = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const { text, address } = generateCaseText(rng, code, PLACES[i % PLACES.length]);
        texts.add(text);
        expect(text, code).not.toMatch(/[{}]/);
        expect(text, code).not.toMatch(/undefined|null|NaN/);
        expect(text.length, `${code}: ${text}`).toBeGreaterThanOrEqual(10);
        expect(text.length, `${code}: ${text}`).toBeLessThanOrEqual(900);
        expect(cyrillicShare(text), text).toBeGreaterThan(0.95);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s{2}/);
        if (address !== null) expect(address).not.toMatch(/[{}]/);
      }
      expect(texts.size, `${code}: too little variety`).toBeGreaterThanOrEqual(15);
    }
  });

  it('builds an address from the street in the text, generic streets only when none are given', () => {
    const rng = createRng(11);
    let withAddress = 0;
    for (let i = 0; i < 300; i++) {
      const r = generateCaseText(rng, 'housing.heating', { localityName: 'Красноармейск', localityType: 'город', streets: ['Пушкина'] });
      if (r.address === null) continue;
      withAddress++;
      expect(r.address).toMatch(/^г\. Красноармейск, ул\. Пушкина(, д\. \d+[аб]?(\/\d)?)?$/);
      expect(r.text).toMatch(/Пушкина|пушкина/);
      const house = /д\. (\S+)$/.exec(r.address)?.[1];
      if (house) expect(r.text).toContain(house);
    }
    expect(withAddress).toBeGreaterThan(50);
    const village = generateCaseTextUntilAddress('roads.potholes', { localityName: 'Золотое', localityType: 'село' });
    expect(village).toMatch(new RegExp(`^с\\. Золотое, ул\\. (${GENERIC_STREETS.join('|')})(, д\\. \\S+)?$`));
    const other = generateCaseTextUntilAddress('roads.signs', { localityName: 'Каменский', localityType: 'рабочий посёлок (пгт)', streets: ['пер. Школьный'] });
    expect(other).toMatch(/^рп Каменский, пер\. Школьный/);
  });

  it('gives no address when the message names no street', () => {
    const rng = createRng(3);
    for (let i = 0; i < 100; i++) {
      expect(generateCaseText(rng, 'health.specialists', PLACES[i % PLACES.length]).address).toBeNull();
    }
  });

  it('declines place names only where it can', () => {
    const rng = createRng(5);
    const town = Array.from({ length: 400 }, () => generateCaseText(rng, 'housing.cold_water', PLACES[0]).text).join('\n');
    expect(town).toMatch(/в Красноармейске|в г\. Красноармейске|в городе Красноармейске/i);
    expect(town).not.toMatch(/в (г\. |городе )?Красноармейск(?!\p{L})/iu);
    const rp = Array.from({ length: 400 }, () => generateCaseText(rng, 'housing.cold_water', PLACES[1]).text).join('\n');
    expect(rp).toMatch(/в Каменском|в рп Каменский|в посёлке Каменский|в поселке Каменский/i);
    expect(rp).not.toMatch(/(?<!\p{L})в Каменский/iu);
  });

  it('shares vocabulary across topics (not trivially separable)', () => {
    const rng = createRng(99);
    const topicsWith = (re: RegExp) =>
      new Set(
        rubricator.topics
          .filter((t) => t.subtopics.some((s) => Array.from({ length: 30 }, () => generateCaseText(rng, s.code, PLACES[2]).text).some((x) => re.test(x))))
          .map((t) => t.code),
      ).size;
    expect(topicsWith(/не первый раз/i)).toBeGreaterThanOrEqual(8);
    expect(topicsWith(/(?<!\p{L})уже(?!\p{L})/iu)).toBeGreaterThanOrEqual(10);
  });

  it('keeps thank-you messages free of complaints', () => {
    const rng = createRng(8);
    for (let i = 0; i < 200; i++) {
      const { text } = generateCaseText(rng, 'other.gratitude', PLACES[i % PLACES.length]);
      expect(text).not.toMatch(/позор|безобразие|прокуратур|доколе|отписк|толку/i);
    }
  });

  it('rejects an unknown sub-topic', () => {
    expect(() => generateCaseText(createRng(1), 'roads.nope', PLACES[0])).toThrow(/roads\.nope/);
  });
});

function generateCaseTextUntilAddress(code: string, place: DemoPlace): string {
  const rng = createRng(code);
  for (let i = 0; i < 200; i++) {
    const r = generateCaseText(rng, code, place);
    if (r.address) return r.address;
  }
  throw new Error(`no address produced for ${code}`);
}

describe('generateAnswerText', () => {
  const DATE_RE = /\d{2}\.\d{2}\.\d{4}/;
  const PERIOD_RE = /в течение \d+ (рабоч|календарн)|до конца текущего месяца|в течение (двух недель|месяца)/;
  const MEASURE_RE = /(выполнен|проведен|проведён|устранен|устранён|организован|установлен|заменен|заменён|назначен|включен|включён|восстановлен|направлен|перечислен|предоставлен|оформлен|ремонт|вывоз|отлов|перерасч|возобнов|открыт|приступит|запущен|снят|рассмотрен|прекращ|приостановлен|доведен|доведён|объявлен|выделен|скорректирован|размещ|обеспечен|подобран|закреплен|закреплён|поступит|начн[её]тся|проведут|произвед|оказан|введ[её]н|провер|заверш|запланирован|заключ|восстановит)/i;

  it('names the due date and a measure in every substantive answer', () => {
    const rng = createRng(21);
    for (const code of subtopicCodes) {
      for (let i = 0; i < 8; i++) {
        const a = generateAnswerText(rng, code, { formal: false, dueDate: '2025-07-15' });
        expect(a, code).toContain('15.07.2025');
        expect(a, code).toMatch(MEASURE_RE);
        expect(a).not.toMatch(/[{}]/);
        expect(cyrillicShare(a)).toBeGreaterThan(0.95);
        const b = generateAnswerText(rng, code, { formal: false });
        expect(b, code).toMatch(PERIOD_RE);
      }
    }
  });

  it('gives formal replies without a date or a period, even when a due date is known', () => {
    const rng = createRng(22);
    const seen = new Set<string>();
    for (const code of subtopicCodes) {
      for (let i = 0; i < 5; i++) {
        const a = generateAnswerText(rng, code, { formal: true, dueDate: '15.07.2025' });
        seen.add(a);
        expect(a, code).not.toMatch(DATE_RE);
        expect(a, code).not.toMatch(PERIOD_RE);
        expect(a.length).toBeGreaterThan(20);
      }
    }
    expect([...seen].some((a) => a.includes('информация принята к сведению'))).toBe(true);
  });

  it('is deterministic and accepts ISO and Russian dates', () => {
    const a = generateAnswerText(createRng(5), 'roads.potholes', { formal: false, dueDate: '2026-03-01T00:00:00+04:00' });
    const b = generateAnswerText(createRng(5), 'roads.potholes', { formal: false, dueDate: '01.03.2026' });
    expect(a).toBe(b);
    expect(a).toContain('01.03.2026');
    expect(formatDueDate('2024-02-29')).toBe('29.02.2024');
    expect(() => formatDueDate('2025-02-29')).toThrow();
    expect(() => formatDueDate('завтра')).toThrow();
  });
});

describe('prng', () => {
  it('keeps int() inside inclusive bounds and reaches both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('respects weights, probabilities and the normal distribution', () => {
    const rng = createRng('w');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++) counts[rng.weighted(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => rng.chance(1)).every(Boolean)).toBe(true);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    expect(() => rng.pick([])).toThrow();
    expect(() => rng.weighted(['a'], [0])).toThrow();
  });

  it('is reproducible by seed, and forks are stable', () => {
    const a = createRng(123);
    const b = createRng(123);
    expect(Array.from({ length: 10 }, () => a.next())).toEqual(Array.from({ length: 10 }, () => b.next()));
    expect(createRng('x').fork('k').next()).toBe(createRng('x').fork('k').next());
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
});
