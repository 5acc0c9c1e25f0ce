import { Tabs } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';

interface SectionTabsProps {
  /** The section's path, e.g. '/directory'. */
  base: string;
  label: string;
  tabs: { value: string; label: string }[];
}

/** Tabs whose selection is the URL: /directory/territory, /directory/recipients… */
export function SectionTabs({ base, label, tabs }: SectionTabsProps) {
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active = tabs.find((tab) => pathname.startsWith(`${base}/${tab.value}`))?.value ?? null;
  return (
    <Tabs value={active} onChange={(v) => v && void navigate({ href: `${base}/${v}` })} keepMounted={false} activateTabWithKeyboard={false}>
      <Tabs.List aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} fz="md">
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
