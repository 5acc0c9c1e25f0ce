import { z } from 'zod';
import { code, requiredText } from '../../../../domain/validation/fields';

/** The case fields a spreadsheet column can feed, and their Russian names for forms and messages. */
export const IMPORT_FIELDS = {
  sourceId: 'Номер в источнике',
  receivedAt: 'Дата поступления',
  text: 'Текст сообщения',
  topic: 'Тематика (по названию)',
  subtopic: 'Подтематика (по названию)',
  settlement: 'Поселение (по названию)',
  locality: 'Населённый пункт (по названию)',
  address: 'Адрес',
  lat: 'Широта',
  lon: 'Долгота',
  regime: 'Признак 59-ФЗ',
  fastTrack: 'Фаст-трек (ускоренное решение)',
  dueDate: 'Срок ответа в источнике',
  externalStatus: 'Статус в источнике',
  rating: 'Оценка заявителя (1–5)',
  sourceUrl: 'Ссылка на пост',
  applicantName: 'ФИО заявителя',
  applicantEmail: 'Электронная почта заявителя',
  applicantPhone: 'Телефон заявителя',
  applicantProfile: 'Профиль автора в соцсети',
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Fields several columns may feed, joined (address parts) or any of them (59-ФЗ flags). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set(['text', 'address', 'regime']);

/** Field → the file's header names that feed it (usually one; empty: not imported). */
export type ImportMapping = Partial<Record<ImportField, string[]>>;

export const IMPORT_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 1024 * 1024,
  previewRows: 20,
  sampleRows: 40,
  /** Rows per transaction: measured on the 60 thousand real rows, 4 000 takes ~10 % less CPU than 1 000. */
  chunkRows: 4000,
  /** …and at most this much text per chunk, so long messages keep the memory flat. */
  chunkChars: 4 * 1024 * 1024,
  retryRows: 5000,
  /** Files from this size on are parsed and mapped in a worker thread (a thread costs ~0.5 s to start). */
  workerFromBytes: 2 * 1024 * 1024,
} as const;

const headerList = z.array(z.string({ error: 'Сопоставление: ожидается название столбца' }).trim().min(1, { error: 'Сопоставление: пустое название столбца' }).max(300), { error: 'Сопоставление: ожидается список столбцов' }).max(10, { error: 'Сопоставление: не более 10 столбцов на поле' });

export const importMappingSchema = z.strictObject(
  Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [k, headerList.optional()])) as Record<ImportField, z.ZodOptional<typeof headerList>>,
  { error: 'Сопоставление: неизвестное поле' },
);

export const importOptionsSchema = z.strictObject({
  /** Status a new case gets: «поступило» (staff register it later) or «зарегистрировано». */
  status: z.enum(['received', 'registered'], { error: 'Статус новых сообщений: «поступило» или «зарегистрировано»' }).default('received'),
  /** Regime when the file has no 59-ФЗ flag (or it says no). */
  defaultRegime: z.enum(['MESSAGE', 'FZ59'], { error: 'Режим по умолчанию: сообщение или обращение 59-ФЗ' }).default('MESSAGE'),
  /** Zone of times written without an offset; the tenant's zone when empty. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((tz) => tz === '' || isTimeZone(tz), { error: 'Часовой пояс: неизвестное название (например, Europe/Saratov)' })
    .optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const startImportInput = z.object({
  channel: code('Канал'),
  mapping: importMappingSchema,
  options: importOptionsSchema.default({ status: 'received', defaultRegime: 'MESSAGE' }),
  /** Save the mapping under this name for the next files of the source (updates one of the same name). */
  saveAs: requiredText('Название сопоставления', 200).optional(),
});
export type StartImportInput = z.infer<typeof startImportInput>;

export const mappingInput = z.object({
  name: requiredText('Название сопоставления', 200),
  channel: code('Канал'),
  mapping: importMappingSchema,
  options: importOptionsSchema.default({ status: 'received', defaultRegime: 'MESSAGE' }),
});
export type MappingInput = z.infer<typeof mappingInput>;

/** Checks a mapping against the file's headers; Russian messages by field. */
export function checkMapping(mapping: ImportMapping, headers: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(headers);
  for (const key of IMPORT_FIELD_KEYS) {
    const cols = mapping[key] ?? [];
    const missing = cols.find((c) => !known.has(c));
    if (missing) errors[`mapping.${key}`] = `${IMPORT_FIELDS[key]}: столбца «${missing}» нет в файле`;
    else if (cols.length > 1 && !MULTI_COLUMN_FIELDS.has(key)) errors[`mapping.${key}`] = `${IMPORT_FIELDS[key]}: выберите один столбец`;
  }
  if (!mapping.sourceId?.length) errors['mapping.sourceId'] ??= `${IMPORT_FIELDS.sourceId}: выберите столбец (по нему повторная загрузка не создаёт дублей)`;
  if (!mapping.receivedAt?.length) errors['mapping.receivedAt'] ??= `${IMPORT_FIELDS.receivedAt}: выберите столбец`;
  if (Boolean(mapping.lat?.length) !== Boolean(mapping.lon?.length)) errors['mapping.lat'] ??= 'Координаты: выберите и широту, и долготу';
  return errors;
}
