import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inbox',
  component: () => <NotYet section="inbox" />,
});
