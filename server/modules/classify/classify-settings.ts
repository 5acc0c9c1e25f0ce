import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { tenants } from '../../db/schema';

export const ROUTE_ORDERS = ['rules_first', 'model_first'] as const;
export type RouteOrder = (typeof ROUTE_ORDERS)[number];

export interface ClassifySettings { autoRouteThreshold: number; routeOrder: RouteOrder }
export const DEFAULT_CLASSIFY_SETTINGS: ClassifySettings = { autoRouteThreshold: 0.85, routeOrder: 'rules_first' };

export const classifySettingsInput = z.object({
  autoRouteThreshold: z.number({ error: 'Порог автомаршрутизации: число от 0,5 до 1' }).min(0.5, { error: 'Порог автомаршрутизации: не меньше 0,5' }).max(1, { error: 'Порог автомаршрутизации: не больше 1' }),
  routeOrder: z.enum(ROUTE_ORDERS, { error: 'Порядок: rules_first или model_first' }),
});

/** The tenant's routing settings, kept in `tenants.settings.classify`. */
export async function readClassifySettings(db: Db | Tx, tenantId: string): Promise<ClassifySettings> {
  const [t] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  const own = ((t?.settings ?? {}) as { classify?: Partial<ClassifySettings> }).classify ?? {};
  return { ...DEFAULT_CLASSIFY_SETTINGS, ...own };
}

export async function writeClassifySettings(tx: Tx, tenantId: string, value: ClassifySettings): Promise<void> {
  await tx.update(tenants).set({ settings: sql`coalesce(${tenants.settings}, '{}'::jsonb) || jsonb_build_object('classify', ${JSON.stringify(value)}::jsonb)` }).where(eq(tenants.id, tenantId));
}
