import {
  IconAdjustments,
  IconBooks,
  IconChartDots3,
  IconClipboardList,
  IconFileImport,
  IconFileText,
  IconInbox,
  IconLayoutDashboard,
  IconMap2,
  IconMessages,
  IconRoute,
  IconTrophy,
  IconBuildingCommunity,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../api/types';

export type SectionKey = 'overview' | 'inbox' | 'cases' | 'imports' | 'analytics' | 'rating' | 'problems' | 'reports' | 'engagement' | 'region' | 'directory' | 'admin';

export interface NavItem {
  key: SectionKey;
  to: `/${string}`;
  icon: Icon;
  /** Shown only to users with at least one of these permissions. */
  anyOf?: Permission[];
}

/** The sections in the order of the left menu. */
export const NAV: NavItem[] = [
  { key: 'overview', to: '/overview', icon: IconLayoutDashboard },
  { key: 'inbox', to: '/inbox', icon: IconInbox },
  { key: 'cases', to: '/cases', icon: IconClipboardList },
  { key: 'imports', to: '/imports', icon: IconFileImport, anyOf: ['imports.manage'] },
  { key: 'analytics', to: '/analytics', icon: IconMap2 },
  { key: 'rating', to: '/rating', icon: IconTrophy },
  { key: 'problems', to: '/problems', icon: IconRoute },
  { key: 'reports', to: '/reports', icon: IconFileText },
  { key: 'engagement', to: '/engagement', icon: IconMessages },
  { key: 'region', to: '/region', icon: IconChartDots3, anyOf: ['region.read'] },
  { key: 'directory', to: '/directory', icon: IconBooks, anyOf: ['directory.read'] },
  { key: 'admin', to: '/admin', icon: IconAdjustments, anyOf: ['users.manage', 'audit.read', 'settings.manage'] },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV.filter((item) => !item.anyOf || item.anyOf.some((p) => permissions.includes(p)));
}

export const TENANT_ICON = IconBuildingCommunity;
