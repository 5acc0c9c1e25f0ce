/**
 * The closed set of case statuses. Stored values are these ASCII codes; the Russian labels come
 * from the catalogue (domain/i18n), never from the database.
 */
export const CASE_STATUSES = [
  'received', // поступило (из импорта, с сайта), ещё не зарегистрировано
  'registered', // зарегистрировано, получатель не назначен
  'assigned', // направлено ответственному получателю
  'in_work', // в работе у исполнителя
  'interim_answered', // дан промежуточный ответ, работа продолжается
  'answer_prepared', // ответ подготовлен исполнителем, ждёт руководителя получателя
  'under_review', // ответ на проверке МЦУ
  'returned', // возвращено на доработку
  'answered', // ответ направлен заявителю
  'reopened', // возобновлено: низкая оценка или заявитель оспорил решение
  'closed', // закрыто
  'forwarded', // перенаправлено по компетенции в другой орган
  'merged', // объединено с другим как дубликат
  'rejected', // отклонено (спам, нет сути, оскорбления)
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is still being worked on, so deadlines run and can be overdue. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'registered', 'assigned', 'in_work', 'interim_answered', 'answer_prepared', 'under_review', 'returned', 'reopened'];

/** Statuses in which the applicant has got the final answer (for timeliness). */
export const ANSWERED_STATUSES: readonly CaseStatus[] = ['answered', 'closed'];

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'forwarded', 'merged', 'rejected'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const REGIMES = ['FZ59', 'MESSAGE'] as const;
export type Regime = (typeof REGIMES)[number];

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type CasePriority = (typeof PRIORITIES)[number];
