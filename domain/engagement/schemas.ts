import { z } from 'zod';
import { LIMITS, oneOf, optionalText, optionalUuidRef, requiredText, uuidRef } from '../validation/fields';
import { NETWORKS } from './networks';

export const ENGAGEMENT_LIMITS = { smsChars: 335, postChars: 4000, fileBytes: 10 * 1024 * 1024, silenceDaysMax: 365 } as const;

/** A period of activity figures: a calendar month «ГГГГ-ММ». */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const period = z.string({ error: 'Период: обязательное поле' }).regex(PERIOD, { error: 'Период: месяц в виде ГГГГ-ММ' });
const day = (label: string) => z.string({ error: `${label}: обязательное поле` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: дата в виде ГГГГ-ММ-ДД` });
const count = (label: string) => z.number({ error: `${label}: ожидается число` }).int({ error: `${label}: целое число` }).min(0, { error: `${label}: не может быть отрицательным` }).max(1e9, { error: `${label}: слишком большое число` });
const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}: неверные дата и время` });

export const pageInput = z.object({
  network: oneOf('Сеть', NETWORKS),
  url: requiredText('Адрес страницы', 500),
  name: requiredText('Название страницы'),
  ownerRecipientId: uuidRef('Владелец страницы'),
  responsible: optionalText('Ответственный'),
  confirmed: z.boolean({ error: 'Отметка «Госорганизация»: да или нет' }).default(false),
  widget: z.boolean({ error: 'Виджет ПОС: да или нет' }).default(false),
});
export type PageInput = z.infer<typeof pageInput>;

/** «Страница не требуется»: the institution and why (e.g. a branch whose news go out through the parent body's page). */
export const pageExemptionInput = z.object({
  recipientId: uuidRef('Учреждение'),
  reason: requiredText('Причина', 500),
});
export type PageExemptionInput = z.infer<typeof pageExemptionInput>;

export const activityInput = z.object({
  period,
  publications: count('Публикации'),
  reach: count('Охват'),
  engagement: count('Вовлечённость'),
  comments: count('Комментарии'),
  commentsAnswered: count('Отвечено на комментарии'),
  lastPostOn: day('Последняя публикация').nullable().optional(),
}).refine((v) => v.commentsAnswered <= v.comments, { path: ['commentsAnswered'], error: 'Отвечено на комментарии: не больше, чем комментариев' });
export type ActivityInput = z.infer<typeof activityInput>;

export const engagementSettingsInput = z.object({
  silenceDays: z.number({ error: 'Норма молчания: ожидается число дней' }).int().min(1, { error: 'Норма молчания: от 1 дня' }).max(ENGAGEMENT_LIMITS.silenceDaysMax, { error: `Норма молчания: не больше ${ENGAGEMENT_LIMITS.silenceDaysMax} дней` }),
});

export const NOTICE_CHANNELS = ['page_post', 'public_page', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const noticeInput = z
  .object({
    title: requiredText('Заголовок', 200),
    audience: optionalText('Кому (целевая группа)', 500),
    settlementIds: z.array(z.uuid({ error: 'Поселения: выберите из списка' }), { error: 'Поселения: ожидается список' }).min(1, { error: 'Поселения: выберите хотя бы одно' }).max(100),
    postText: requiredText('Текст для госпаблика', ENGAGEMENT_LIMITS.postChars),
    publicText: requiredText('Текст для страницы жителей', LIMITS.longText),
    smsText: optionalText('Текст SMS', ENGAGEMENT_LIMITS.smsChars),
    publishAt: instant('Опубликовать с'),
    validUntil: instant('Действует до'),
  })
  .refine((v) => new Date(v.validUntil) > new Date(v.publishAt), { path: ['validUntil'], error: 'Действует до: позже, чем «Опубликовать с»' });
export type NoticeInput = z.infer<typeof noticeInput>;

export const publicationInput = z.object({
  channel: oneOf('Канал', NOTICE_CHANNELS),
  link: optionalText('Ссылка на публикацию', 500),
});

export const TASK_KINDS = ['info_project', 'materials', 'other'] as const;
export const ASSIGNMENT_STATUSES = ['new', 'accepted', 'reported', 'done', 'returned'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const taskInput = z.object({
  kind: oneOf('Вид задания', TASK_KINDS),
  title: requiredText('Задание', 300),
  description: optionalText('Описание', LIMITS.longText),
  dueOn: day('Срок'),
  /** Municipalities; empty — every municipality of the region. */
  municipalityIds: z.array(z.uuid({ error: 'Муниципалитеты: выберите из списка' })).max(500).default([]),
});
export type TaskInput = z.infer<typeof taskInput>;

export const reportInput = z.object({ text: requiredText('Отчёт', LIMITS.longText) });
export const decisionInput = z.object({
  decision: oneOf('Решение', ['accept', 'return'] as const),
  comment: optionalText('Комментарий', LIMITS.longText),
}).refine((v) => v.decision === 'accept' || !!v.comment, { path: ['comment'], error: 'Комментарий: укажите, что доработать' });

export const recommendationInput = z.object({
  title: requiredText('Название', 300),
  body: optionalText('Содержание', LIMITS.longText),
  issuedOn: day('Дата'),
  municipalityId: optionalUuidRef('Муниципалитет'),
});
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const conflictReviewInput = z.strictObject({ note: optionalText('Комментарий', 1000) });
