import { headerMatches, normalizeHeader } from '../table/detect-header';
import { IMPORT_FIELD_KEYS, MULTI_COLUMN_FIELDS, type ImportField, type ImportMapping, type ImportOptions } from './fields';

export type PresetCode = 'pos' | 'incident' | 'generic';

/**
 * A ready mapping for a known export, by header name (never by position: the column sets of both
 * systems change over time). Header names are the real ones of docs/source-formats.md §1 and §2.
 */
export interface Preset {
  code: PresetCode;
  name: string;
  channel: string | null;
  /** Headers that identify the export; `minHits` of them must be present. */
  signature: string[];
  minHits: number;
  /** Per field, the header names to look for; the first present wins (all present, for joined fields). */
  fields: Partial<Record<ImportField, string[]>>;
  options: ImportOptions;
}

export const PRESETS: Preset[] = [
  {
    code: 'pos',
    name: 'ПОС (Платформа обратной связи): выгрузка сообщений из ЛКО',
    channel: 'pos',
    signature: ['Номер', 'Номер ЕПГУ', 'Верхнеуровневый ЛКО', 'Дата поступления', 'Дата планируемого завершения работ', 'Фаст-трек', 'Оценка ответа заявителем', 'Заявитель выбрал подачу по 59-ФЗ'],
    minHits: 3,
    fields: {
      sourceId: ['Номер'],
      receivedAt: ['Дата поступления'],
      topic: ['Категория'],
      subtopic: ['Подкатегория', 'Факт'],
      regime: ['ФЗ', 'Заявитель выбрал подачу по 59-ФЗ'],
      fastTrack: ['Фаст-трек'],
      dueDate: ['Дата планируемого завершения работ'],
      externalStatus: ['Статус'],
      rating: ['Оценка ответа заявителем'],
    },
    options: { status: 'received', defaultRegime: 'MESSAGE' },
  },
  {
    code: 'incident',
    name: '«Инцидент Менеджмент» (ЦУР): выгрузка инцидентов',
    channel: 'incident',
    signature: ['Кабинет', 'ID', 'Номер инцидента', 'Текст инцидента', 'Группа тем', 'Тема', 'Урл поста', 'Текущий шаг инцидента', 'Муниципалитет'],
    minHits: 3,
    fields: {
      sourceId: ['ID', 'Номер инцидента'],
      receivedAt: ['Дата создания'],
      text: ['Текст инцидента'],
      topic: ['Группа тем'],
      subtopic: ['Тема'],
      locality: ['Населенный пункт', 'Населённый пункт'],
      address: ['Населенный пункт', 'Населённый пункт', 'Улица', 'Дом', 'Объект'],
      externalStatus: ['Текущий шаг инцидента'],
      sourceUrl: ['Урл поста'],
      applicantProfile: ['URL автора'],
    },
    options: { status: 'received', defaultRegime: 'MESSAGE' },
  },
  {
    code: 'generic',
    name: 'Таблица общего вида (столбцы по названиям)',
    channel: null,
    signature: [],
    minHits: 0,
    fields: {
      sourceId: ['Номер в источнике', 'Номер сообщения', 'Номер обращения', 'Номер', 'ID', 'Идентификатор', 'Код', '№', '№ п/п'],
      receivedAt: ['Дата поступления', 'Дата создания', 'Дата регистрации', 'Дата обращения', 'Дата', 'created_at', 'created', 'date'],
      text: ['Текст сообщения', 'Текст обращения', 'Текст инцидента', 'Текст', 'Содержание', 'Суть обращения', 'Описание', 'Сообщение', 'text', 'description'],
      topic: ['Тематика', 'Категория', 'Тема', 'Рубрика', 'category', 'topic'],
      subtopic: ['Подтематика', 'Подкатегория', 'Подтема', 'subcategory', 'reason'],
      settlement: ['Поселение', 'Муниципальное образование'],
      locality: ['Населённый пункт', 'Населенный пункт', 'Нас. пункт'],
      address: ['Адрес', 'Адрес проблемы', 'Местоположение', 'address'],
      lat: ['Широта', 'lat', 'latitude'],
      lon: ['Долгота', 'lon', 'lng', 'longitude'],
      regime: ['59-ФЗ', 'ФЗ'],
      fastTrack: ['Фаст-трек', 'Ускоренное решение'],
      dueDate: ['Срок ответа', 'Срок', 'Контрольный срок', 'Дата планируемого завершения работ'],
      externalStatus: ['Статус', 'Состояние', 'status'],
      rating: ['Оценка', 'Оценка заявителя', 'rating'],
      sourceUrl: ['Ссылка', 'URL', 'Урл поста'],
      applicantName: ['ФИО заявителя', 'ФИО', 'Заявитель'],
      applicantEmail: ['Электронная почта', 'E-mail', 'Email', 'Почта'],
      applicantPhone: ['Телефон', 'Телефон заявителя'],
      applicantProfile: ['Профиль', 'URL автора'],
    },
    options: { status: 'received', defaultRegime: 'MESSAGE' },
  },
];

/** Every header name any preset knows: used to find the header row under title rows. */
export const KNOWN_HEADERS: ReadonlySet<string> = new Set(PRESETS.flatMap((p) => [...p.signature, ...Object.values(p.fields).flat()]).map(normalizeHeader));

/** The preset whose signature the headers match best; the generic one when none does. */
export function matchPreset(headers: string[]): Preset {
  let best = PRESETS.find((p) => p.code === 'generic')!;
  let bestHits = 0;
  for (const p of PRESETS) {
    const hits = p.signature.filter((s) => headers.some((h) => headerMatches(h, new Set([normalizeHeader(s)])))).length;
    if (p.minHits > 0 && hits >= p.minHits && hits > bestHits) [best, bestHits] = [p, hits];
  }
  return best;
}

/** The preset's mapping applied to the actual headers of a file (the file's own spelling). */
export function applyPreset(preset: Preset, headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const key of IMPORT_FIELD_KEYS) {
    const multi = MULTI_COLUMN_FIELDS.has(key);
    const cols: string[] = [];
    for (const name of preset.fields[key] ?? []) {
      const h = findHeader(headers, name);
      if (!h || cols.includes(h) || (!multi && used.has(h))) continue;
      cols.push(h);
      if (!multi) break;
    }
    if (cols.length) {
      mapping[key] = cols;
      if (!multi) used.add(cols[0]);
    }
  }
  return mapping;
}

function findHeader(headers: string[], name: string): string | undefined {
  const n = normalizeHeader(name);
  return headers.find((h) => normalizeHeader(h) === n) ?? headers.find((h) => headerMatches(h, new Set([n])));
}

/** Headers of the file that the mapping does not use (reported, not imported). */
export function unusedHeaders(mapping: ImportMapping, headers: string[]): string[] {
  const used = new Set(Object.values(mapping).flat());
  return headers.filter((h) => !used.has(h));
}
