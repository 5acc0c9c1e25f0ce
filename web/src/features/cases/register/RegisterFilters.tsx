import { Button, Checkbox, Popover, Select, Stack } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { territoryQuery } from '../../territory/territory.api';
import { useTimeZone } from '../../auth/session';
import { hasFilters, type RegisterSearch } from '../register-search';
import { StatusFilter } from './StatusFilter';
import { periodPresets } from './filter-options';
import { CaseFilterSelects, PeriodFilter, filterSelect, useAllPlaceholder } from './CaseFilterSelects';

interface Props {
  search: RegisterSearch;
  patch: (p: Partial<RegisterSearch>) => void;
  reset: () => void;
}

const DEADLINES = ['overdue', 'at_risk', 'on_time', 'late', 'paused'] as const;

/** The register's filters; each one writes to the URL. */
export function RegisterFilters({ search, patch, reset }: Props) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const territory = useQuery(territoryQuery);
  const all = t('table.filterAll').toLowerCase();
  const ph = useAllPlaceholder();
  const settlementOptions = (territory.data?.settlements ?? []).map((s) => ({ value: s.id, label: s.name }));
  const extraCount = [search.rating, search.priority, search.fastTrack, search.executorId].filter(Boolean).length;

  return (
    <>
      <StatusFilter value={search.status ?? []} onChange={(v) => patch({ status: v.length ? v : undefined })} />
      <Select
        {...filterSelect}
        w={150}
        aria-label={t('register.deadline')}
        placeholder={ph(t('register.deadline'))}
        data={DEADLINES.map((d) => ({ value: d, label: t(`deadlineFilter.${d}`) }))}
        value={search.deadline ?? null}
        onChange={(v) => patch({ deadline: (v as RegisterSearch['deadline']) ?? undefined })}
      />
      <CaseFilterSelects search={search} patch={patch}>
        <Select
          {...filterSelect}
          w={150}
          searchable
          aria-label={t('register.settlement')}
          placeholder={ph(t('register.settlement'))}
          data={settlementOptions}
          value={search.settlementId ?? null}
          onChange={(v) => patch({ settlementId: v ?? undefined, localityId: undefined })}
        />
      </CaseFilterSelects>
      <PeriodFilter
        from={search.from ?? null}
        to={search.to ?? null}
        onChange={patch}
        width={190}
        clearable
        label={t('register.period')}
        placeholder={t('register.periodPlaceholder')}
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
              {...filterSelect}
              label={t('register.rating')}
              placeholder={all}
              data={(['low', 'high', 'none'] as const).map((r) => ({ value: r, label: t(`ratingFilter.${r}`) }))}
              value={search.rating ?? null}
              onChange={(v) => patch({ rating: (v as RegisterSearch['rating']) ?? undefined })}
            />
            <Select
              {...filterSelect}
              label={t('register.priority')}
              placeholder={all}
              data={(['high', 'normal', 'low'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              value={search.priority ?? null}
              onChange={(v) => patch({ priority: (v as RegisterSearch['priority']) ?? undefined })}
            />
            <Select
              {...filterSelect}
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
