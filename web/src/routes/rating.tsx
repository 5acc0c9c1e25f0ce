import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Fill, Page } from '../components/Page';
import { RatingScreen, type RatingSearch } from '../features/analytics/RatingScreen';
import { appRoute } from './app';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/;

function parse(s: Record<string, unknown>): RatingSearch {
  const out: RatingSearch = {};
  if (typeof s.from === 'string' && DATE.test(s.from)) out.from = s.from;
  if (typeof s.to === 'string' && DATE.test(s.to)) out.to = s.to;
  if (s.regime === 'FZ59' || s.regime === 'MESSAGE') out.regime = s.regime;
  if (typeof s.channel === 'string' && s.channel.length <= 64 && s.channel) out.channel = s.channel;
  if (typeof s.blockId === 'string' && UUID.test(s.blockId)) out.blockId = s.blockId;
  return out;
}

function RatingPage() {
  const { t } = useTranslation();
  const search = ratingRoute.useSearch();
  const navigate = useNavigate({ from: '/rating' });
  return (
    <Page title={t('analytics.rating.title')}>
      <Fill>
        <RatingScreen search={search} patch={(p) => void navigate({ search: (prev: RatingSearch) => ({ ...prev, ...p }) })} />
      </Fill>
    </Page>
  );
}

export const ratingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'rating',
  validateSearch: parse,
  component: RatingPage,
});
