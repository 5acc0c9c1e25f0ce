import { createRouter } from '@tanstack/react-router';
import { setUnauthenticatedHandler } from '../api/client';
import { meQuery } from '../features/auth/session';
import { rootRoute } from '../routes/root';
import { loginRoute } from '../routes/login';
import { appRoute } from '../routes/app';
import { indexRoute } from '../routes/index';
import { overviewRoute } from '../routes/overview';
import { inboxRoute } from '../routes/inbox';
import { casesRoute } from '../routes/cases';
import { caseNewRoute } from '../routes/cases.new';
import { caseCardRoute } from '../routes/cases.$id';
import { publicCaseRoute } from '../routes/p.$token';
import { analyticsRoute } from '../routes/analytics';
import { ratingRoute } from '../routes/rating';
import { problemsRoute } from '../routes/problems';
import { reportsRoute } from '../routes/reports';
import { engagementRoute } from '../routes/engagement';
import { regionRoute } from '../routes/region';
import { directoryIndexRoute, directoryRoute } from '../routes/directory';
import { territoryRoute } from '../routes/directory.territory';
import { recipientsRoute } from '../routes/directory.recipients';
import { topicsRoute } from '../routes/directory.topics';
import { adminIndexRoute, adminRoute } from '../routes/admin';
import { usersRoute } from '../routes/admin.users';
import { rolesRoute } from '../routes/admin.roles';
import { auditRoute } from '../routes/admin.audit';
import { deadlinesRoute } from '../routes/admin.deadlines';
import { queryClient } from './query-client';
import { stringifySearch } from './search-params';

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicCaseRoute,
  appRoute.addChildren([
    indexRoute,
    overviewRoute,
    inboxRoute,
    casesRoute,
    caseNewRoute,
    caseCardRoute,
    analyticsRoute,
    ratingRoute,
    problemsRoute,
    reportsRoute,
    engagementRoute,
    regionRoute,
    directoryRoute.addChildren([directoryIndexRoute, territoryRoute, recipientsRoute, topicsRoute]),
    adminRoute.addChildren([adminIndexRoute, usersRoute, rolesRoute, auditRoute, deadlinesRoute]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: false,
  scrollRestoration: false,
  stringifySearch,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/** A 401 from any call (the session expired or was closed): back to the login page, then here. */
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(meQuery.queryKey, null);
  const { pathname, href } = router.state.location;
  if (pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: href } });
});
