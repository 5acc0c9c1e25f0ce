import { z } from 'zod';
import { code, email, oneOf, optionalText, optionalUuidRef, requiredText, LIMITS } from '../validation/fields';

export const RECIPIENT_KINDS = ['department', 'institution', 'enterprise', 'settlement_admin', 'state_body'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const recipientInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование'),
  shortName: optionalText('Краткое наименование'),
  kind: oneOf('Вид получателя', RECIPIENT_KINDS),
  parentId: optionalUuidRef('Вышестоящая организация'),
  settlementId: optionalUuidRef('Поселение'),
  email: email('Электронная почта'),
  phone: optionalText('Телефон', 64),
  note: optionalText('Примечание', LIMITS.longText),
  topicIds: z.array(z.uuid({ error: 'Тематики: неверная ссылка' }), { error: 'Тематики: ожидается список' }).max(200).default([]),
});
export type RecipientInput = z.infer<typeof recipientInput>;

export const topicBlockInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование блока'),
});
export type TopicBlockInput = z.infer<typeof topicBlockInput>;

export const topicInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование тематики'),
  parentId: optionalUuidRef('Тематика верхнего уровня'),
  blockId: optionalUuidRef('Отраслевой блок'),
  priority: z.boolean({ error: 'Социально значимая: да или нет' }).default(false),
  sort: z.number({ error: 'Порядок: ожидается число' }).int().min(0).max(100000).default(0),
});
export type TopicInput = z.infer<typeof topicInput>;

export const activeInput = z.object({ isActive: z.boolean({ error: 'Активность: да или нет' }) });
