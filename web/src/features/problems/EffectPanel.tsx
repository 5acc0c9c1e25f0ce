import { useMemo } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { HrefLink } from './HrefLink';
import { useTranslation } from 'react-i18next';
import { EChart } from '../analytics/EChart';
import { formatNumber } from '../../lib/format';
import { registerHref, type Effect } from './problems.api';

const VERDICT_COLOR: Record<Effect['verdict'], string> = { down: 'green', up: 'red', flat: 'gray', too_early: 'gray', too_few: 'gray' };
const dmy = (d: string) => d.split('-').reverse().join('.');

/** «Did complaints go down?»: the verdict, the two windows (links to the register), and weekly bars. */
export function EffectPanel({ effect, basis, height = 200 }: { effect: Effect; basis?: string; height?: number }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 32, right: 8, top: 28, bottom: 36 },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: effect.weeks.map((w) => (w.offset < 0 ? `${w.offset}` : `+${w.offset + 1}`)),
        name: t('problems.effect.weekN', { n: '' }),
        nameLocation: 'middle',
        nameGap: 22,
        axisLabel: { fontSize: 10 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: [
        {
          name: t('problems.effect.series.now'),
          type: 'bar',
          data: effect.weeks.map((w) => ({ value: w.count, itemStyle: { color: w.offset < 0 ? '#8a96a8' : '#2f7d4f' } })),
          markLine: { symbol: 'none', data: [{ xAxis: effect.weeks.findIndex((w) => w.offset === 0) - 0.5 }], lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: dmy(effect.at), fontSize: 10 } },
        },
        { name: t('problems.effect.series.lastYear'), type: 'line', data: effect.weeks.map((w) => w.lastYear), lineStyle: { color: '#c9a227', type: 'dotted' }, itemStyle: { color: '#c9a227' }, symbolSize: 3 },
      ],
    }),
    [effect, t],
  );
  const change = effect.changePct === null ? `${effect.change > 0 ? '+' : ''}${effect.change}` : `${effect.change > 0 ? '+' : ''}${effect.change} (${effect.change > 0 ? '+' : ''}${formatNumber(effect.changePct * 100)} %)`;
  return (
    <Stack gap={4} data-testid="effect">
      <Group gap="xs">
        <Badge color={VERDICT_COLOR[effect.verdict]} variant="filled" size="lg">
          {t(`problems.effect.verdict.${effect.verdict}`)}
        </Badge>
        {basis && <Text size="sm" c="dimmed">{basis}</Text>}
      </Group>
      <Group gap="md">
        <Text size="sm">
          <HrefLink href={registerHref(effect.links.before)}>
            {t('problems.effect.before', { from: dmy(effect.before.from), to: dmy(effect.before.to) })}: <b>{effect.before.count}</b>
          </HrefLink>
        </Text>
        <Text size="sm">
          <HrefLink href={registerHref(effect.links.after)}>
            {t('problems.effect.after', { from: dmy(effect.after.from), to: dmy(effect.after.to) })}: <b>{effect.after.count}</b>
          </HrefLink>
        </Text>
        <Text size="sm">{t('problems.effect.change', { change })}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('problems.effect.lastYear', { before: effect.lastYear.before.count, after: effect.lastYear.after.count })} · {t('problems.effect.expected', { n: formatNumber(effect.expectedAfter, 1) })} · {t('problems.effect.days', { n: effect.days })}
      </Text>
      {effect.weeks.length > 0 && <EChart option={option} height={height} label={t('problems.effect.chartLabel')} />}
    </Stack>
  );
}
