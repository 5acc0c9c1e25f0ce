import { z } from 'zod';
import { LIMITS, oneOf, optionalText, optionalUuidRef, requiredText, uuidRef } from '../validation/fields';
import { SIGNAL_KEY } from '../analytics/schemas';

/** Problem statuses: open → in_progress → resolved | not_confirmed (and back to in_progress). */
export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved', 'not_confirmed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
/** Statuses in which a problem collects new cases. */
export const ACTIVE_PROBLEM_STATUSES: readonly ProblemStatus[] = ['open', 'in_progress'];
export const PROBLEM_TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  open: ['in_progress', 'resolved', 'not_confirmed'],
  in_progress: ['resolved', 'not_confirmed', 'open'],
  resolved: ['in_progress'],
  not_confirmed: ['open'],
};

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const POLL_KINDS = ['poll', 'vote', 'discussion'] as const;
export const POLL_PLATFORMS = ['pos', 'own'] as const;

const caseIds = z.array(z.uuid({ error: 'Обращения: неверная ссылка' }), { error: 'Обращения: ожидается список' }).max(5000, { error: 'Обращения: не более 5000 за раз' });

export const problemInput = z.object({
  title: requiredText('Название'),
  description: optionalText('Описание', LIMITS.longText),
  topicId: optionalUuidRef('Тематика'),
  settlementId: optionalUuidRef('Поселение'),
  signalKey: z.string().regex(SIGNAL_KEY, { error: 'Сигнал: неверный ключ' }).nullable().optional(),
  caseIds: caseIds.optional(),
});
export type ProblemInput = z.infer<typeof problemInput>;

export const problemUpdateInput = problemInput.pick({ title: true, description: true, topicId: true, settlementId: true });
export type ProblemUpdateInput = z.infer<typeof problemUpdateInput>;

export const problemStatusInput = z.object({ status: oneOf('Статус', PROBLEM_STATUSES) });
export const problemCasesInput = z.object({ caseIds: caseIds.min(1, { error: 'Обращения: выберите хотя бы одно' }) });

export const problemsQuery = z.object({
  status: oneOf('Статус', PROBLEM_STATUSES).optional(),
  caseId: z.uuid({ error: 'Обращение: неверная ссылка' }).optional(),
});

const isoDate = (label: string) => z.iso.date({ error: `${label}: дата ГГГГ-ММ-ДД` });

export const roadmapInput = z
  .object({
    title: requiredText('Название'),
    blockId: optionalUuidRef('Блок'),
    problemId: optionalUuidRef('Проблема'),
  })
  .refine((v) => v.blockId || v.problemId, { error: 'Укажите блок тематик или проблему', path: ['blockId'] });
export type RoadmapInput = z.infer<typeof roadmapInput>;

/**
 * A measure. The deadline «not in the past» depends on today, which only the server knows for
 * sure: it checks that (measureDeadlineError) on create and when the deadline changes.
 */
export const measureInput = z.object({
  title: requiredText('Мероприятие'),
  description: optionalText('Описание', LIMITS.longText),
  dueOn: z.iso.date({ error: 'Срок: укажите дату' }),
  responsibleId: uuidRef('Ответственный'),
  recipientId: optionalUuidRef('Исполнитель (получатель)'),
  topicId: optionalUuidRef('Тематика'),
  settlementId: optionalUuidRef('Поселение'),
});
export type MeasureInput = z.infer<typeof measureInput>;

/** «Срок: дата в прошлом» when the deadline is before today (tenant's local date). */
export function measureDeadlineError(dueOn: string, today: string): string | null {
  return dueOn < today ? `Срок: дата в прошлом (сегодня ${today.split('-').reverse().join('.')})` : null;
}

export const measureStatusInput = z.object({
  status: oneOf('Статус', MEASURE_STATUSES),
  doneOn: isoDate('Дата выполнения').nullable().optional(),
  note: optionalText('Заметка', LIMITS.longText),
});
export const measureNoteInput = z.object({ text: requiredText('Заметка', LIMITS.longText) });

export const practiceInput = z.object({
  title: requiredText('Название'),
  description: optionalText('Описание', LIMITS.longText),
  topicId: optionalUuidRef('Тематика'),
  source: optionalText('Источник'),
  links: z
    .array(z.object({ title: optionalText('Ссылка: название'), url: z.url({ protocol: /^https?$/, error: 'Ссылка: адрес вида https://…' }) }), { error: 'Ссылки: ожидается список' })
    .max(20, { error: 'Ссылки: не более 20' })
    .default([]),
  problemIds: z.array(z.uuid({ error: 'Проблемы: неверная ссылка' })).max(50).default([]),
  roadmapIds: z.array(z.uuid({ error: 'Дорожные карты: неверная ссылка' })).max(50).default([]),
});
export type PracticeInput = z.infer<typeof practiceInput>;

export const pollResult = z.object({
  option: requiredText('Вариант ответа'),
  votes: z.number({ error: 'Голоса: ожидается число' }).int({ error: 'Голоса: целое число' }).min(0, { error: 'Голоса: не может быть отрицательным' }),
});
export const pollInput = z
  .object({
    kind: oneOf('Вид', POLL_KINDS),
    title: requiredText('Название'),
    platform: oneOf('Площадка', POLL_PLATFORMS),
    settlementId: optionalUuidRef('Поселение'),
    startsOn: isoDate('Начало'),
    endsOn: isoDate('Окончание'),
    problemId: optionalUuidRef('Проблема'),
    participants: z.number({ error: 'Участников: ожидается число' }).int().min(0, { error: 'Участников: не может быть отрицательным' }).nullable().optional(),
    questions: z
      .array(z.object({ question: requiredText('Вопрос', LIMITS.longText), results: z.array(pollResult).max(50).default([]) }), { error: 'Вопросы: ожидается список' })
      .min(1, { error: 'Вопросы: добавьте хотя бы один вопрос' })
      .max(100, { error: 'Вопросы: не более 100' }),
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: 'Окончание: не раньше начала', path: ['endsOn'] });
export type PollInput = z.infer<typeof pollInput>;

export const effectQuery = z.object({
  windowDays: z.coerce.number({ error: 'Окно: ожидается число дней' }).int().min(14, { error: 'Окно: не меньше 14 дней' }).max(365, { error: 'Окно: не больше 365 дней' }).optional(),
});
