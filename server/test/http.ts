import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { buildApp } from '../app';
import { loadEnv } from '../env';
import { DEMO_PASSWORD } from '../seed/demo-users';

/** A mutable clock that tests pin and move. */
export function pinnedClock(iso: string) {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (v: string | Date) => (now = new Date(v));
  clock.advance = (ms: number) => (now = new Date(now.getTime() + ms));
  return clock;
}

/** The app under test; app.inject() comes from 127.0.0.1, trusted as a proxy so tests can set X-Forwarded-For. */
export async function testApp(database: Database, clock: () => Date = () => new Date(), env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ database, env: loadEnv({ DEMO: '0', TRUST_PROXY: '127.0.0.1', ...env }), clock, logger: false, serveWeb: false });
  await app.ready();
  return app;
}

/** A signed-in client: the session cookie and the CSRF token, ready for app.inject(). */
export async function signIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'mcu_sid')!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `mcu_sid=${cookie.value}`, 'x-csrf-token': csrf };
  return {
    headers,
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => app.inject({ method, url, headers, payload: payload as object }),
  };
}
