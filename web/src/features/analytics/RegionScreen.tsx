import { useMemo, useState } from 'react';
import { Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useTimeZone } from '../auth/session';
import { regionDashboardQuery, regionGeoQuery, regionIndicatorsQuery, regionRatingQuery, type MunicipalityRating, type RegionDashboard, type Unit } from './analytics.api';
import { formatRange, formatValue, periodLabel, type Tr } from './format';
import { presetRange, type Preset } from './search';
import { EChart } from './EChart';
import { NO_DATA, SHADES, shadeOf } from './scale';
import { ratingColumns } from './RatingScreen';
import { Met, periodOptions } from './IndicatorsTab';
import { Tile } from './Tile';
import { formatNumber } from '../../lib/format';

export const REGION_MEASURES = ['received', 'per1000', 'inTimeShare', 'rating45Share', 'avgRating', 'overdueNow'] as const;
export type RegionMeasure = (typeof REGION_MEASURES)[number];
const UNIT: Record<RegionMeasure, Unit> = { received: 'count', per1000: 'per1000', inTimeShare: 'share', rating45Share: 'share', avgRating: 'rating', overdueNow: 'count' };
export const REGION_PERIODS = ['days30', 'quarter', 'year'] as const;
export type RegionPeriod = (typeof REGION_PERIODS)[number];
type Row = RegionDashboard['byMunicipality'][number];

function quintiles(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return [];
  return [0.2, 0.4, 0.6, 0.8].map((p) => v[Math.min(v.length - 1, Math.floor(p * v.length))]);
}

function RegionMap({ rows, measure }: { rows: Row[]; measure: RegionMeasure }) {
  const { t } = useTranslation();
  const geo = useQuery(regionGeoQuery);
  const byId = useMemo(() => new Map(rows.map((r) => [r.municipality.id, r])), [rows]);
  const values = rows.map((r) => r[measure]).filter((x): x is number => x !== null);
  // Fewer than five municipalities: no quintiles, one middle shade (the table beside gives the numbers).
  const breaks = values.length >= 5 ? quintiles(values) : [];
  const maps = useMemo(() => (geo.data ? { 'mcu-region': geo.data } : undefined), [geo.data]);
  const option = useMemo(
    () =>
      geo.data && {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string }) => {
            const f = geo.data!.features.find((x) => x.properties.name === p.name);
            const r = f?.properties.municipalityId ? byId.get(f.properties.municipalityId) : undefined;
            return r ? `<b>${p.name}</b><br/>${t(`analytics.region.measure.${measure}`)}: ${formatValue(UNIT[measure], r[measure])}` : `${p.name}<br/>${t('analytics.region.notConnected')}`;
          },
        },
        geo: {
          map: 'mcu-region',
          roam: true,
          aspectScale: 0.64,
          layoutCenter: ['50%', '50%'],
          layoutSize: '98%',
          itemStyle: { areaColor: '#fbfbfb', borderColor: '#b5b9bf', borderWidth: 0.6 },
          emphasis: { itemStyle: { areaColor: '#ffe8a3' }, label: { show: false } },
          select: { disabled: true },
          tooltip: { show: true },
          regions: geo.data.features.map((f) => {
            const r = f.properties.municipalityId ? byId.get(f.properties.municipalityId) : undefined;
            return { name: f.properties.name, itemStyle: r ? { areaColor: breaks.length ? shadeOf(r[measure], breaks) : SHADES[2], borderColor: '#3d4249', borderWidth: 1.2 } : { areaColor: NO_DATA } };
          }),
        },
        series: [],
      },
    [geo.data, byId, measure, breaks, t],
  );
  if (!option) return <Loader size="sm" />;
  return <EChart option={option} maps={maps} height={400} label={t('analytics.region.mapLabel')} />;
}

