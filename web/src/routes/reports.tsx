import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports',
  component: () => <NotYet section="reports" />,
});
