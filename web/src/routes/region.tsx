import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { NoAccess } from '../components/NoAccess';
import { useCan } from '../features/auth/session';
import { REGION_MEASURES, REGION_PERIODS, RegionScreen, type RegionMeasure, type RegionPeriod } from '../features/analytics/RegionScreen';
import { appRoute } from './app';

interface RegionSearch {
  p?: RegionPeriod;
  m?: RegionMeasure;
}

function RegionPage() {
  const { t } = useTranslation();
  const search = regionRoute.useSearch();
  const navigate = useNavigate({ from: '/region' });
  const can = useCan();
  const patch = (p: RegionSearch) => void navigate({ search: (prev: RegionSearch) => ({ ...prev, ...p }) });
  return (
    <Page title={t('analytics.region.title')}>
      {can('region.read') ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, overflow: 'auto', minHeight: 0 }}>
          <RegionScreen period={search.p ?? 'days30'} setPeriod={(p) => patch({ p: p === 'days30' ? undefined : p })} measure={search.m ?? 'per1000'} setMeasure={(m) => patch({ m: m === 'per1000' ? undefined : m })} />
        </div>
      ) : (
        <NoAccess />
      )}
    </Page>
  );
}

export const regionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'region',
  validateSearch: (s: Record<string, unknown>): RegionSearch => ({
    ...((REGION_PERIODS as readonly unknown[]).includes(s.p) && s.p !== 'days30' ? { p: s.p as RegionPeriod } : {}),
    ...((REGION_MEASURES as readonly unknown[]).includes(s.m) && s.m !== 'per1000' ? { m: s.m as RegionMeasure } : {}),
  }),
  component: RegionPage,
});
