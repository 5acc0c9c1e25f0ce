import { z } from 'zod';
import { CASE_STATUSES, PRIORITIES, REGIMES } from './status';

/** The register's filters: all in the URL, so a link reproduces the view (screens.md). */
export const registerQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z
    .union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))], { error: 'Статус: выберите из списка' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  deadline: z.enum(['overdue', 'at_risk', 'on_time', 'late', 'paused'], { error: 'Срок: выберите из списка' }).optional(),
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }).optional(),
  channel: z.string().max(64).optional(),
  blockId: z.uuid({ error: 'Блок: неверная ссылка' }).optional(),
  topicId: z.uuid({ error: 'Тематика: неверная ссылка' }).optional(),
  settlementId: z.uuid({ error: 'Поселение: неверная ссылка' }).optional(),
  localityId: z.uuid({ error: 'Населённый пункт: неверная ссылка' }).optional(),
  recipientId: z.uuid({ error: 'Получатель: неверная ссылка' }).optional(),
  executorId: z.union([z.uuid(), z.literal('me')], { error: 'Исполнитель: неверная ссылка' }).optional(),
  priority: z.enum(PRIORITIES).optional(),
  fastTrack: z.enum(['1', '0']).optional(),
  rating: z.enum(['low', 'high', 'none']).optional(),
  from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }).optional(),
  to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }).optional(),
  sort: z.enum(['received_desc', 'received_asc', 'due_asc', 'updated_desc']).default('received_desc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegisterQuery = z.infer<typeof registerQuery>;
