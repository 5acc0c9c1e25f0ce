import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const analyticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics',
  component: () => <NotYet section="analytics" />,
});
