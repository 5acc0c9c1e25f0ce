import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuth } from './auth-plugin';
import { freshDatabase } from '../test/databases';
import { signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import type { Database } from '../db/client';

interface Operation {
  method: string;
  url: string;
  multipart: boolean;
  /** The body schema has required fields (an empty body is then invalid). */
  requiresBody: boolean;
}

/** Every write endpoint of the OpenAPI description, with path parameters filled in. */
type Body = { content?: Record<string, { schema?: { required?: string[] } }> };
function writeOperations(spec: { paths: Record<string, Record<string, { requestBody?: Body }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      if (path === '/api/auth/logout') continue;
      const url = path.replace(/\{id\}/g, '00000000-0000-4000-8000-000000000000').replace(/\{code\}/g, 'missing_code').replace(/\{[a-zA-Z]+\}/g, 'x');
      const required = op.requestBody?.content?.['application/json']?.schema?.required ?? [];
      ops.push({ method: method.toUpperCase(), url, multipart: Boolean(op.requestBody?.content?.['multipart/form-data']), requiresBody: required.length > 0 });
    }
  }
  return ops;
}

describe('every write endpoint', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let ops: Operation[];
  let s: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase('pglite', { demo: true }));
    await createSuperuser(database, ids.municipalityId);
    app = await testApp(database);
    s = await signIn(app, 'test.super');
    // Case routes answer 404 for a case outside the actor's scope before reading the body: use a real case.
    const c = await s.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), text: 'Проверка приёма: не вывезен мусор во дворе.' });
    expect(c.statusCode).toBe(200);
    const caseId = c.json().id as string;
    ops = writeOperations(app.swagger() as never).map((op) => ({ ...op, url: op.url.replace(/^\/api\/cases\/00000000-0000-4000-8000-000000000000/, `/api/cases/${caseId}`) }));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await database.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions') ORDER BY 1");
    const out: Record<string, number> = {};
    for (const { t } of tables) out[t] = Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${t}"`))[0].n);
    return out;
  }

  it('is found in the OpenAPI description', () => {
    expect(ops.length).toBeGreaterThan(10);
  });

  it('answers a wrong body with 400, a Russian message naming the field, and writes nothing', async () => {
    for (const op of ops) {
      const before = await rowCounts();
      if (op.multipart) {
        const res = await app.inject({ method: op.method as 'POST', url: op.url, headers: { ...s.headers, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
        expect(res.statusCode, `${op.method} ${op.url}`).toBe(400);
        expect(res.json().error.message, `${op.method} ${op.url}`).toMatch(/[А-Яа-яЁё]/);
        expect(await rowCounts(), `${op.method} ${op.url} wrote nothing`).toEqual(before);
        continue;
      }
      const junk = await s.send(op.method as 'POST', op.url, { code: 12, name: ['x'], isActive: 'да', unexpected: 1 });
      expect(junk.statusCode, `${op.method} ${op.url} junk`).toBe(400);
      expect(junk.json().error.message, `${op.method} ${op.url}`).toMatch(/[А-Яа-яЁё]/);
      expect(Object.keys(junk.json().error.fields ?? {}).length, `${op.method} ${op.url} names a field`).toBeGreaterThan(0);
      const broken = await app.inject({ method: op.method as 'POST', url: op.url, headers: { ...s.headers, 'content-type': 'application/json' }, payload: '{"name": "не закрыто' });
      expect(broken.statusCode, `${op.method} ${op.url} broken JSON`).toBe(400);
      expect(broken.json().error.message).toMatch(/[А-Яа-яЁё]/);
      expect(await rowCounts(), `${op.method} ${op.url} wrote nothing`).toEqual(before);
      const empty = await s.send(op.method as 'POST', op.url, {});
      if (op.requiresBody) {
        expect(empty.statusCode, `${op.method} ${op.url} {}`).toBe(400);
        expect(Object.keys(empty.json().error.fields ?? {}).length, `${op.method} ${op.url} {} names a field`).toBeGreaterThan(0);
        expect(await rowCounts(), `${op.method} ${op.url} {} wrote nothing`).toEqual(before);
      } else {
        // A route that needs no body: an empty one is valid (an action on a case that does not
        // exist answers a Russian 404); never a server error.
        expect(empty.statusCode, `${op.method} ${op.url} {}`).toBeLessThan(500);
        if (empty.statusCode >= 400) expect(empty.json().error.message).toMatch(/[А-Яа-яЁё]/);
      }
    }
  }, 300_000); // ~200 endpoints, each followed by a row count of every table

  it('cannot be declared without an access policy', async () => {
    const bare = Fastify();
    registerAuth(bare);
    expect(() => bare.get('/api/unguarded', async () => ({}))).toThrow(/без политики доступа/);
    expect(() => bare.get('/api/guarded', { config: { policy: 'cases.read' } }, async () => ({}))).not.toThrow();
  });
});
