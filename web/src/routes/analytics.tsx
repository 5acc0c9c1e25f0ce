import { Tabs } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Fill, Page } from '../components/Page';
import { MapTab } from '../features/analytics/MapTab';
import { SignalsTab } from '../features/analytics/SignalsTab';
import { IndicatorsTab } from '../features/analytics/IndicatorsTab';
import { TABS, parseAnalyticsSearch, type AnalyticsSearch } from '../features/analytics/search';
import { appRoute } from './app';

function AnalyticsPage() {
  const { t } = useTranslation();
  const search = analyticsRoute.useSearch();
  const navigate = useNavigate({ from: '/analytics' });
  const patch = (p: Partial<AnalyticsSearch>) => void navigate({ search: (prev: AnalyticsSearch) => ({ ...prev, ...p }) });
  const tab = search.tab ?? 'map';
  return (
    <Page
      title={t('analytics.title')}
      header={
        <Tabs value={tab} onChange={(v) => patch({ tab: v === 'map' ? undefined : (v as AnalyticsSearch['tab']) })} activateTabWithKeyboard={false}>
          <Tabs.List aria-label={t('analytics.title')}>
            {TABS.map((x) => (
              <Tabs.Tab key={x} value={x} fz="md">
                {t(`analytics.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      }
    >
      <Fill>
        {tab === 'map' && <MapTab search={search} patch={patch} />}
        {tab === 'signals' && <SignalsTab />}
        {tab === 'indicators' && <IndicatorsTab period={search.period} setPeriod={(period) => patch({ period })} />}
      </Fill>
    </Page>
  );
}

export const analyticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics',
  validateSearch: (search: Record<string, unknown>): AnalyticsSearch => parseAnalyticsSearch(search),
  component: AnalyticsPage,
});
