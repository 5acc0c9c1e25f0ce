import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../api/types';
import { NoAccess } from '../components/NoAccess';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { useMe } from '../features/auth/session';
import { appRoute } from './app';

/** The tabs of «Администрирование» and the permission each needs (the API's policy for its list). */
export const ADMIN_TABS: { value: 'users' | 'roles' | 'audit' | 'deadlines' | 'retention'; permission: Permission }[] = [
  { value: 'users', permission: 'users.manage' },
  { value: 'roles', permission: 'users.manage' },
  { value: 'audit', permission: 'audit.read' },
  // GET /api/deadline-rules and /api/channels need directory.read; changes need settings.manage.
  { value: 'deadlines', permission: 'directory.read' },
  // Destruction acts (приказ № 179) need audit.read; the retention terms settings.manage.
  { value: 'retention', permission: 'audit.read' },
];

function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const tabs = ADMIN_TABS.filter((tab) => me.permissions.includes(tab.permission)).map((tab) => ({ value: tab.value, label: t(`admin.tabs.${tab.value}`) }));
  return (
    <Page title={t('admin.title')} header={tabs.length > 0 && <SectionTabs base="/admin" label={t('admin.title')} tabs={tabs} />}>
      <Fill>{tabs.length ? <Outlet /> : <NoAccess />}</Fill>
    </Page>
  );
}

export const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin',
  component: AdminLayout,
});

export const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const first = ADMIN_TABS.find((tab) => context.me.permissions.includes(tab.permission));
    if (first) throw redirect({ href: `/admin/${first.value}` });
  },
});
