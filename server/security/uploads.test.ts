import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import { CASE_LIMITS } from '../../domain/cases/schemas';
import { IMPORT_LIMITS } from '../modules/intake/mapping/fields';
import { sampleOf, type JsonSchema } from './schema-sample';

/**
 * Every upload endpoint × hostile files: HTML named .jpg, SVG with a script, a JPEG/HTML polyglot,
 * one byte over the limit, zero bytes, names with path traversal and control characters, a
 * false MIME header. Each is refused with a Russian message or stored safely: a type sniffed from
 * the content (never HTML or SVG), a bare file name; and every stored file downloads as an
 * attachment with `nosniff` and a sandbox policy.
 */

const NOW = '2026-11-20T10:00:00.000Z';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const HTML = Buffer.from('<!doctype html><html><body><script>window.__xss=1</script></body></html>');
type HostileFile = { label: string; name: string; type: string; data: Buffer; mustRefuse: boolean };
const HOSTILE: HostileFile[] = [
  { label: 'HTML под видом .jpg', name: 'photo.jpg', type: 'image/jpeg', data: HTML, mustRefuse: true },
  { label: 'SVG со скриптом', name: 'map.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>'), mustRefuse: true },
  { label: 'полиглот JPEG+HTML', name: 'poly.html', type: 'text/html', data: Buffer.concat([JPEG, HTML]), mustRefuse: false },
  // The residents' form drops an empty file part (a browser sends one when no photo is chosen): never stored.
  { label: 'пустой файл', name: 'empty.png', type: 'image/png', data: Buffer.alloc(0), mustRefuse: false },
  { label: 'обход пути', name: '../../etc/passwd', type: 'image/png', data: PNG, mustRefuse: false },
  { label: 'обход пути (Windows)', name: '..\\..\\boot.ini', type: 'image/png', data: PNG, mustRefuse: false },
  { label: 'управляющие символы', name: 'a\u0000b\u0001c\u202egnp.exe', type: 'image/png', data: PNG, mustRefuse: false },
  { label: 'скрытый файл', name: '.htaccess', type: 'image/png', data: PNG, mustRefuse: false },
  { label: 'ложный MIME', name: 'doc.pdf', type: 'application/pdf', data: Buffer.from('MZ\u0090\u0000 not a pdf, an executable'), mustRefuse: true },
];
const FILE_TABLES = ['case_files', 'measure_files', 'engagement_files'];

