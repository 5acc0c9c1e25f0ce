import { z } from 'zod';
import { REGIMES } from '../../../../domain/cases/status';
import type { DeadlineKind, DeadlineUnit } from '../../../../domain/deadlines/deadline-rule';
import { code, requiredText } from '../../../../domain/validation/fields';

/**
 * The bodies of POST/PUT /api/deadline-rules and /api/channels. The server declares them in
 * server/modules/cases/settings.routes.ts (not in domain/), so they are repeated here with the
 * same codes, limits and messages; the server checks again and its `fields` land under the fields.
 */
export const DEADLINE_KINDS = ['registration', 'forwarding', 'interim_answer', 'answer', 'fast_track'] as const satisfies readonly DeadlineKind[];
export const DEADLINE_UNITS = ['calendar_days', 'working_days', 'working_hours'] as const satisfies readonly DeadlineUnit[];

export const deadlineRuleInput = z.object({
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }),
  channel: z.string().max(64).nullable(),
  topicId: z.uuid({ error: 'Тематика: выберите из списка' }).nullable(),
  kind: z.enum(DEADLINE_KINDS, { error: 'Вид срока: выберите из списка' }),
  unit: z.enum(DEADLINE_UNITS, { error: 'Единица: выберите из списка' }),
  amount: z.number({ error: 'Величина: укажите число' }).positive({ error: 'Величина: больше нуля' }).max(365, { error: 'Величина: не более 365' }),
  shiftToWorkingDay: z.boolean(),
  atRiskUnit: z.enum(DEADLINE_UNITS, { error: 'Единица «под угрозой»: выберите из списка' }),
  atRiskAmount: z.number({ error: '«Под угрозой» за: укажите число' }).min(0, { error: '«Под угрозой» за: не меньше 0' }).max(365, { error: '«Под угрозой» за: не более 365' }),
  isActive: z.boolean(),
});
export type DeadlineRuleInput = z.output<typeof deadlineRuleInput>;

export const channelInput = z.object({
  code: code('Код канала'),
  name: requiredText('Наименование канала'),
  defaultRegime: z.enum(REGIMES, { error: 'Режим по умолчанию: выберите из списка' }),
  isActive: z.boolean(),
});
export type ChannelInput = z.output<typeof channelInput>;
