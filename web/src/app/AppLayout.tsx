import { ActionIcon, AppShell, Box, Button, Divider, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand, IconLogout } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { logout, meQuery, useMe } from '../features/auth/session';
import { rolesQuery } from '../features/users/users.api';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { visibleNav } from './nav';

const HEADER = 48;
const NAV_OPEN = 264;
const NAV_RAIL = 56;

/** The authenticated frame: header (tenant, user, roles, logout), the left menu, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [collapsed, setCollapsed] = useLocalStorage({ key: 'mcu.nav.collapsed', defaultValue: false });
  const roles = useQuery({ ...rolesQuery, enabled: me.permissions.includes('directory.read') });
  const roleNames = me.roles.map((code) => roles.data?.items.find((r) => r.code === code)?.name ?? code).join(', ');
  const items = visibleNav(me.permissions);

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      qc.clear();
      qc.setQueryData(meQuery.queryKey, null);
      notifications.show({ message: t('auth.loggedOut'), autoClose: 2000 });
      void navigate({ to: '/login', search: {} });
    }
  };

  return (
    <AppShell header={{ height: HEADER }} navbar={{ width: collapsed ? NAV_RAIL : NAV_OPEN, breakpoint: 0 }} padding={0}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Tooltip label={collapsed ? t('shell.expand') : t('shell.collapse')} position="bottom-start">
              <ActionIcon aria-label={collapsed ? t('shell.expand') : t('shell.collapse')} aria-expanded={!collapsed} onClick={() => setCollapsed((c) => !c)} size="lg">
                {collapsed ? <IconLayoutSidebarLeftExpand size={20} aria-hidden /> : <IconLayoutSidebarLeftCollapse size={20} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            <Text fw={700} c="steel.8" title={t('app.fullName')}>
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" my={12} />
            <Text size="md" truncate="end">
              {me.tenant.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <NotificationsBell />
            <Box ta="right" miw={0} aria-label={t('shell.user')}>
              <Text size="sm" fw={500} truncate="end" lh={1.25}>
                {me.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={420} lh={1.25} title={roleNames}>
                {roleNames}
              </Text>
            </Box>
            <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconLogout size={16} aria-hidden />} onClick={onLogout}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p={6} component="nav" aria-label={t('shell.navigation')}>
        <Stack gap={2}>
          {items.map((item) => {
            const label = t(`nav.${item.key}`);
            const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
            const Icon = item.icon;
            const link = (
              <NavLink
                key={item.key}
                component={Link}
                to={item.to as '/'}
                label={collapsed ? undefined : label}
                aria-label={collapsed ? label : undefined}
                aria-current={active ? 'page' : undefined}
                active={active}
                leftSection={<Icon size={19} stroke={1.6} aria-hidden />}
                py={7}
                px={collapsed ? 12 : 10}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            );
            return collapsed ? (
              <Tooltip key={item.key} label={label} position="right">
                {link}
              </Tooltip>
            ) : (
              link
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box
          id="main"
          component="main"
          tabIndex={-1}
          p="md"
          style={{ height: `calc(100dvh - ${HEADER}px)`, display: 'flex', flexDirection: 'column', minHeight: 0, outline: 'none' }}
        >
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
