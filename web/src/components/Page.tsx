import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

interface PageProps {
  title: string;
  /** Buttons at the right of the title. */
  actions?: ReactNode;
  /** Under the title: tabs, a short explanation. */
  header?: ReactNode;
  children: ReactNode;
}

/** A page of the app: its title, then the content filling the rest of the viewport. */
export function Page({ title, actions, header, children }: PageProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0, gap: 'var(--mantine-spacing-sm)' }}>
      <Group justify="space-between" wrap="nowrap" gap="sm" mih={32}>
        <Title order={1}>{title}</Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {header}
      {children}
    </div>
  );
}

/** The content of a tab: a column that lets a DataTable fill the remaining height. */
export function Fill({ children, gap = 'sm' }: { children: ReactNode; gap?: string }) {
  return <div style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0, gap: `var(--mantine-spacing-${gap})` }}>{children}</div>;
}
