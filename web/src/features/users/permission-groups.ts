import type { Permission } from '../../api/types';

/** How the role form groups the permissions (labels in i18n `roles.groups.*`). */
export const PERMISSION_GROUPS: { key: 'directory' | 'cases' | 'analytics' | 'region'; permissions: Permission[] }[] = [
  { key: 'directory', permissions: ['directory.read', 'directory.manage', 'users.manage', 'audit.read', 'settings.manage', 'imports.manage'] },
  { key: 'cases', permissions: ['cases.read', 'cases.read_own', 'cases.register', 'cases.route', 'cases.work', 'cases.review', 'cases.close', 'pd.read'] },
  { key: 'analytics', permissions: ['analytics.read', 'reports.read', 'reports.manage', 'problems.manage', 'roadmaps.approve', 'engagement.manage'] },
  { key: 'region', permissions: ['region.read', 'region.manage'] },
];
