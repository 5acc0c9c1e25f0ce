import { useEffect, useMemo } from 'react';
import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGIMES } from '../../../../domain/cases/status';
import type { Topic } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { StatusIntro } from '../../components/StatusIntro';
import { useZodForm } from '../../lib/form';
import type { Channel } from '../cases/case-types';
import { topicOptionGroups } from '../directory/topic-options';
import { DEADLINE_KINDS, DEADLINE_UNITS, deadlineRuleInput } from './schemas';
import { useSaveDeadlineRule, type DeadlineRuleRow } from './settings.api';

interface Props {
  target: DeadlineRuleRow | 'new' | null;
  /** «Сообщение · Ответ по существу · Сайт МЦУ» for the title. */
  name: (r: DeadlineRuleRow) => string;
  channels: Channel[];
  topics: Topic[];
  readOnly: boolean;
  readOnlyText: string;
  onClose: () => void;
}

function valuesOf(r: DeadlineRuleRow | null) {
  return {
    regime: (r?.regime ?? null) as string | null,
    kind: (r?.kind ?? null) as string | null,
    channel: r?.channel ?? null,
    topicId: r?.topicId ?? null,
    amount: (r?.amount ?? null) as number | null,
    unit: (r?.unit ?? 'calendar_days') as string | null,
    shiftToWorkingDay: r?.shiftToWorkingDay ?? false,
    atRiskAmount: (r?.atRiskAmount ?? null) as number | null,
    atRiskUnit: (r?.atRiskUnit ?? 'calendar_days') as string | null,
    isActive: r?.isActive ?? true,
  };
}

export function DeadlineRuleForm({ target, name, channels, topics, readOnly, readOnlyText, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: deadlineRuleInput, initial: valuesOf(current), toInput: (v) => v });
  const save = useSaveDeadlineRule();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const regimeOptions = REGIMES.map((r) => ({ value: r, label: t(`regime.${r}`) }));
  const kindOptions = DEADLINE_KINDS.map((k) => ({ value: k, label: t(`deadlineRules.kind.${k}`) }));
  const unitOptions = DEADLINE_UNITS.map((u) => ({ value: u, label: t(`deadlineRules.unit.${u}`) }));
  const channelOptions = channels.filter((c) => c.isActive || c.code === current?.channel).map((c) => ({ value: c.code, label: c.name }));
  const topicOptions = useMemo(
    () => topicOptionGroups(topics, (n) => t('deadlineRules.wholeTopic', { name: n }), current?.topicId ? [current.topicId] : []),
    [topics, t, current],
  );
  const hours = form.values.unit === 'working_hours';
  const riskHours = form.values.atRiskUnit === 'working_hours';

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('deadlineRules.edit')}: ${name(current)}` : t('deadlineRules.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      readOnlyText={readOnlyText}
      size={560}
      intro={
        <>
          {current && <StatusIntro isActive={current.isActive} />}
          {!readOnly && (
            <Text size="sm" c="dimmed">
              {t('deadlineRules.appliesToNew')}
            </Text>
          )}
        </>
      }
    >
      <Group grow align="flex-start">
        <Select label={t('deadlineRules.field.regime')} data={regimeOptions} withAsterisk allowDeselect={false} data-autofocus {...form.select('regime')} />
        <Select label={t('deadlineRules.field.kind')} data={kindOptions} withAsterisk allowDeselect={false} {...form.select('kind')} />
      </Group>
      <Select
        label={t('deadlineRules.field.channel')}
        description={form.hint('channel', t('deadlineRules.field.channelHint'))}
        placeholder={t('deadlineRules.allChannels')}
        data={channelOptions}
        clearable
        searchable
        {...form.select('channel')}
      />
      <Select
        label={t('deadlineRules.field.topic')}
        description={form.hint('topicId', t('deadlineRules.field.topicHint'))}
        placeholder={t('deadlineRules.allTopics')}
        data={topicOptions}
        clearable
        searchable
        {...form.select('topicId')}
      />
      <Group align="flex-start" wrap="nowrap">
        <NumberInput
          label={t('deadlineRules.field.amount')}
          withAsterisk
          w={130}
          min={0}
          max={365}
          allowNegative={false}
          allowDecimal={hours}
          decimalScale={2}
          decimalSeparator=","
          {...form.number('amount')}
        />
        <Select label={t('deadlineRules.field.unit')} data={unitOptions} withAsterisk allowDeselect={false} style={{ flex: 1 }} {...form.select('unit')} />
      </Group>
      <Checkbox label={t('deadlineRules.field.shift')} description={t('deadlineRules.field.shiftHint')} {...form.checkbox('shiftToWorkingDay')} />
      <Stack gap={4}>
        <Group align="flex-start" wrap="nowrap">
          <NumberInput
            label={t('deadlineRules.field.atRiskAmount')}
            withAsterisk
            w={130}
            min={0}
            max={365}
            allowNegative={false}
            allowDecimal={riskHours}
            decimalScale={2}
            decimalSeparator=","
            {...form.number('atRiskAmount')}
          />
          <Select label={t('deadlineRules.field.atRiskUnit')} data={unitOptions} withAsterisk allowDeselect={false} style={{ flex: 1 }} {...form.select('atRiskUnit')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('deadlineRules.field.atRiskHint')}
        </Text>
      </Stack>
      <Checkbox label={t('deadlineRules.field.isActive')} {...form.checkbox('isActive')} />
    </FormDrawer>
  );
}
