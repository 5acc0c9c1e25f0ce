import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'overview',
  component: () => <NotYet section="overview" />,
});
