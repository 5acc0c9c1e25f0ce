import { createRoute, redirect } from '@tanstack/react-router';
import { AppLayout } from '../app/AppLayout';
import { meQuery } from '../features/auth/session';
import { rootRoute } from './root';

/** Every page behind the login: loads /me once, sends anonymous visitors to /login. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  component: AppLayout,
});
