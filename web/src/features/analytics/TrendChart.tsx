import { useMemo } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from './analytics.api';
import { EChart } from './EChart';
import { formatValue } from './format';

/** Cases received (bars, a click opens them) and the share answered in time (line), by week or month. */
export function TrendChart({ points, kind, height = 200 }: { points: TrendPoint[]; kind: 'week' | 'month'; height?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      grid: { left: 44, right: 44, top: 28, bottom: 24 },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: undefined,
        formatter: (ps: { dataIndex: number }[]) => {
          const p = points[ps[0]?.dataIndex ?? 0];
          if (!p) return '';
          return `<b>${p.period}</b> (${p.from.slice(8)}.${p.from.slice(5, 7)}–${p.to.slice(8)}.${p.to.slice(5, 7)})<br/>${t('analytics.trend.received')}: ${formatValue('count', p.received.value)}<br/>${t('analytics.trend.inTime')}: ${formatValue('share', p.inTimeShare.value)}<br/>${t('analytics.trend.avgRating')}: ${formatValue('rating', p.avgRating.value)}`;
        },
      },
      xAxis: { type: 'category', data: points.map((p) => (kind === 'week' ? p.period.slice(5) : p.period)), axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eee' } } },
        { type: 'value', min: 0, max: 1, axisLabel: { fontSize: 10, formatter: (v: number) => `${Math.round(v * 100)} %` }, splitLine: { show: false } },
      ],
      series: [
        { name: t('analytics.trend.received'), type: 'bar', data: points.map((p) => p.received.value), itemStyle: { color: '#6f9fcf' }, barMaxWidth: 18 },
        { name: t('analytics.trend.inTime'), type: 'line', yAxisIndex: 1, data: points.map((p) => p.inTimeShare.value), itemStyle: { color: '#c25a14' }, symbolSize: 4, connectNulls: true },
      ],
    }),
    [points, kind, t],
  );
  return (
    <EChart
      option={option}
      height={height}
      label={t(kind === 'week' ? 'analytics.trend.weeklyLabel' : 'analytics.trend.monthlyLabel')}
      onClick={(e) => {
        const p = e.name !== undefined ? points.find((x) => (kind === 'week' ? x.period.slice(5) : x.period) === e.name) : undefined;
        if (p?.received.registerQuery) void navigate({ to: '/cases', search: p.received.registerQuery });
      }}
    />
  );
}
