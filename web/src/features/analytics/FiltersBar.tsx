import { useMemo } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelsQuery } from '../cases/cases.api';
import { recipientsQuery, topicsQuery } from '../directory/directory.api';
import { StatusFilter } from '../cases/register/StatusFilter';
import { topicFilterGroups, topicFilterPatch, topicFilterValue } from '../cases/register/filter-options';
import type { CaseStatus } from '../cases/case-types';
import { useTimeZone } from '../auth/session';
import { PRESETS, presetRange, type AnalyticsSearch } from './search';

const select = { size: 'xs' as const, clearable: true, comboboxProps: { withinPortal: true } };

interface Props {
  search: AnalyticsSearch;
  patch: (p: Partial<AnalyticsSearch>) => void;
  /** Period only (the signals and indicators have their own period). */
  withCaseFilters?: boolean;
}

/** One set of filters for the matrix and the map; each one writes to the URL. */
export function FiltersBar({ search, patch, withCaseFilters = true }: Props) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const recipients = useQuery(recipientsQuery);
  const all = t('table.filterAll').toLowerCase();
  const ph = (label: string) => `${label}: ${all}`;
  const topicGroups = useMemo(() => topicFilterGroups(topics.data, (name) => t('register.wholeBlock', { name }), t('topics.noBlock')), [topics.data, t]);
  const channelOptions = (channels.data ?? []).map((c) => ({ value: c.code, label: c.name }));
  const recipientOptions = (recipients.data ?? []).filter((r) => r.isActive || r.id === search.recipientId).map((r) => ({ value: r.id, label: r.shortName || r.name }));
  const range = search.from && search.to ? { from: search.from, to: search.to } : presetRange('days30', tz);
  const any = Boolean(search.regime || search.channel || search.blockId || search.topicId || search.recipientId || search.status?.length);

  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('analytics.filters')}>
      <DatePickerInput
        type="range"
        size="xs"
        w={200}
        allowSingleDateInRange
        valueFormat="DD.MM.YYYY"
        aria-label={t('analytics.period')}
        value={[range.from, range.to]}
        onChange={([from, to]) => {
          if (from && !to) return;
          patch({ from: from ?? undefined, to: to ?? undefined });
        }}
        popoverProps={{ withinPortal: true }}
        presets={PRESETS.map((p) => {
          const r = presetRange(p, tz);
          return { value: [r.from, r.to] as [string, string], label: t(`analytics.preset.${p}`) };
        })}
      />
      {withCaseFilters && (
        <>
          <Select
            {...select}
            w={140}
            aria-label={t('register.regime')}
            placeholder={ph(t('register.regime'))}
            data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))}
            value={search.regime ?? null}
            onChange={(v) => patch({ regime: (v as AnalyticsSearch['regime']) ?? undefined })}
          />
          <Select
            {...select}
            w={140}
            aria-label={t('register.channel')}
            placeholder={ph(t('register.channel'))}
            data={channelOptions}
            value={search.channel ?? null}
            onChange={(v) => patch({ channel: v ?? undefined })}
            comboboxProps={{ withinPortal: true, width: 300 }}
          />
          <Select
            {...select}
            w={170}
            searchable
            aria-label={t('register.topic')}
            placeholder={ph(t('register.topic'))}
            data={topicGroups}
            value={topicFilterValue(search)}
            onChange={(v) => patch(topicFilterPatch(v))}
            comboboxProps={{ withinPortal: true, width: 420 }}
            maxDropdownHeight={360}
          />
          <Select
            {...select}
            w={170}
            searchable
            aria-label={t('register.recipient')}
            placeholder={ph(t('register.recipient'))}
            data={recipientOptions}
            value={search.recipientId ?? null}
            onChange={(v) => patch({ recipientId: v ?? undefined })}
            comboboxProps={{ withinPortal: true, width: 440 }}
          />
          <StatusFilter value={(search.status ?? []) as CaseStatus[]} onChange={(v) => patch({ status: v.length ? v : undefined })} />
          {any && (
            <Button size="xs" variant="subtle" onClick={() => patch({ regime: undefined, channel: undefined, blockId: undefined, topicId: undefined, recipientId: undefined, status: undefined })}>
              {t('table.resetFilters')}
            </Button>
          )}
        </>
      )}
    </Group>
  );
}
