import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const engagementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'engagement',
  component: () => <NotYet section="engagement" />,
});
