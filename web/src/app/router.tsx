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
import { importKeysRoute, importsJobsRoute, importsRoute } from '../routes/imports';
import { importJobRoute } from '../routes/imports.$id';
import { publicRoute, publicTenantRoute } from '../routes/public';
import { publicCaseRoute } from '../routes/p.$token';
import { analyticsRoute } from '../routes/analytics';
import { ratingRoute } from '../routes/rating';
import { problemsRouteTree } from '../routes/problems';
import { reportsRouteTree } from '../routes/reports';
import { engagementChildren, engagementRoute } from '../routes/engagement';
import { regionRoute } from '../routes/region';
import { directoryIndexRoute, directoryRoute } from '../routes/directory';
import { territoryRoute } from '../routes/directory.territory';
import { recipientsRoute } from '../routes/directory.recipients';
import { topicsRoute } from '../routes/directory.topics';
import { routingRoute } from '../routes/directory.routing';
import { keywordsRoute } from '../routes/directory.keywords';
import { classifierRoute } from '../routes/directory.classifier';
import { adminIndexRoute, adminRoute } from '../routes/admin';
import { usersRoute } from '../routes/admin.users';
import { rolesRoute } from '../routes/admin.roles';
import { auditRoute } from '../routes/admin.audit';
import { retentionRoute } from '../routes/admin.retention';
import { deadlinesRoute } from '../routes/admin.deadlines';
import { queryClient } from './query-client';
import { stringifySearch } from './search-params';

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicCaseRoute,
  publicRoute,
  publicTenantRoute,
  appRoute.addChildren([
    indexRoute,
    overviewRoute,
    inboxRoute,
    casesRoute,
    caseNewRoute,
    caseCardRoute,
    importsRoute,
    importsJobsRoute,
    importKeysRoute,
    importJobRoute,
    analyticsRoute,
    ratingRoute,
    problemsRouteTree,
    reportsRouteTree,
    engagementRoute.addChildren(engagementChildren),
    regionRoute,
    directoryRoute.addChildren([directoryIndexRoute, territoryRoute, recipientsRoute, topicsRoute, routingRoute, keywordsRoute, classifierRoute]),
    adminRoute.addChildren([adminIndexRoute, usersRoute, rolesRoute, auditRoute, deadlinesRoute, retentionRoute]),
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
