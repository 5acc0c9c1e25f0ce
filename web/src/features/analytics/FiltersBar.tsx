import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusFilter } from '../cases/register/StatusFilter';
import { CaseFilterSelects, PeriodFilter } from '../cases/register/CaseFilterSelects';
import type { CaseStatus } from '../cases/case-types';
import { useTimeZone } from '../auth/session';
import { PRESETS, presetRange, type AnalyticsSearch } from './search';

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
  const range = search.from && search.to ? { from: search.from, to: search.to } : presetRange('days30', tz);
  const any = Boolean(search.regime || search.channel || search.blockId || search.topicId || search.recipientId || search.status?.length);

  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('analytics.filters')}>
      <PeriodFilter
        from={range.from}
        to={range.to}
        onChange={patch}
        width={200}
        label={t('analytics.period')}
        presets={PRESETS.map((p) => {
          const r = presetRange(p, tz);
          return { value: [r.from, r.to] as [string, string], label: t(`analytics.preset.${p}`) };
        })}
      />
      {withCaseFilters && (
        <>
          <CaseFilterSelects search={search} patch={patch} />
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
