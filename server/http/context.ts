import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import type { TenantScope } from '../db/request-scope';
import type { Env } from '../env';
import type { Actor } from './actor';
import type { Permission } from '../../domain/auth/permissions';

/** What every route may declare: the permission it needs, or that it is public. */
export type Policy = Permission | 'public' | 'authenticated';

export interface AppDeps {
  database: Database;
  env: Env;
  /** Injected clock: tests pin it, production uses the real time. */
  clock: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** The tenants row-level security admits for this request (set with the actor). */
    tenantScope: TenantScope | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export type { FastifyInstance, FastifyReply, FastifyRequest };
