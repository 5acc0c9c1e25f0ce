import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import { DEMO_PASSWORD } from '../../seed/demo-users';
import type { Database } from '../../db/client';

describe.each(targets())('authentication on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const clock = pinnedClock('2026-11-27T09:00:00Z');

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('logs in with the right password and describes the user', async () => {
    const s = await signIn(app, 'head');
    const me = (await s.get('/api/auth/me')).json();
    expect(me.user.fullName).toBe('Воронов Алексей Николаевич');
    expect(me.tenant.code).toBe('krasnoarmeysky');
    expect(me.permissions).toContain('cases.review');
    expect(me.landing).toBe('/overview');
  });

  it('answers a wrong password and an unknown login with the same generic message', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'head', password: 'wrong-password' } });
    const b = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody', password: 'wrong-password' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe('Неверный логин или пароль');
    expect(b.json().error.message).toBe(a.json().error.message);
  });

  it('locks the account after five failures, even for the right password, then lets in after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'curator', password: 'wrong-password' } });
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'curator', password: DEMO_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    clock.advance(16 * 60_000);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'curator', password: DEMO_PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('rejects requests without a session and state changes without the CSRF token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/recipients' })).statusCode).toBe(401);
    const s = await signIn(app, 'admin');
    const res = await app.inject({ method: 'POST', url: '/api/topic-blocks', headers: { cookie: s.headers.cookie }, payload: { code: 'x', name: 'Блок' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('forbids what the role may not do', async () => {
    const s = await signIn(app, 'exec.kamenskoe');
    const res = await s.send('POST', '/api/topic-blocks', { code: 'x', name: 'Блок' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/Недостаточно прав/);
    expect((await s.get('/api/users')).statusCode).toBe(403);
  });

  it('ends a session after the idle window and after the absolute lifetime, and on logout', async () => {
    const s = await signIn(app, 'operator');
    clock.advance(29 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);

    const t = await signIn(app, 'operator');
    for (let i = 0; i < 5; i++) {
      clock.advance(25 * 60_000);
      await t.get('/api/auth/me');
    }
    expect((await t.get('/api/auth/me')).statusCode).toBe(401); // 125 minutes > 2 hours

    const u = await signIn(app, 'operator');
    expect((await u.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('issues a new session id on every login (no fixation) and stores only a hash of it', async () => {
    const a = await signIn(app, 'pos');
    const b = await signIn(app, 'pos');
    expect(a.headers.cookie).not.toBe(b.headers.cookie);
    const token = a.headers.cookie.split('=')[1];
    const rows = await database.query('SELECT 1 FROM sessions WHERE id = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await database.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login = 'admin'");
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});
