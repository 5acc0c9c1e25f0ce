import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from './analytics.api';
import { formatValue } from './format';
import { classLabels, NO_DATA, SHADES, type ScaleBounds } from './scale';
import classes from './analytics.module.css';

/** The five classes with their bounds (the empty ones left out), and «нет данных». */
export function ScaleLegend({ unit, scale }: { unit: Unit; scale: ScaleBounds }) {
  const { t } = useTranslation();
  const labels = classLabels(scale, (v) => formatValue(unit, v), unit === 'count');
  if (!labels.length) return null;
  return (
    <Group gap={8} wrap="wrap" aria-label={t('analytics.legend')}>
      {SHADES.map((c, i) =>
        labels[i] === null ? null : (
          <Group key={c} gap={3} wrap="nowrap">
            <span className={classes.legendSwatch} style={{ background: c }} aria-hidden />
            <Text size="xs" c="dimmed">
              {labels[i]}
            </Text>
          </Group>
        ),
      )}
      <Group gap={3} wrap="nowrap">
        <span className={classes.legendSwatch} style={{ background: NO_DATA }} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('analytics.noData')}
        </Text>
      </Group>
    </Group>
  );
}
