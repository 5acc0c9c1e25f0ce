import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../components/NoAccess';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { meQuery, useCan, useMe } from '../features/auth/session';
import { NotesTab } from '../features/reports/NotesTab';
import { NoteView } from '../features/reports/NoteView';
import { CurTab } from '../features/reports/CurTab';
import { ExportsTab } from '../features/reports/ExportsTab';
import { RegionReportsTab } from '../features/reports/RegionReportsTab';
import { appRoute } from './app';

function ReportsLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const region = useMe().tenant.kind === 'region';
  const tabs = region
    ? [{ value: 'region', label: t('reports.tabs.region') }, { value: 'exports', label: t('reports.tabs.exports') }]
    : [
        { value: 'notes', label: t('reports.tabs.notes') },
        { value: 'cur', label: t('reports.tabs.cur') },
        { value: 'exports', label: t('reports.tabs.exports') },
      ];
  return (
    <Page title={t('reports.title')} header={<SectionTabs base="/reports" label={t('reports.title')} tabs={tabs} />}>
      <Fill>{can('reports.read') || can('region.read') ? <Outlet /> : <NoAccess />}</Fill>
    </Page>
  );
}

export const reportsRoute = createRoute({ getParentRoute: () => appRoute, path: 'reports', component: ReportsLayout });

const reportsIndexRoute = createRoute({
  getParentRoute: () => reportsRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    throw redirect({ to: me?.tenant.kind === 'region' ? '/reports/region' : '/reports/notes', search: {} });
  },
});
const notesRoute = createRoute({ getParentRoute: () => reportsRoute, path: 'notes', component: NotesTab });
const noteRoute = createRoute({ getParentRoute: () => reportsRoute, path: 'notes/$id', component: function NoteRoute() {
  const { id } = noteRoute.useParams();
  return <NoteView id={id} />;
} });
const curRoute = createRoute({ getParentRoute: () => reportsRoute, path: 'cur', component: CurTab });
const exportsRoute = createRoute({ getParentRoute: () => reportsRoute, path: 'exports', component: ExportsTab });
const regionReportsRoute = createRoute({ getParentRoute: () => reportsRoute, path: 'region', component: RegionReportsTab });

export const reportsRouteTree = reportsRoute.addChildren([reportsIndexRoute, notesRoute, noteRoute, curRoute, exportsRoute, regionReportsRoute]);
