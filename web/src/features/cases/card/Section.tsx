import { useId, type ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';
import classes from './card.module.css';

/** A block of the card: a small heading, optional buttons at its right, the content. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" mih={24}>
        <Title order={2} id={id} className={classes.sectionTitle}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** Label–value pairs of the side panel. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className={classes.facts}>{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
