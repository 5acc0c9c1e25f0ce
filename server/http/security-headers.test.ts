import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { freshDatabase } from '../test/databases';
import { testApp } from '../test/http';

/** Every response carries the strict headers: CSP without inline scripts, no framing, no referrer, nosniff. */
describe('security headers', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase('pglite'));
    app = await testApp(database);
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it.each(['/api/health', '/api/auth/me', '/api/no-such-route'])('%s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    // The only outside origin: OpenStreetMap tiles for the optional base map, images only.
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org;");
    expect(csp.replace("img-src 'self' data: blob: https://tile.openstreetmap.org;", '')).not.toMatch(/https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
