import { createRoute, redirect } from '@tanstack/react-router';
import { appRoute } from './app';

/** «/» opens the screen the user's role lands on (screens.md), e.g. /directory or /cases?channel=pos. */
export const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ href: context.me.landing });
  },
});
