import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { buildApp } from '../app';
import { loadEnv } from '../env';
import { freshDatabase } from '../test/databases';
import { trustProxyOption } from './trust-proxy';

/** A forged X-Forwarded-For cannot dodge the per-IP login limit unless the peer is a configured proxy. */
describe('TRUST_PROXY', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase('pglite', { demo: true }));
  }, 300_000);
  afterAll(async () => {
    for (const a of apps) await a.close();
    await dispose();
  });
  const make = async (TRUST_PROXY?: string) => {
    const app = await buildApp({ database, env: loadEnv({ DEMO: '0', ...(TRUST_PROXY ? { TRUST_PROXY } : {}) }), clock: () => new Date(), logger: false, serveWeb: false });
    await app.ready();
    apps.push(app);
    return app;
  };
  /** 31 failed logins of an unknown user, each with another forged client address. */
  const forged = async (app: FastifyInstance, remoteAddress: string) => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` }, payload: { login: 'nobody', password: 'x' } });
      codes.push(res.statusCode);
    }
    return codes;
  };

  it('is off by default: the limit counts the real peer whatever X-Forwarded-For says', async () => {
    expect(trustProxyOption(undefined)).toBe(false);
    expect(trustProxyOption('off')).toBe(false);
    expect(trustProxyOption('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    const codes = await forged(await make(), '198.51.100.7');
    expect(codes.slice(0, 30).every((c) => c === 401 || c === 400)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('believes X-Forwarded-For only from a listed proxy', async () => {
    const app = await make('198.51.100.9');
    expect((await forged(app, '198.51.100.9')).includes(429)).toBe(false);
    expect((await forged(app, '198.51.100.10'))[30]).toBe(429);
  });
});
