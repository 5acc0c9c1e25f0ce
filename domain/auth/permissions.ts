/** The closed set of permissions. Roles are data (table `roles`) that bundle these codes. */
export const PERMISSIONS = [
  'directory.read',
  'directory.manage',
  'users.manage',
  'audit.read',
  'settings.manage',
  'imports.manage',
  'cases.read',
  'cases.read_own',
  'cases.register',
  'cases.route',
  'cases.work',
  'cases.review',
  'cases.close',
  'pd.read',
  'analytics.read',
  'reports.read',
  'reports.manage',
  'problems.manage',
  'roadmaps.approve',
  'region.read',
  'region.manage',
  'engagement.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
