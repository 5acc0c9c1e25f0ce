import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const regionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'region',
  component: () => <NotYet section="region" />,
});
