import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes';
import { scopeCaseRoutes } from './cases/case-route-scope';
import { healthRoutes } from './health/health.routes';
import { territoryRoutes } from './territory/territory.routes';
import { directoryRoutes } from './directory/directory.routes';
import { usersRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { casesRoutes } from './cases/cases.routes';
import { caseActionsRoutes } from './cases/case-actions.routes';
import { caseFilesRoutes } from './cases/case-files.routes';
import { savedViewsRoutes } from './cases/saved-views.routes';
import { settingsRoutes } from './cases/settings.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { publicCaseRoutes } from './public/public-case.routes';
import { intakeRoutes } from './intake/intake.routes';
import { analyticsRoutes } from './analytics/analytics.routes';
import { classifyRoutes } from './classify/classify.routes';
import { exportsRoutes } from './exports/exports.routes';
import { reportsRoutes } from './reports/reports.routes';
import { engagementRoutes } from './engagement/engagement.routes';
import { problemsRoutes } from './problems/problems.routes';
import { retentionRoutes } from './retention/retention.routes';

/** Every feature module's routes. Each module owns its URL prefix. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  scopeCaseRoutes(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(territoryRoutes);
  await app.register(directoryRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(casesRoutes);
  await app.register(caseActionsRoutes);
  await app.register(caseFilesRoutes);
  await app.register(savedViewsRoutes);
  await app.register(settingsRoutes);
  await app.register(notificationsRoutes);
  await app.register(publicCaseRoutes);
  await app.register(intakeRoutes);
  await app.register(analyticsRoutes);
  await app.register(classifyRoutes);
  await app.register(exportsRoutes);
  await app.register(reportsRoutes);
  await app.register(engagementRoutes);
  await app.register(problemsRoutes);
  await app.register(retentionRoutes);
}
