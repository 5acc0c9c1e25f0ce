import { useEffect } from 'react';
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicatorInput, INDICATOR_PERIODS } from '../../../../domain/analytics/schemas';
import { INDICATOR_MEASURES, MEASURE_UNITS } from '../../../../domain/analytics/measures';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { channelsQuery } from '../cases/cases.api';
import { recipientsQuery, topicsQuery } from '../directory/directory.api';
import { territoryQuery } from '../territory/territory.api';
import { useSaveIndicator, type IndicatorDefinition } from './analytics.api';

interface Props {
  target: IndicatorDefinition | 'new' | null;
  onClose: () => void;
}

type Values = {
  code: string;
  name: string;
  measure: string | null;
  period: string | null;
  target: number | null;
  direction: string | null;
  regime: string | null;
  channel: string | null;
  fastTrack: string | null;
  blockId: string | null;
  topicId: string | null;
  settlementId: string | null;
  recipientId: string | null;
};

const valuesOf = (d: IndicatorDefinition | null): Values => {
  const share = d ? MEASURE_UNITS[d.measure as keyof typeof MEASURE_UNITS] === 'share' : false;
  return {
    code: d?.code ?? '',
    name: d?.name ?? '',
    measure: d?.measure ?? 'answered_in_time_share',
    period: d?.period ?? 'quarter',
    target: d?.target ? (share ? Math.round(d.target.value * 1000) / 10 : d.target.value) : null,
    direction: d?.target?.direction ?? 'gte',
    regime: d?.filters.regime ?? null,
    channel: d?.filters.channel ?? null,
    fastTrack: d?.filters.fastTrack ?? null,
    blockId: d?.filters.blockId ?? null,
    topicId: d?.filters.topicId ?? null,
    settlementId: d?.filters.settlementId ?? null,
    recipientId: d?.filters.recipientId ?? null,
  };
};

/** Form values → the API's input: a share's target typed in percent, filters only when chosen. */
function toInput(v: Values) {
  const share = v.measure ? MEASURE_UNITS[v.measure as keyof typeof MEASURE_UNITS] === 'share' : false;
  const filters = Object.fromEntries(Object.entries({ regime: v.regime, channel: v.channel, fastTrack: v.fastTrack, blockId: v.blockId, topicId: v.topicId, settlementId: v.settlementId, recipientId: v.recipientId }).filter(([, x]) => x));
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    measure: v.measure,
    period: v.period,
    filters,
    targetValue: v.target === null ? null : share ? v.target / 100 : v.target,
    targetDirection: v.direction ?? 'gte',
  };
}

/** An indicator of the municipality (set by the куратор): a measure from the safe set, filters, target. */
export function IndicatorForm({ target, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: indicatorInput, initial: valuesOf(current), toInput: toInput as never });
  const save = useSaveIndicator();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const territory = useQuery(territoryQuery);
  const recipients = useQuery(recipientsQuery);
  useEffect(() => form.reset(valuesOf(current)), [target]);
  const readOnly = current?.setBy === 'region';
  const share = form.values.measure ? MEASURE_UNITS[form.values.measure as keyof typeof MEASURE_UNITS] === 'share' : false;

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, body: input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('analytics.ind.edit')}: ${current.name}` : t('analytics.ind.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      readOnlyText={t('analytics.ind.regionReadOnly')}
      size={480}
    >
      <TextInput label={t('analytics.ind.field.name')} withAsterisk data-autofocus {...form.text('name')} />
      <Group grow align="flex-start">
        <TextInput label={t('analytics.ind.field.code')} withAsterisk spellCheck={false} autoComplete="off" disabled={Boolean(current)} {...form.text('code')} />
        <Select label={t('analytics.ind.field.period')} data={INDICATOR_PERIODS.map((p) => ({ value: p, label: t(`analytics.ind.periodKind.${p}`) }))} allowDeselect={false} {...form.select('period')} />
      </Group>
      <Select
        label={t('analytics.ind.field.measure')}
        description={t('analytics.ind.field.measureHint')}
        data={INDICATOR_MEASURES.map((m) => ({ value: m, label: t(`analytics.ind.measure.${m}`) }))}
        allowDeselect={false}
        withAsterisk
        {...form.select('measure')}
      />
      <Group grow align="flex-start">
        <Select label={t('analytics.ind.field.direction')} data={(['gte', 'lte'] as const).map((d) => ({ value: d, label: t(`analytics.ind.direction.${d}`) }))} allowDeselect={false} {...form.select('direction')} />
        <NumberInput label={share ? t('analytics.ind.field.targetPercent') : t('analytics.ind.field.target')} decimalSeparator="," min={0} max={share ? 100 : undefined} {...form.number('target')} error={form.error('targetValue')} />
      </Group>
      <Group grow align="flex-start">
        <Select label={t('register.regime')} clearable data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))} {...form.select('regime')} />
        <Select label={t('register.channel')} clearable data={(channels.data ?? []).map((c) => ({ value: c.code, label: c.name }))} {...form.select('channel')} />
      </Group>
      <Group grow align="flex-start">
        <Select label={t('analytics.ind.field.block')} clearable data={(topics.data?.blocks ?? []).filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name }))} {...form.select('blockId')} />
        <Select label={t('analytics.ind.field.fastTrack')} clearable data={(['1', '0'] as const).map((x) => ({ value: x, label: t(`analytics.ind.fastTrack.${x}`) }))} {...form.select('fastTrack')} />
      </Group>
      <Select label={t('analytics.ind.field.topic')} clearable searchable
        data={(topics.data?.items ?? []).filter((x) => x.isActive && (!form.values.blockId || x.blockId === form.values.blockId)).map((x) => ({ value: x.id, label: x.name }))} {...form.select('topicId')} />
      <Group grow align="flex-start">
        <Select label={t('analytics.ind.field.settlement')} clearable searchable data={(territory.data?.settlements ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }))} {...form.select('settlementId')} />
        <Select label={t('analytics.ind.field.recipient')} clearable searchable data={(recipients.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.shortName ?? x.name }))} {...form.select('recipientId')} />
      </Group>
    </FormDrawer>
  );
}