/** «Регион» for the ЦУР: municipalities on the region map, their figures, rating and indicators. Aggregates only. */
export function RegionScreen({ period, setPeriod, measure, setMeasure }: { period: RegionPeriod; setPeriod: (p: RegionPeriod) => void; measure: RegionMeasure; setMeasure: (m: RegionMeasure) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const range = presetRange(period as Preset, tz);
  const dash = useQuery(regionDashboardQuery(range));
  const rating = useQuery(regionRatingQuery(range));
  const [indPeriod, setIndPeriod] = useState<string | undefined>(undefined);
  const ind = useQuery(regionIndicatorsQuery(indPeriod));
  const indPeriods = useMemo(() => periodOptions(tz, t as unknown as Tr), [tz, t]);
  const d = dash.data;

  const tableColumns = useMemo<DataTableColumn<Row>[]>(
    () => [
      { key: 'name', header: t('analytics.region.col.municipality'), value: (r) => r.municipality.name, width: 170 },
      ...REGION_MEASURES.map((m) => ({ key: m, header: t(`analytics.region.measure.${m}`), value: (r: Row) => r[m], render: (r: Row) => formatValue(UNIT[m], r[m]), align: 'right' as const, width: 74 })),
    ],
    [t],
  );
  type RRow = MunicipalityRating['items'][number];
  const ratingCols = useMemo(
    () => ratingColumns<RRow>(t as unknown as Tr, { key: 'name', header: t('analytics.region.col.municipality'), value: (r) => r.municipality.name }, (r) => formatNumber(r.n)),
    [t],
  );

  return (
    <>
      <Group gap="sm">
        <SegmentedControl size="xs" aria-label={t('analytics.period')} value={period} onChange={(v) => setPeriod(v as RegionPeriod)} data={REGION_PERIODS.map((x) => ({ value: x, label: t(`analytics.preset.${x}`) }))} />
        <Text size="sm" c="dimmed">
          {formatRange(range)} · {t('analytics.region.aggregatesOnly')}
        </Text>
        {dash.isFetching && <Loader size="xs" />}
      </Group>
      <SimpleGrid cols={5} spacing={8}>
        <Tile label={t('analytics.overview.received')} unit="count" figure={d?.intake.total} />
        <Tile label={t('analytics.overview.inTimeShare')} unit="share" figure={d?.timeliness.inTimeShare} />
        <Tile label={t('analytics.overview.avgAnswerDays')} unit="days" figure={d?.timeliness.avgAnswerDays} />
        <Tile label={t('analytics.overview.rating45')} unit="share" figure={d?.satisfaction.share45} />
        <Tile label={t('analytics.overview.overdueNow')} unit="count" figure={d?.overdueNow.total} />
      </SimpleGrid>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 0.8fr) minmax(0, 1.2fr)', gap: 8 }}>
        <Paper withBorder p="xs" radius="sm" style={{ minWidth: 0 }}>
          <SegmentedControl
            size="xs"
            fullWidth
            aria-label={t('analytics.measureLabel')}
            value={measure}
            onChange={(v) => setMeasure(v as RegionMeasure)}
            data={REGION_MEASURES.map((m) => ({ value: m, label: t(`analytics.region.measureShort.${m}`) }))}
          />
          {d ? <RegionMap rows={d.byMunicipality} measure={measure} /> : <Loader size="sm" />}
          <Text size="xs" c="dimmed">
            {t('analytics.region.mapNote')}
          </Text>
        </Paper>
        <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 300 }}>
          <DataTable label={t('analytics.region.municipalities')} rows={d?.byMunicipality} columns={tableColumns} rowKey={(r) => r.municipality.id} loading={dash.isLoading} error={dash.error} primary={false} />
        </div>
      </div>
      <Paper withBorder p="xs" radius="sm">
        <Title order={2} fz="sm" fw={600} mb={4}>
          {t('analytics.region.rating')}
        </Title>
        <div style={{ display: 'flex', flexDirection: 'column', minHeight: 160 }}>
          <DataTable label={t('analytics.region.rating')} rows={rating.data?.items} columns={ratingCols} rowKey={(r) => r.municipality.id} loading={rating.isLoading} error={rating.error} primary={false} />
        </div>
      </Paper>
      <Paper withBorder p="xs" radius="sm">
        <Group justify="space-between" mb={4}>
          <Title order={2} fz="sm" fw={600}>
            {t('analytics.region.indicators', { period: ind.data ? periodLabel(ind.data.period.code) : '' })}
          </Title>
          <Select size="xs" w={220} aria-label={t('analytics.ind.field.period')} data={indPeriods} value={indPeriod ?? ind.data?.period.code ?? null} onChange={(v) => setIndPeriod(v ?? undefined)} allowDeselect={false} />
        </Group>
        {ind.data ? (
          <Table fz="sm" verticalSpacing={3} aria-label={t('analytics.region.indicators', { period: periodLabel(ind.data.period.code) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.ind.col.name')}</Table.Th>
                <Table.Th ta="right">{t('analytics.region.regionValue')}</Table.Th>
                {ind.data.municipalities.map((m) => (
                  <Table.Th key={m.id} ta="right">
                    {m.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ind.data.indicators.map((x) => (
                <Table.Tr key={x.code}>
                  <Table.Td>
                    {x.name}
                    {x.target && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t(`analytics.ind.directionShort.${x.target.direction}`)} {formatValue(x.unit, x.target.value)})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatValue(x.unit, x.region?.value ?? null)}</Table.Td>
                  {ind.data!.municipalities.map((m) => {
                    const v = x.values.find((y) => y.municipalityId === m.id);
                    return (
                      <Table.Td key={m.id} ta="right">
                        {v ? (
                          <Group gap={6} justify="flex-end" wrap="nowrap">
                            <span>{formatValue(x.unit, v.value)}</span>
                            <Met met={v.met} />
                          </Group>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Loader size="xs" />
        )}
      </Paper>
    </>
  );
}
