import { useMemo } from 'react';
import { Button, Checkbox, Popover, Select, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronDown } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelsQuery } from '../cases.api';
import { recipientsQuery, topicsQuery } from '../../directory/directory.api';
import { territoryQuery } from '../../territory/territory.api';
import { useTimeZone } from '../../auth/session';
import { hasFilters, type RegisterSearch } from '../register-search';
import { StatusFilter } from './StatusFilter';
import { periodPresets, topicFilterGroups, topicFilterPatch, topicFilterValue } from './filter-options';

interface Props {
  search: RegisterSearch;
  patch: (p: Partial<RegisterSearch>) => void;
  reset: () => void;
}

const DEADLINES = ['overdue', 'at_risk', 'on_time', 'late', 'paused'] as const;
const select = { size: 'xs' as const, clearable: true, comboboxProps: { withinPortal: true } };

/** The register's filters; each one writes to the URL. */
export function RegisterFilters({ search, patch, reset }: Props) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const territory = useQuery(territoryQuery);
  const recipients = useQuery(recipientsQuery);
  const all = t('table.filterAll').toLowerCase();
  const ph = (label: string) => `${label}: ${all}`;

  const topicGroups = useMemo(() => topicFilterGroups(topics.data, (name) => t('register.wholeBlock', { name }), t('topics.noBlock')), [topics.data, t]);
  const channelOptions = (channels.data ?? []).map((c) => ({ value: c.code, label: c.name }));
  if (search.channel && !channelOptions.some((o) => o.value === search.channel)) channelOptions.push({ value: search.channel, label: search.channel });
  const settlementOptions = (territory.data?.settlements ?? []).map((s) => ({ value: s.id, label: s.name }));
  const recipientOptions = (recipients.data ?? []).filter((r) => r.isActive || r.id === search.recipientId).map((r) => ({ value: r.id, label: r.shortName || r.name }));
  const extraCount = [search.rating, search.priority, search.fastTrack, search.executorId].filter(Boolean).length;

  return (
    <>
      <StatusFilter value={search.status ?? []} onChange={(v) => patch({ status: v.length ? v : undefined })} />
      <Select
        {...select}
        w={150}
        aria-label={t('register.deadline')}
        placeholder={ph(t('register.deadline'))}
        data={DEADLINES.map((d) => ({ value: d, label: t(`deadlineFilter.${d}`) }))}
        value={search.deadline ?? null}
        onChange={(v) => patch({ deadline: (v as RegisterSearch['deadline']) ?? undefined })}
      />
      <Select
        {...select}
        w={140}
        aria-label={t('register.regime')}
        placeholder={ph(t('register.regime'))}
        data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))}
        value={search.regime ?? null}
        onChange={(v) => patch({ regime: (v as RegisterSearch['regime']) ?? undefined })}
      />
      <Select
        {...select}
        w={150}
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
        w={150}
        searchable
        aria-label={t('register.settlement')}
        placeholder={ph(t('register.settlement'))}
        data={settlementOptions}
        value={search.settlementId ?? null}
        onChange={(v) => patch({ settlementId: v ?? undefined, localityId: undefined })}
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
      <DatePickerInput
        type="range"
        size="xs"
        w={190}
        clearable
        allowSingleDateInRange
        valueFormat="DD.MM.YYYY"
        aria-label={t('register.period')}
        placeholder={t('register.periodPlaceholder')}
        value={[search.from ?? null, search.to ?? null]}
        onChange={([from, to]) => {
          if (from && !to) return;
          patch({ from: from ?? undefined, to: to ?? undefined });
        }}
        popoverProps={{ withinPortal: true }}
        presets={periodPresets(tz).map((p) => ({ value: p.value, label: t(`register.preset.${p.key}`) }))}
      />
      <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
        <Popover.Target>
          <Button size="xs" variant={extraCount ? 'light' : 'default'} rightSection={<IconChevronDown size={14} aria-hidden />}>
            {extraCount ? `${t('register.more')}: ${extraCount}` : t('register.more')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="sm" w={260}>
          <Stack gap="xs">
            <Select
              {...select}
              label={t('register.rating')}
              placeholder={all}
              data={(['low', 'high', 'none'] as const).map((r) => ({ value: r, label: t(`ratingFilter.${r}`) }))}
              value={search.rating ?? null}
              onChange={(v) => patch({ rating: (v as RegisterSearch['rating']) ?? undefined })}
            />
            <Select
              {...select}
              label={t('register.priority')}
              placeholder={all}
              data={(['high', 'normal', 'low'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              value={search.priority ?? null}
              onChange={(v) => patch({ priority: (v as RegisterSearch['priority']) ?? undefined })}
            />
            <Select
              {...select}
              label={t('register.fastTrack')}
              placeholder={all}
              data={[
                { value: '1', label: t('register.fastTrackYes') },
                { value: '0', label: t('register.fastTrackNo') },
              ]}
              value={search.fastTrack ?? null}
              onChange={(v) => patch({ fastTrack: (v as RegisterSearch['fastTrack']) ?? undefined })}
            />
            <Checkbox size="xs" label={t('register.mine')} checked={search.executorId === 'me'} onChange={(e) => patch({ executorId: e.currentTarget.checked ? 'me' : undefined })} />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {hasFilters(search) && (
        <Button size="xs" variant="subtle" color="gray" onClick={reset}>
          {t('register.reset')}
        </Button>
      )}
    </>
  );
}
