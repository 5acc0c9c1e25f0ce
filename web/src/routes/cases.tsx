import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cases',
  component: () => <NotYet section="cases" />,
});
