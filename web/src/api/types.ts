/**
 * Shapes of the API responses the web app reads. Request bodies use the zod input types from
 * domain/ (the same schemas the server validates with).
 */
import type { Permission } from '../../../domain/auth/permissions';
import type { RecipientKind } from '../../../domain/directory/schemas';

export type { Permission, RecipientKind };

export interface Me {
  user: { id: string; login: string; fullName: string; position: string | null; recipientId: string | null };
  tenant: { id: string; code: string; kind: 'municipality' | 'region' | string; name: string; timeZone: string };
  roles: string[];
  permissions: Permission[];
  scope: { recipientIds: string[]; blockIds: string[] };
  landing: string;
  csrfToken: string;
}

export interface Settlement {
  id: string;
  code: string;
  name: string;
  officialName: string | null;
  kind: 'urban' | 'rural';
  oktmo: string | null;
  population: number | null;
  populationYear: number | null;
  adminCentre: string | null;
  source: string | null;
  isActive: boolean;
  hasBoundary: boolean;
}

export interface Locality {
  id: string;
  code: string;
  name: string;
  type: string;
  settlementId: string | null;
  oktmo: string | null;
  postcode: string | null;
  population: number | null;
  populationYear: number | null;
  lat: number | null;
  lon: number | null;
  source: string | null;
  isActive: boolean;
}

export interface Territory {
  tenant: { id: string; name: string; oktmo: string | null; population: number | null; timeZone: string };
  settlements: Settlement[];
  localities: Locality[];
}

export interface ImportReport {
  inserted: number;
  updated: number;
  errors: { row: number; message: string }[];
}

export interface Recipient {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: RecipientKind;
  parentId: string | null;
  settlementId: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  confidence: string | null;
  source: string | null;
  isActive: boolean;
  topicIds: string[];
}

export interface TopicBlock {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
}

export interface Topic {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  blockId: string | null;
  priority: boolean;
  sort: number;
  isActive: boolean;
}

export interface Topics {
  blocks: TopicBlock[];
  items: Topic[];
}

export interface RoleAssignment {
  roleCode: string;
  recipientId: string | null;
  blockId: string | null;
}

export interface User {
  id: string;
  login: string;
  fullName: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  recipientId: string | null;
  isActive: boolean;
  lastLoginAt: string | null;
  lockedUntil: string | null;
  roles: RoleAssignment[];
}

export interface Role {
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
  builtIn: boolean;
  isActive: boolean;
}

export interface Roles {
  items: Role[];
  permissions: Permission[];
}

export interface AuditEvent {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actor: string | null;
}

export interface Items<T> {
  items: T[];
}