function form(fields: Record<string, string>, field: string, f: { name: string; type: string; data: Buffer }) {
  const boundary = '----mcuup' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name.replace(/"/g, '%22')}"\r\nContent-Type: ${f.type}\r\n\r\n`, 'utf8'), f.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) };
}
function solve(question: string): string {
  const m = /(\d+) ([+−×]) (\d+)/.exec(question)!;
  const [a, b] = [Number(m[1]), Number(m[3])];
  return String(m[2] === '+' ? a + b : m[2] === '−' ? a - b : a * b);
}

type Endpoint = { label: string; url: string; field: string; who: 'super' | 'region' | 'anon'; limit: number; fields: () => Promise<Record<string, string>>; storesFiles: boolean };

for (const target of targets()) {
  describe(`upload matrix (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    const headers = new Map<string, Record<string, string>>();
    let endpoints: Endpoint[];
    let ip = 1;

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      await createSuperuser(database, ids.municipalityId);
      app = await testApp(database, pinnedClock(NOW));
      const sup = await signIn(app, 'test.super');
      headers.set('super', sup.headers);
      headers.set('region', (await signIn(app, 'region')).headers);
      headers.set('anon', {});
      const spec = app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
      const body = (path: string, method = 'post') => sampleOf(spec.paths[path][method].requestBody?.content?.['application/json']?.schema) as Record<string, unknown>;
      const [{ id: superId }] = await database.query<{ id: string }>("SELECT id::text FROM users WHERE login = 'test.super'");
      const c = await sup.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'phone', receivedAt: NOW, text: 'Не вывезен мусор во дворе дома 3' });
      expect(c.statusCode, c.body).toBe(200);
      const problem = await sup.send('POST', '/api/problems', { ...body('/api/problems'), caseIds: [c.json().id] });
      expect(problem.statusCode, problem.body).toBe(200);
      const roadmap = await sup.send('POST', '/api/roadmaps', { ...body('/api/roadmaps'), problemId: problem.json().id });
      expect(roadmap.statusCode, roadmap.body).toBe(200);
      const measure = await sup.send('POST', `/api/roadmaps/${roadmap.json().id}/measures`, { ...body('/api/roadmaps/{id}/measures'), dueOn: '2026-12-10', responsibleId: superId });
      expect(measure.statusCode, measure.body).toBe(200);
      const recommendation = { title: 'Рекомендация ЦУР', issuedOn: '2026-11-20' };
      const challenge = async () => {
        const ch = (await app.inject({ method: 'GET', url: '/api/public/challenge', headers: { 'x-forwarded-for': `10.7.0.${ip++ % 250}` } })).json();
        return { text: 'Не горит фонарь у дома 5 по улице Ленина уже неделю', address: 'г. Красноармейск, ул. Ленина, 5', consent: 'true', challengeToken: ch.token, challengeAnswer: solve(ch.question) };
      };
      const none = async () => ({});
      const big = IMPORT_LIMITS.fileBytes;
      const request = 60 * 1024 * 1024; // the reference imports have no own limit: the multipart limit of the app
      endpoints = [
        { label: 'файл обращения', url: `/api/cases/${c.json().id}/files`, field: 'file', who: 'super', limit: CASE_LIMITS.fileBytes, fields: none, storesFiles: true },
        { label: 'файл мероприятия', url: `/api/measures/${measure.json().id}/files`, field: 'file', who: 'super', limit: CASE_LIMITS.fileBytes, fields: none, storesFiles: true },
        { label: 'рекомендация ЦУР', url: '/api/engagement/recommendations', field: 'files', who: 'region', limit: CASE_LIMITS.fileBytes, fields: async () => recommendation, storesFiles: true },
        { label: 'фото жителя', url: '/api/public/messages', field: 'photos', who: 'anon', limit: CASE_LIMITS.fileBytes, fields: challenge, storesFiles: true },
        { label: 'импорт обращений', url: '/api/imports', field: 'file', who: 'super', limit: big, fields: none, storesFiles: false },
        { label: 'импорт территории', url: '/api/territory/import', field: 'file', who: 'super', limit: request, fields: none, storesFiles: false },
        { label: 'импорт рубрикатора', url: '/api/topics/import', field: 'file', who: 'super', limit: request, fields: none, storesFiles: false },
        { label: 'импорт активности', url: '/api/engagement/activity/import', field: 'file', who: 'super', limit: big, fields: none, storesFiles: false },
        { label: 'импорт опросов', url: '/api/polls/import', field: 'file', who: 'super', limit: big, fields: none, storesFiles: false },
      ];
    }, 240_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    const upload = async (e: Endpoint, f: { name: string; type: string; data: Buffer }) => {
      const body = form(await e.fields(), e.field, f);
      return app.inject({ method: 'POST', url: e.url, headers: { ...headers.get(e.who)!, 'content-type': body.type, 'x-forwarded-for': `10.8.${Math.floor(ip / 250) % 250}.${ip++ % 250}` }, payload: body.data });
    };
    const russian = (res: LightMyRequestResponse) => /[А-Яа-яЁё]/.test(res.json()?.error?.message ?? '');

    it('refuses each hostile file with a Russian message or stores it safely, on every upload endpoint', async () => {
      const failures: string[] = [];
      const matrix: string[] = [];
      for (const e of endpoints) {
        const cells: string[] = [];
        const files = [...HOSTILE, { label: 'больше лимита', name: 'big.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(e.limit + 1 - PNG.length, 1)]), mustRefuse: true }];
        for (const f of files) {
          const res = await upload(e, f);
          cells.push(`${f.label}: ${res.statusCode}${process.env.UPLOAD_DEBUG && res.statusCode >= 400 ? ` ${res.json()?.error?.message}` : ''}`);
          const where = `${e.label} (${e.url}) × ${f.label}`;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && !russian(res)) failures.push(`${where}: ${res.statusCode} без русского сообщения ${res.body.slice(0, 160)}`);
          else if (res.statusCode < 300 && e.storesFiles && f.mustRefuse) failures.push(`${where}: принят (${res.statusCode})`);
          if (f.label === 'больше лимита' && res.statusCode !== 413) failures.push(`${where}: ${res.statusCode} вместо 413`);
        }
        matrix.push(`${e.label.padEnd(20)} ${cells.join(', ')}`);
      }
      console.log(`Матрица загрузок (${target})\n${matrix.join('\n')}`);
      expect(failures).toEqual([]);
      // What was stored: a type from the content, never markup; a bare name.
      for (const t of FILE_TABLES) {
        for (const f of await database.query<{ file_name: string; mime_type: string; size: number }>(`SELECT file_name, mime_type, size FROM ${t}`)) {
          expect(f.size, `${t}: ${f.file_name}`).toBeGreaterThan(0);
          expect(f.mime_type, `${t}: ${f.file_name}`).toMatch(/^(image\/(jpeg|png|gif|webp)|application\/(pdf|msword|vnd\.openxmlformats-officedocument\.[a-z.]+)|text\/plain)$/);
          expect(f.file_name, t).not.toMatch(/[\\/\u0000-\u001f\u007f\u202a-\u202e]|^\./);
        }
      }
      const [{ n }] = await database.query<{ n: string }>(`SELECT (SELECT count(*) FROM case_files) + (SELECT count(*) FROM measure_files) + (SELECT count(*) FROM engagement_files) AS n`);
      expect(Number(n)).toBeGreaterThanOrEqual(15); // the safe hostile files were stored on each file endpoint
    }, 300_000);

    it('serves every stored file as an attachment with a safe name, nosniff and a sandbox policy', async () => {
      const urls: string[] = [];
      for (const f of await database.query<{ id: string; case_id: string }>('SELECT id::text, case_id::text FROM case_files')) urls.push(`/api/cases/${f.case_id}/files/${f.id}`);
      for (const f of await database.query<{ id: string; measure_id: string }>('SELECT id::text, measure_id::text FROM measure_files')) urls.push(`/api/measures/${f.measure_id}/files/${f.id}`);
      const engagement = (await database.query<{ id: string }>('SELECT id::text FROM engagement_files')).map((f) => `/api/engagement/files/${f.id}`);
      expect(urls.length + engagement.length).toBeGreaterThanOrEqual(15);
      for (const [url, who] of [...urls.map((u) => [u, 'super'] as const), ...engagement.map((u) => [u, 'region'] as const)]) {
        const res = await app.inject({ method: 'GET', url, headers: headers.get(who)! });
        expect(res.statusCode, url).toBe(200);
        const disposition = String(res.headers['content-disposition']);
        expect(disposition, url).toMatch(/^attachment; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+$/);
        expect(decodeURIComponent(disposition.split("''")[1]), url).not.toMatch(/[\\/\u0000-\u001f]|^\./);
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(String(res.headers['content-security-policy']), url).toContain('sandbox');
        expect(String(res.headers['content-type']), url).not.toMatch(/html|svg|xml|javascript/);
      }
    }, 120_000);
  });
}
