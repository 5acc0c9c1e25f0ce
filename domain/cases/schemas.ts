import { z } from 'zod';
import { email, latitude, longitude, optionalText, optionalUuidRef, uuidRef } from '../validation/fields';
import { PRIORITIES, REGIMES } from './status';
import { REWORK_CRITERIA } from './review';

/** Limits defined once, for the server and the forms. */
export const CASE_LIMITS = {
  text: 20000,
  answer: 20000,
  note: 4000,
  reason: 2000,
  fileBytes: 10 * 1024 * 1024,
  filesPerCase: 20,
  extensionDays: 30,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain'],
} as const;

const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}: дата и время в формате ISO, например 2026-11-27T10:00:00+04:00` });

export const applicantInput = z.object({
  fullName: optionalText('ФИО заявителя'),
  email: email('Электронная почта заявителя'),
  phone: optionalText('Телефон заявителя', 64),
  postalAddress: optionalText('Почтовый адрес заявителя', 500),
  socialProfile: optionalText('Профиль в соцсети', 500),
  replyBy: z.enum(['email', 'post', 'phone', 'none'], { error: 'Способ ответа: выберите из списка' }).optional(),
});
export type ApplicantInput = z.infer<typeof applicantInput>;

export const registerCaseInput = z
  .object({
    regime: z.enum(REGIMES, { error: 'Режим: обращение (59-ФЗ) или сообщение' }),
    channel: z.string({ error: 'Канал: выберите из списка' }).trim().min(1, { error: 'Канал: выберите из списка' }).max(64),
    receivedAt: isoDateTime('Дата поступления'),
    text: z.string({ error: 'Текст обращения: обязательное поле' }).trim().min(3, { error: 'Текст обращения: опишите суть (не короче 3 символов)' }).max(CASE_LIMITS.text, { error: `Текст обращения: не длиннее ${CASE_LIMITS.text} символов` }),
    topicId: optionalUuidRef('Тематика'),
    subtopicId: optionalUuidRef('Подтематика'),
    settlementId: optionalUuidRef('Поселение'),
    localityId: optionalUuidRef('Населённый пункт'),
    address: optionalText('Адрес', 500),
    lat: latitude('Широта'),
    lon: longitude('Долгота'),
    priority: z.enum(PRIORITIES, { error: 'Приоритет: выберите из списка' }).default('normal'),
    fastTrack: z.boolean({ error: 'Ускоренное решение: да или нет' }).optional(),
    recipientId: optionalUuidRef('Ответственный получатель'),
    sourceId: optionalText('Номер в источнике', 200),
    applicant: applicantInput.default({}),
  })
  .superRefine((v, ctx) => {
    // 59-ФЗ ст. 7: the applicant's name and an address (postal or e-mail) for the reply.
    if (v.regime === 'FZ59') {
      if (!v.applicant.fullName) ctx.addIssue({ code: 'custom', path: ['applicant', 'fullName'], message: 'ФИО заявителя: обязательно для обращения по 59-ФЗ (ст. 7)' });
      if (!v.applicant.postalAddress && !v.applicant.email) {
        ctx.addIssue({ code: 'custom', path: ['applicant', 'postalAddress'], message: 'Почтовый адрес или электронная почта: обязательны для ответа по 59-ФЗ (ст. 7)' });
      }
    }
    if ((v.lat == null) !== (v.lon == null)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'Координаты: укажите и широту, и долготу' });
  });
export type RegisterCaseInput = z.infer<typeof registerCaseInput>;

const reason = (label: string) => z.string({ error: `${label}: обязательное поле` }).trim().min(3, { error: `${label}: укажите причину` }).max(CASE_LIMITS.reason);

export const assignInput = z.object({
  recipientId: uuidRef('Ответственный получатель'),
  executorId: optionalUuidRef('Исполнитель'),
  coExecutorIds: z.array(z.uuid(), { error: 'Соисполнители: ожидается список' }).max(10).default([]),
  comment: optionalText('Комментарий', CASE_LIMITS.reason),
});

export const reasonInput = z.object({ reason: reason('Причина') });
export const forwardInput = z.object({ forwardedTo: reason('Куда направлено'), reason: reason('Основание') });
export const mergeInput = z.object({ duplicateOfId: uuidRef('Основное обращение') });

export const answerInput = z.object({
  text: z.string({ error: 'Текст ответа: обязательное поле' }).trim().min(10, { error: 'Текст ответа: не короче 10 символов' }).max(CASE_LIMITS.answer),
  completionDate: z.iso.date({ error: 'Срок выполнения: дата в формате ГГГГ-ММ-ДД' }).nullable().optional(),
});

export const reviewReturnInput = z.object({
  criteria: z.array(z.enum(REWORK_CRITERIA, { error: 'Основание возврата: выберите из списка' })).min(1, { error: 'Основание возврата: выберите хотя бы одно' }),
  comment: reason('Комментарий для исполнителя'),
});

export const rateInput = z.object({
  rating: z.number({ error: 'Оценка: число от 1 до 5' }).int({ error: 'Оценка: целое число от 1 до 5' }).min(1, { error: 'Оценка: от 1 до 5' }).max(5, { error: 'Оценка: от 1 до 5' }),
  comment: optionalText('Комментарий к оценке', CASE_LIMITS.reason),
});

export const extendInput = z.object({
  days: z.number({ error: 'Продление: число дней' }).int({ error: 'Продление: целое число дней' }).min(1, { error: 'Продление: от 1 до 30 дней' }).max(CASE_LIMITS.extensionDays, { error: 'Продление: не более 30 дней (59-ФЗ ст. 12 ч. 2)' }),
  reason: reason('Основание продления'),
});

export const noteInput = z.object({ text: z.string({ error: 'Заметка: обязательное поле' }).trim().min(1, { error: 'Заметка: пустой текст' }).max(CASE_LIMITS.note) });
export const pauseInput = z.object({ reason: reason('Причина приостановки') });
export const linkInput = z.object({ relatedCaseId: uuidRef('Связанное обращение') });
