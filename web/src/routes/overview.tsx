import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { OVERVIEW_PERIODS, OverviewScreen, type OverviewPeriod } from '../features/analytics/OverviewScreen';
import { appRoute } from './app';

interface OverviewSearch {
  p?: Exclude<OverviewPeriod, 'week'>;
}

function OverviewPage() {
  const { t } = useTranslation();
  const search = overviewRoute.useSearch();
  const navigate = useNavigate({ from: '/overview' });
  return (
    <Page title={t('analytics.overview.title')}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8, overflow: 'auto', minHeight: 0 }}>
        <OverviewScreen period={search.p ?? 'week'} setPeriod={(p) => void navigate({ search: p === 'week' ? {} : { p } })} />
      </div>
    </Page>
  );
}

export const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'overview',
  validateSearch: (search: Record<string, unknown>): OverviewSearch =>
    (OVERVIEW_PERIODS as readonly unknown[]).includes(search.p) && search.p !== 'week' ? { p: search.p as OverviewSearch['p'] } : {},
  component: OverviewPage,
});
