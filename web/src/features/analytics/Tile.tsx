import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import type { Figure, Unit } from './analytics.api';
import { formatValue } from './format';
import { RegisterLink } from './RegisterLink';
import { Delta } from './Delta';
import classes from './analytics.module.css';

interface TileProps {
  label: string;
  unit: Unit;
  figure: Figure | undefined | null;
  prev?: Figure | null;
  yoy?: Figure | null;
  /** Under the value: «412 из 480», a note. */
  sub?: ReactNode;
  testId?: string;
  /** A figure of «now» (not of the period): no comparisons. */
  noCompare?: boolean;
}

/** One figure of the overview: the value (a link to its cases), what it rests on, and the changes. */
export function Tile({ label, unit, figure, prev, yoy, sub, testId, noCompare }: TileProps) {
  const v = figure?.value ?? null;
  return (
    <div className={classes.tile} data-testid={testId}>
      <Text size="xs" c="dimmed" lineClamp={1} title={label}>
        {label}
      </Text>
      <div className={classes.tileValue}>
        <RegisterLink query={figure?.registerQuery} label={`${label}: ${formatValue(unit, v)}`}>
          {formatValue(unit, v)}
        </RegisterLink>
      </div>
      <Group gap={8} wrap="wrap" mih={16}>
        {!noCompare && prev !== undefined && <Delta unit={unit} value={v} base={prev?.value ?? null} against="prev" />}
        {!noCompare && yoy !== undefined && <Delta unit={unit} value={v} base={yoy?.value ?? null} against="yoy" />}
      </Group>
      {sub && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {sub}
        </Text>
      )}
    </div>
  );
}
