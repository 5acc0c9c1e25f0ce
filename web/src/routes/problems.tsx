import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const problemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'problems',
  component: () => <NotYet section="problems" />,
});
