import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from './analytics.api';
import { formatValue } from './format';
import { NO_DATA, SHADES } from './scale';
import classes from './analytics.module.css';

/** The five classes with their bounds, and «нет данных». */
export function ScaleLegend({ unit, scale }: { unit: Unit; scale: { min: number | null; max: number | null; breaks: number[] } }) {
  const { t } = useTranslation();
  if (scale.min === null || scale.max === null) return null;
  const bounds = [scale.min, ...scale.breaks, scale.max];
  return (
    <Group gap={8} wrap="wrap" aria-label={t('analytics.legend')}>
      {SHADES.map((c, i) => (i > 0 && i < SHADES.length - 1 && bounds[i] === bounds[i + 1]) || (i === SHADES.length - 1 && bounds[4] === bounds[5]) ? null : (
        <Group key={c} gap={3} wrap="nowrap">
          <span className={classes.legendSwatch} style={{ background: c }} aria-hidden />
          <Text size="xs" c="dimmed">
            {i === 0 ? `≤ ${formatValue(unit, bounds[1])}` : i === SHADES.length - 1 ? `> ${formatValue(unit, bounds[4])}` : `${formatValue(unit, bounds[i])}–${formatValue(unit, bounds[i + 1])}`}
          </Text>
        </Group>
      ))}
      <Group gap={3} wrap="nowrap">
        <span className={classes.legendSwatch} style={{ background: NO_DATA }} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('analytics.noData')}
        </Text>
      </Group>
    </Group>
  );
}
