import { z } from 'zod';

/** Keyword rules of a topic (the start of a municipality without history), as the API takes them. */
export const keywordRuleInput = z.object({
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }),
  keywords: z.array(z.string().trim().min(1, { error: 'Ключевое слово: пустое' }).max(100), { error: 'Ключевые слова: список' }).min(1, { error: 'Ключевые слова: добавьте хотя бы одно' }).max(100),
  weight: z.number({ error: 'Вес: число от 0,1 до 10' }).min(0.1, { error: 'Вес: не меньше 0,1' }).max(10, { error: 'Вес: не больше 10' }).default(1),
  isActive: z.boolean().default(true),
});

/** A routing rule: topic (or sub-topic) × settlement (none: any) → recipient. */
export const routingRuleInput = z.object({
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }),
  settlementId: z.uuid({ error: 'Поселение: выберите из списка' }).nullable().default(null),
  recipientId: z.uuid({ error: 'Получатель: выберите из списка' }),
  priority: z.number({ error: 'Приоритет: целое число от 0 до 1000' }).int({ error: 'Приоритет: целое число' }).min(0, { error: 'Приоритет: не меньше 0' }).max(1000, { error: 'Приоритет: не больше 1000' }).default(0),
  isActive: z.boolean().default(true),
});
export type KeywordRuleInput = z.infer<typeof keywordRuleInput>;
export type RoutingRuleInput = z.infer<typeof routingRuleInput>;
