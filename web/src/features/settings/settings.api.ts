import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { Items } from '../../api/types';
import type { Regime } from '../../../../domain/cases/status';
import i18n from '../../i18n';
import { useSaveMutation } from '../../lib/mutations';
import { channelsQuery } from '../cases/cases.api';
import type { ChannelInput, DeadlineRuleInput } from './schemas';
import type { DEADLINE_KINDS, DEADLINE_UNITS } from './schemas';

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** A row of GET /api/deadline-rules. */
export interface DeadlineRuleRow {
  id: string;
  regime: Regime;
  /** A channel's code; null — every channel of the regime. */
  channel: string | null;
  topicId: string | null;
  kind: DeadlineKind;
  unit: DeadlineUnit;
  amount: number;
  shiftToWorkingDay: boolean;
  atRiskUnit: DeadlineUnit;
  atRiskAmount: number;
  isActive: boolean;
}

export const deadlineRulesKey = ['deadline-rules'] as const;
/** The same key as the register's channel list, so a saved channel shows up there too. */
export const channelsKey = channelsQuery.queryKey;

export const deadlineRulesQuery = queryOptions({
  queryKey: deadlineRulesKey,
  queryFn: () => api.get<Items<DeadlineRuleRow>>('/api/deadline-rules'),
  select: (d) => d.items,
});

export { channelsQuery };

export const useSaveDeadlineRule = () => useSaveMutation<DeadlineRuleInput>('/api/deadline-rules', deadlineRulesKey);
export const useSaveChannel = () => useSaveMutation<ChannelInput>('/api/channels', channelsKey);

/**
 * Switch a rule or a channel on or off. These lists have no PATCH …/active: the whole record goes
 * back by PUT with `isActive` flipped.
 */
export function usePutActive<Body extends { isActive: boolean }>(base: string, invalidate: readonly unknown[], messages: { on: string; off: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Body; name: string }) => api.put(`${base}/${encodeURIComponent(id)}`, body),
    onSuccess: (_data, vars) => {
      notifications.show({ message: i18n.t((vars.body.isActive ? messages.on : messages.off) as 'common.activated', { name: vars.name }), color: 'green', autoClose: 2500 });
      return qc.invalidateQueries({ queryKey: invalidate });
    },
    onError: (err) => notifications.show({ message: errorMessage(err), color: 'red' }),
  });
}

export const useDeadlineRuleActive = () => usePutActive<DeadlineRuleInput>('/api/deadline-rules', deadlineRulesKey, { on: 'deadlineRules.activated', off: 'deadlineRules.deactivated' });
export const useChannelActive = () => usePutActive<ChannelInput>('/api/channels', channelsKey, { on: 'common.activated', off: 'common.deactivated' });

export function ruleBody(r: DeadlineRuleRow): DeadlineRuleInput {
  return {
    regime: r.regime,
    channel: r.channel,
    topicId: r.topicId,
    kind: r.kind,
    unit: r.unit,
    amount: r.amount,
    shiftToWorkingDay: r.shiftToWorkingDay,
    atRiskUnit: r.atRiskUnit,
    atRiskAmount: r.atRiskAmount,
    isActive: r.isActive,
  };
}
