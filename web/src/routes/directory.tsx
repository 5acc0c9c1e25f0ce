import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../components/NoAccess';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { useCan } from '../features/auth/session';
import { useCanConfigureRouting } from '../features/classify/classify.api';
import { appRoute } from './app';

function DirectoryLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const canConfigureRouting = useCanConfigureRouting();
  const tabs = [
    { value: 'territory', label: t('directory.tabs.territory') },
    { value: 'recipients', label: t('directory.tabs.recipients') },
    { value: 'topics', label: t('directory.tabs.topics') },
    ...(canConfigureRouting ? (['routing', 'keywords', 'classifier'] as const).map((v) => ({ value: v, label: t(`classify.tabs.${v}`) })) : []),
  ];
  return (
    <Page title={t('directory.title')} header={<SectionTabs base="/directory" label={t('directory.title')} tabs={tabs} />}>
      <Fill>{can('directory.read') ? <Outlet /> : <NoAccess />}</Fill>
    </Page>
  );
}

export const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory',
  component: DirectoryLayout,
});

export const directoryIndexRoute = createRoute({
  getParentRoute: () => directoryRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/directory/territory', search: {} });
  },
});
