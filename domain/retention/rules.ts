import { z } from 'zod';

/** The classes of personal data the retention job destroys, with the defaults of a new tenant. */
export const PD_CLASSES = ['applicant', 'materials', 'quarantine', 'import_files', 'access_log'] as const;
export type PdClass = (typeof PD_CLASSES)[number];

export const DEFAULT_RETENTION = {
  enabled: true,
  /** Applicants of closed cases: 5 years (the usual term of appeal files in the номенклатура дел). */
  applicantMonths: 60,
  /**
   * Materials of closed cases (text, address, files, answers, notes): 5 years, the term of «предложения,
   * заявления, жалобы граждан… и документы по их рассмотрению» in the Перечень типовых управленческих
   * архивных документов, утв. приказом Росархива от 20.12.2019 № 236 (the article on обращения граждан:
   * 5 лет ЭПК), which the номенклатура дел of a municipality follows.
   */
  materialsMonths: 60,
  /** Raw quarantine rows of imports, and the uploaded files and previews of finished imports: 6 months. */
  quarantineMonths: 6,
  /** The personal-data access log: 3 years (приказ Роскомнадзора № 179), never less. */
  accessLogMonths: 36,
  responsible: '',
  operatorAddress: '',
};

export const retentionPolicyInput = z.object({
  enabled: z.boolean(),
  applicantMonths: z.number({ error: 'Срок для заявителей: укажите число месяцев' }).int().min(1, 'Срок для заявителей: не меньше 1 месяца').max(1200),
  materialsMonths: z.number({ error: 'Срок для материалов обращений: укажите число месяцев' }).int().min(1, 'Срок для материалов обращений: не меньше 1 месяца').max(1200),
  quarantineMonths: z.number({ error: 'Срок для карантина: укажите число месяцев' }).int().min(1, 'Срок для карантина: не меньше 1 месяца').max(1200),
  accessLogMonths: z.number({ error: 'Срок журнала доступа: укажите число месяцев' }).int().min(36, 'Срок журнала доступа: не меньше 36 месяцев (приказ Роскомнадзора № 179)').max(1200),
  responsible: z.string().trim().max(500, 'Ответственные: не длиннее 500 символов'),
  operatorAddress: z.string().trim().max(500, 'Адрес оператора: не длиннее 500 символов'),
});
export type RetentionPolicy = z.infer<typeof retentionPolicyInput>;

/** What the act says of each class: the subjects, the categories of data, the reason. */
export const CLASS_TEXT: Record<PdClass, { subjects: string; categories: string[]; reason: string }> = {
  applicant: {
    subjects: 'заявители (авторы обращений и сообщений)',
    categories: ['фамилия, имя, отчество', 'почтовый адрес', 'адрес электронной почты', 'номер телефона', 'профиль в социальной сети'],
    reason: 'достижение цели обработки: истёк срок хранения после закрытия обращения (152-ФЗ ст. 5 ч. 7, ст. 21 ч. 4)',
  },
  materials: {
    subjects: 'заявители и иные лица, упомянутые в материалах обращений',
    categories: ['текст обращения и адрес места проблемы с координатами', 'файлы обращения и ответов (в том числе фотографии)', 'тексты ответов, заметок, комментариев к оценке и причин решений', 'сведения из этих полей в журнале изменений'],
    reason: 'истёк срок хранения материалов закрытого обращения (152-ФЗ ст. 5 ч. 7, ст. 21 ч. 4; Перечень, утв. приказом Росархива от 20.12.2019 № 236, — 5 лет)',
  },
  quarantine: {
    subjects: 'заявители в строках импорта, не принятых в реестр',
    categories: ['исходные значения строк импорта (могут содержать ФИО, адреса, телефоны, адреса электронной почты)'],
    reason: 'истёк срок хранения непринятых строк импорта (152-ФЗ ст. 5 ч. 7)',
  },
  import_files: {
    subjects: 'заявители в строках загруженных файлов импорта',
    categories: ['исходные файлы импорта (CSV, XLSX) и первые строки файла на экране предпросмотра (могут содержать ФИО, адреса, телефоны, адреса электронной почты)'],
    reason: 'истёк срок хранения исходных файлов завершённого импорта: обращения из них уже в реестре (152-ФЗ ст. 5 ч. 7)',
  },
  access_log: {
    subjects: 'заявители, к чьим данным был доступ',
    categories: ['записи журнала доступа к персональным данным (пользователь, обращение, цель, время)'],
    reason: 'истёк трёхлетний срок хранения журнала (приказ Роскомнадзора от 28.10.2022 № 179)',
  },
};

/** What stays in place of every destroyed text of a case: the statistical record keeps its other fields. */
export const DESTROYED_TEXT_PREFIX = 'Текст удалён по истечении срока хранения';
export function destroyedTextMarker(actNumber: string): string {
  return `${DESTROYED_TEXT_PREFIX} (акт № ${actNumber})`;
}

/** The instant before which data of a class is expired: `months` calendar months before `now`. */
export function cutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}
