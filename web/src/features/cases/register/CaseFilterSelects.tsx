import { useMemo, type ReactNode } from 'react';
import { Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelsQuery } from '../cases.api';
import { recipientsQuery, topicsQuery } from '../../directory/directory.api';
import { topicFilterGroups, topicFilterPatch, topicFilterValue } from './filter-options';

/** The case filters the register and «Карта и аналитика» share (the same URL keys in both). */
export interface SharedCaseFilters {
  regime?: 'FZ59' | 'MESSAGE';
  channel?: string;
  blockId?: string;
  topicId?: string;
  recipientId?: string;
}

export const filterSelect = { size: 'xs' as const, clearable: true, comboboxProps: { withinPortal: true } };

/** «Режим: все»: the placeholder of a filter showing that nothing is chosen. */
export function useAllPlaceholder(): (label: string) => string {
  const { t } = useTranslation();
  const all = t('table.filterAll').toLowerCase();
  return (label: string) => `${label}: ${all}`;
}

interface Props {
  search: SharedCaseFilters;
  patch: (p: Partial<SharedCaseFilters>) => void;
  /** Screen-specific filters placed between the topic and the recipient (the register's settlement). */
  children?: ReactNode;
}

/** Regime, channel, topic block / topic / sub-topic and recipient selects; each writes to the URL. */
export function CaseFilterSelects({ search, patch, children }: Props) {
  const { t } = useTranslation();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const recipients = useQuery(recipientsQuery);
  const ph = useAllPlaceholder();
  const topicGroups = useMemo(() => topicFilterGroups(topics.data, (name) => t('register.wholeBlock', { name }), t('topics.noBlock')), [topics.data, t]);
  const channelOptions = (channels.data ?? []).map((c) => ({ value: c.code, label: c.name }));
  if (search.channel && !channelOptions.some((o) => o.value === search.channel)) channelOptions.push({ value: search.channel, label: search.channel });
  const recipientOptions = (recipients.data ?? []).filter((r) => r.isActive || r.id === search.recipientId).map((r) => ({ value: r.id, label: r.shortName || r.name }));

  return (
    <>
      <Select
        {...filterSelect}
        w={140}
        aria-label={t('register.regime')}
        placeholder={ph(t('register.regime'))}
        data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))}
        value={search.regime ?? null}
        onChange={(v) => patch({ regime: (v as SharedCaseFilters['regime']) ?? undefined })}
      />
      <Select
        {...filterSelect}
        w={150}
        aria-label={t('register.channel')}
        placeholder={ph(t('register.channel'))}
        data={channelOptions}
        value={search.channel ?? null}
        onChange={(v) => patch({ channel: v ?? undefined })}
        comboboxProps={{ withinPortal: true, width: 300 }}
      />
      <Select
        {...filterSelect}
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
      {children}
      <Select
        {...filterSelect}
        w={170}
        searchable
        aria-label={t('register.recipient')}
        placeholder={ph(t('register.recipient'))}
        data={recipientOptions}
        value={search.recipientId ?? null}
        onChange={(v) => patch({ recipientId: v ?? undefined })}
        comboboxProps={{ withinPortal: true, width: 440 }}
      />
    </>
  );
}

interface PeriodProps {
  from: string | null;
  to: string | null;
  onChange: (p: { from?: string; to?: string }) => void;
  label: string;
  presets: { value: [string, string]; label: string }[];
  width: number;
  clearable?: boolean;
  placeholder?: string;
}

/** The «Период» range picker: a half-chosen range waits for its second day. */
export function PeriodFilter({ from, to, onChange, label, presets, width, clearable, placeholder }: PeriodProps) {
  return (
    <DatePickerInput
      type="range"
      size="xs"
      w={width}
      clearable={clearable}
      allowSingleDateInRange
      valueFormat="DD.MM.YYYY"
      aria-label={label}
      placeholder={placeholder}
      value={[from, to]}
      onChange={([f, t]) => {
        if (f && !t) return;
        onChange({ from: f ?? undefined, to: t ?? undefined });
      }}
      popoverProps={{ withinPortal: true }}
      presets={presets}
    />
  );
}
