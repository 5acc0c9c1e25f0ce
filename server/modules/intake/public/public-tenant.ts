import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { tenants } from '../../../db/schema';
import { AppError } from '../../../errors';

export type PublicTenant = typeof tenants.$inferSelect;

/**
 * The municipality a resident or an external system addresses, by its code (`tenant`, Open311's
 * `jurisdiction_id`); an installation with one municipality needs no code.
 */
export async function publicTenant(db: Db, code: string | null | undefined): Promise<PublicTenant> {
  if (code) {
    const [t] = await db.select().from(tenants).where(and(eq(tenants.code, code), eq(tenants.kind, 'municipality'), eq(tenants.isActive, true)));
    if (!t) throw new AppError('not_found', `Муниципалитет «${code}» не найден`);
    return t;
  }
  const list = await db.select().from(tenants).where(and(eq(tenants.kind, 'municipality'), eq(tenants.isActive, true))).limit(2);
  if (list.length !== 1) throw new AppError('validation', 'Муниципалитет: укажите код муниципалитета', { tenant: 'Укажите код муниципалитета' });
  return list[0];
}

/** Is a point inside the bounding box of the tenant's boundary (GeoJSON)? True when no boundary is known. */
export function insideBoundary(boundary: unknown, lat: number, lon: number): boolean {
  if (!boundary) return true;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') {
      minX = Math.min(minX, v[0]); maxX = Math.max(maxX, v[0]);
      minY = Math.min(minY, v[1]); maxY = Math.max(maxY, v[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
  };
  walk((boundary as { coordinates?: unknown }).coordinates);
  if (!Number.isFinite(minX)) return true;
  return lon >= minX && lon <= maxX && lat >= minY && lat <= maxY;
}
