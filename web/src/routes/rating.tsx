import { createRoute } from '@tanstack/react-router';
import { NotYet } from '../components/NotYet';
import { appRoute } from './app';

export const ratingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'rating',
  component: () => <NotYet section="rating" />,
});
