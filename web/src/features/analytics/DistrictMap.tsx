import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Group, Loader, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { geoQuery, type GeoCollection, type MapData } from './analytics.api';
import { EChart, preloadECharts, type EChartClick } from './EChart';
import { formatValue } from './format';
import { shadeOf } from './scale';
import { formatNumber } from '../../lib/format';
import { useBasemap } from './use-basemap';
import type { Points } from './OsmMap';

const OsmMap = lazy(() => import('./OsmMap'));
const DISTRICT = '__district';

/** Settlement features named by their code (echarts matches regions by name). */
function byCode(geo: GeoCollection): GeoCollection {
  return {
    type: 'FeatureCollection',
    features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.kind === 'settlement' ? (f.properties.code ?? f.properties.name) : DISTRICT } })),
  };
}

/**
 * The municipality from its own GeoJSON (no tile server): the district boundary, settlements
 * coloured by the measure on the matrix's scale, case points as a grid (small cells suppressed by
 * the server) or localities. A click on a settlement or a point opens the register. With «Подложка
 * OpenStreetMap» on (and the browser online) the same layers are drawn over OSM tiles by Leaflet.
 */
export function DistrictMap({ data, height }: { data: MapData; height: number | string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const geo = useQuery(geoQuery);
  const [points, setPoints] = useState<Points>('grid');
  const basemap = useBasemap();
  useEffect(() => {
    if (basemap.on) preloadECharts(); // drawn again without tiles if the network goes
  }, [basemap.on]);
  const maps = useMemo(() => (geo.data ? { 'mcu-district': byCode(geo.data) } : undefined), [geo.data]);
  const byCodeMap = useMemo(() => new Map(data.settlements.filter((s) => s.code).map((s) => [s.code!, s])), [data]);

  const option = useMemo(() => {
    if (!maps) return null;
    const maxGrid = Math.max(1, ...data.grid.cells.map((c) => c.count));
    const maxLoc = Math.max(1, ...data.localities.map((l) => l.count));
    const measureName = t(`analytics.measure.${data.measure}`);
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: { componentType: string; name: string; seriesIndex?: number; data?: { value: number[]; name?: string } }) => {
          if (p.componentType === 'geo') {
            const s = byCodeMap.get(p.name);
            if (!s) return p.name === DISTRICT ? '' : p.name;
            return `<b>${s.name}</b><br/>${measureName}: ${formatValue(data.unit, s.value)}<br/>${t('analytics.casesN', { n: s.count })}`;
          }
          if (p.seriesIndex === 0 && p.data) return t('analytics.map.gridCell', { n: formatNumber(p.data.value[2]) });
          if (p.data) return `<b>${p.data.name}</b><br/>${t('analytics.casesN', { n: p.data.value[2] })}`;
          return '';
        },
      },
      geo: {
        map: 'mcu-district',
        roam: true,
        aspectScale: 0.64, // 1 / cos(51°): the district's latitude
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { areaColor: '#fafafa', borderColor: '#8a8f98', borderWidth: 0.8 },
        emphasis: { itemStyle: { areaColor: '#ffe8a3' }, label: { show: false } },
        select: { disabled: true },
        tooltip: { show: true },
        regions: [
          { name: DISTRICT, itemStyle: { areaColor: 'transparent', borderColor: '#3d4249', borderWidth: 1.6 }, emphasis: { disabled: true }, tooltip: { show: false } },
          ...data.settlements.filter((s) => s.code).map((s) => ({ name: s.code!, itemStyle: { areaColor: shadeOf(s.count === 0 && data.measure !== 'count' ? null : s.value, data.scale.breaks) } })),
        ],
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: points === 'grid' ? data.grid.cells.map((c) => ({ value: [c.lon, c.lat, c.count] })) : [],
          symbolSize: (v: number[]) => 4 + 14 * Math.sqrt(v[2] / maxGrid),
          itemStyle: { color: 'rgba(200, 90, 20, 0.55)', borderColor: 'rgba(120, 50, 10, 0.8)', borderWidth: 0.5 },
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: points === 'localities' ? data.localities.filter((l) => l.lat !== null).map((l) => ({ name: l.name, value: [l.lon, l.lat, l.count], id: l.id })) : [],
          symbolSize: (v: number[]) => 5 + 16 * Math.sqrt(v[2] / maxLoc),
          itemStyle: { color: 'rgba(255,255,255,0.9)', borderColor: '#2d2f33', borderWidth: 1.2 },
          label: { show: true, position: 'right', formatter: '{b}', fontSize: 10, color: '#2d2f33' },
          labelLayout: { hideOverlap: true },
        },
      ],
    };
  }, [maps, data, points, byCodeMap, t]);

  const openSettlement = (code: string) => {
    const s = byCodeMap.get(code);
    if (s?.registerQuery) void navigate({ to: '/cases', search: s.registerQuery });
  };
  const openLocality = (id: string | undefined) => {
    const l = data.localities.find((x) => x.id === id);
    if (l) void navigate({ to: '/cases', search: l.registerQuery });
  };
  const onClick = (e: EChartClick & { componentType?: string; seriesIndex?: number }) => {
    if (e.componentType === 'geo') {
      if (e.name) openSettlement(e.name);
    } else if (e.seriesIndex === 1) {
      openLocality((e.data as { id?: string } | undefined)?.id);
    }
  };
  const settlementTip = (code: string) => {
    const s = byCodeMap.get(code);
    return s ? [s.name ?? code, `${t(`analytics.measure.${data.measure}`)}: ${formatValue(data.unit, s.value)}`, t('analytics.casesN', { n: s.count })] : null;
  };

  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={points}
          onChange={(v) => setPoints(v as Points)}
          aria-label={t('analytics.map.points')}
          data={(['grid', 'localities', 'none'] as const).map((p) => ({ value: p, label: t(`analytics.map.pointsOf.${p}`) }))}
        />
        <Switch
          size="xs"
          label={t('analytics.map.osm')}
          checked={basemap.on}
          disabled={!basemap.online}
          description={basemap.online ? undefined : t('analytics.map.osmOffline')}
          onChange={(e) => basemap.set(e.currentTarget.checked)}
        />
      </Group>
      {basemap.on && geo.data ? (
        <Suspense fallback={<div style={{ height }}><Loader size="sm" /></div>}>
          <OsmMap
            data={data}
            geo={geo.data}
            points={points}
            height={height}
            label={t('analytics.map.label')}
            attribution={t('analytics.map.osmAttribution')}
            settlementTip={settlementTip}
            gridTip={(n) => [t('analytics.map.gridCell', { n: formatNumber(n) })]}
            localityTip={(name, n) => [name, t('analytics.casesN', { n })]}
            onSettlement={openSettlement}
            onLocality={openLocality}
          />
        </Suspense>
      ) : option ? (
        <EChart option={option} maps={maps} height={height} onClick={onClick} label={t('analytics.map.label')} />
      ) : (
        <div style={{ height }} />
      )}
      <Text size="xs" c="dimmed">
        {points === 'grid' &&
          `${t('analytics.map.gridNote', { size: formatNumber(data.grid.cellDegrees * 111, 1), min: data.grid.minCount, suppressed: formatNumber(data.grid.suppressed), without: formatNumber(data.grid.withoutPoint) })} `}
        {t(basemap.on ? 'analytics.map.osmTiles' : 'analytics.map.noTiles')}
      </Text>
    </Stack>
  );
}
