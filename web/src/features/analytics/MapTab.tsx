import { Alert, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { heatmapQuery, mapQuery } from './analytics.api';
import { HeatMatrix } from './HeatMatrix';
import { DistrictMap } from './DistrictMap';
import { ScaleLegend } from './ScaleLegend';
import { FiltersBar } from './FiltersBar';
import { formatRange, formatValue } from './format';
import { Delta } from './Delta';
import { RegisterLink } from './RegisterLink';
import { MEASURES, caseFilters, type AnalyticsSearch } from './search';
import type { MapMeasure } from './analytics.api';

/** «Тепловая карта»: the matrix and the map side by side, one set of filters in the URL. */
export function MapTab({ search, patch }: { search: AnalyticsSearch; patch: (p: Partial<AnalyticsSearch>) => void }) {
  const { t } = useTranslation();
  const measure: MapMeasure = search.measure ?? 'count';
  const against = search.cmp ?? 'prev';
  const filters = caseFilters(search);
  const matrix = useQuery(heatmapQuery({ ...filters, measure, level: search.level }));
  const map = useQuery(mapQuery({ ...filters, measure, settlementId: undefined }));
  const d = matrix.data;

  return (
    <>
      <FiltersBar search={search} patch={patch} />
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label={t('analytics.measureLabel')}
            value={measure}
            onChange={(v) => patch({ measure: v === 'count' ? undefined : (v as MapMeasure) })}
            data={MEASURES.map((m) => ({ value: m, label: t(`analytics.measure.${m}`) }))}
          />
          <SegmentedControl
            size="xs"
            aria-label={t('analytics.cmpLabel')}
            value={against}
            onChange={(v) => patch({ cmp: v === 'yoy' ? 'yoy' : undefined })}
            data={[
              { value: 'prev', label: t('analytics.cmp.prevShort') },
              { value: 'yoy', label: t('analytics.cmp.yoyShort') },
            ]}
          />
          <SegmentedControl
            size="xs"
            aria-label={t('analytics.levelLabel')}
            value={search.level ?? 'settlement'}
            onChange={(v) => patch({ level: v === 'locality' ? 'locality' : undefined })}
            data={[
              { value: 'settlement', label: t('analytics.level.settlement') },
              { value: 'locality', label: t('analytics.level.locality') },
            ]}
          />
          {matrix.isFetching && <Loader size="xs" />}
        </Group>
        {d && (
          <Text size="sm" aria-live="polite" data-testid="matrix-total">
            {formatRange(d.period)}:{' '}
            <RegisterLink query={d.total.registerQuery}>
              <b>{t('analytics.casesN', { n: d.total.count })}</b>
            </RegisterLink>
            {measure !== 'count' && <> · {t(`analytics.measure.${measure}`)} {formatValue(d.unit, d.total.value)}</>}{' '}
            <Delta unit={d.unit} value={d.total.value} base={against === 'prev' ? d.total.prev : d.total.yoy} against={against} size="sm" />
          </Text>
        )}
      </Group>
      {matrix.error && (
        <Alert color="red" variant="light" p="xs">
          {errorMessage(matrix.error)}
        </Alert>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(280px, 31%)', gap: 'var(--mantine-spacing-md)', flex: '1 1 auto', minHeight: 0 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6, minHeight: 0, minWidth: 0 }}>
          {d ? <HeatMatrix data={d} against={against} /> : <Loader size="sm" />}
          {d && (
            <>
              <ScaleLegend unit={d.unit} scale={d.scale} />
              <Text size="xs" c="dimmed">
                {t('analytics.matrixNote', { prev: formatRange(d.previous), yoy: formatRange(d.yearAgo) })}
              </Text>
            </>
          )}
        </div>
        <div style={{ minWidth: 0 }}>{map.data ? <DistrictMap data={map.data} height={430} /> : <Loader size="sm" />}</div>
      </div>
    </>
  );
}
