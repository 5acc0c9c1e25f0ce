import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { useMe } from '../features/auth/session';
import { ConflictsTab } from '../features/engagement/ConflictsTab';
import { NoticesTab } from '../features/engagement/NoticesTab';
import { PagesTab } from '../features/engagement/PagesTab';
import { TasksTab } from '../features/engagement/TasksTab';
import { appRoute } from './app';

type Tab = 'pages' | 'conflicts' | 'notices' | 'tasks';
/** The ЦУР sees only the exchange with municipalities; a municipality sees all four tabs. */
const tabsFor = (kind: string): Tab[] => (kind === 'region' ? ['tasks'] : ['pages', 'conflicts', 'notices', 'tasks']);

function EngagementLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const tabs = tabsFor(me.tenant.kind).map((v) => ({ value: v, label: t(`engagement.tabs.${v}`) }));
  return (
    <Page title={t('engagement.title')} header={<SectionTabs base="/engagement" label={t('engagement.title')} tabs={tabs} />}>
      <Fill>
        <Outlet />
      </Fill>
    </Page>
  );
}

export const engagementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'engagement',
  component: EngagementLayout,
});

export const engagementIndexRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ href: `/engagement/${tabsFor(context.me.tenant.kind)[0]}` });
  },
});

const tab = (path: Tab, component: () => React.ReactNode) => createRoute({ getParentRoute: () => engagementRoute, path, component });
export const engagementPagesRoute = tab('pages', PagesTab);
export const engagementConflictsRoute = tab('conflicts', ConflictsTab);
export const engagementNoticesRoute = tab('notices', NoticesTab);
export const engagementTasksRoute = tab('tasks', TasksTab);
export const engagementChildren = [engagementIndexRoute, engagementPagesRoute, engagementConflictsRoute, engagementNoticesRoute, engagementTasksRoute];
