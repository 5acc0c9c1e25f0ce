import { Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Unit } from './analytics.api';
import { deltaOf, formatValue } from './format';

/** The change against a base period, as an arrow and a signed number (never colour alone). */
export function Delta({ unit, value, base, against, size = 'xs' }: { unit: Unit; value: number | null; base: number | null; against: 'prev' | 'yoy'; size?: string }) {
  const { t } = useTranslation();
  const d = deltaOf(unit, value, base);
  if (!d) return null;
  const Icon = d.dir === 'up' ? IconArrowUpRight : d.dir === 'down' ? IconArrowDownRight : IconMinus;
  const title = t(`analytics.delta.${against}`, { value: formatValue(unit, base) });
  return (
    <Text component="span" size={size} c="dimmed" title={title} aria-label={`${title}: ${d.text}`} style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      <Icon size={12} aria-hidden />
      {d.text}
    </Text>
  );
}
