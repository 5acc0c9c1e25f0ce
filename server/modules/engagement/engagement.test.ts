import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import { multipart } from '../../test/multipart';
import type { Database } from '../../db/client';
import { remindTasks } from './remind-tasks';

/** A multipart body with text fields and files, for app.inject(). */
function form(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const boundary = '----eng' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) };
}

const CSV = [
  'Выгрузка статистики сообществ за март',
  'Страница;Период;Публикации;Охват;Вовлечённость;Комментарии;Отвечено;Последняя публикация',
  'https://vk.com/krasnoarmeysk_adm;2026-03;24;15200;830;40;38;30.03.2026',
  'ok.ru/group/7001;03.2026;12;3100;120;9;9;',
  'https://vk.com/unknown_page;2026-03;5;100;10;1;1;',
  'https://vk.com/krasnoarmeysk_adm;2026-02;много;100;10;1;1;',
  'ok.ru/group/7001;тринадцатый;1;1;1;1;1;',
  'https://vk.com/krasnoarmeysk_adm;2026-03;1;1;1;1;1;',
  'ok.ru/group/7001;2026-01;3;10;1;5;7;',
].join('\n');

for (const target of targets()) {
  describe(`engagement API (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let ids: { regionId: string; municipalityId: string };
    const clock = pinnedClock('2026-04-10T09:00:00Z');

    beforeAll(async () => {
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      app = await testApp(database, clock);
    });
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    async function addPages(head: Awaited<ReturnType<typeof signIn>>) {
      const [owner] = await database.query<{ id: string }>("SELECT id FROM recipients WHERE code = 'krasnoarmeysky-admin'");
      const vk = await head.send('POST', '/api/engagement/pages', { network: 'vk', url: 'https://www.vk.com/krasnoarmeysk_adm/', name: 'Администрация района ВК', ownerRecipientId: owner.id, confirmed: true, widget: true });
      expect(vk.statusCode, vk.body).toBe(200);
      expect(vk.json().url).toBe('https://vk.com/krasnoarmeysk_adm');
      const ok = await head.send('POST', '/api/engagement/pages', { network: 'ok', url: 'ok.ru/group/7001', name: 'Администрация района ОК', ownerRecipientId: owner.id });
      expect(ok.statusCode, ok.body).toBe(200);
      const wrong = await head.send('POST', '/api/engagement/pages', { network: 'vk', url: 'https://ok.ru/group/1', name: 'x', ownerRecipientId: owner.id });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toMatch(/не адрес в сети «ВКонтакте»/);
    }

    it('imports activity: bad rows reported with row number and reason, nothing lost, re-import idempotent', async () => {
      const head = await signIn(app, 'head');
      await addPages(head);
      const upload = (name: string, data: Buffer) => {
        const body = multipart(name, data);
        return app.inject({ method: 'POST', url: '/api/engagement/activity/import', headers: { ...head.headers, 'content-type': body.type }, payload: body.data });
      };
      const first = await upload('март.csv', Buffer.from(CSV, 'utf8'));
      expect(first.statusCode, first.body).toBe(200);
      const r = first.json();
      expect(r.rows).toBe(7);
      expect(r.inserted).toBe(2);
      expect(r.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
        [5, expect.stringMatching(/«https:\/\/vk.com\/unknown_page» нет в реестре госпабликов/)],
        [6, 'Публикации: «много» — ожидается число'],
        [7, expect.stringMatching(/^Период: «тринадцатый» — ожидается месяц/)],
        [8, 'Страница и период повторяют строку 3: оставлена первая'],
        [9, 'Отвечено на комментарии: не больше, чем комментариев'],
      ]);
      expect(r.inserted + r.updated + r.errors.length).toBe(r.rows);
      expect(r.errors[0].values[0]).toBe('https://vk.com/unknown_page');

      const again = (await upload('март.csv', Buffer.from(CSV, 'utf8'))).json();
      expect([again.inserted, again.updated, again.errors.length]).toEqual([0, 2, 5]);
      const stored = await database.query<{ n: string }>('SELECT count(*) AS n FROM engagement_page_activity');
      expect(Number(stored[0].n)).toBe(2);

      // The same rules for XLSX: a date cell as the period, a text in a number column.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Статистика');
      ws.addRow(['Страница', 'Месяц', 'Посты', 'Охват', 'Реакции', 'Комментарии', 'Ответы на комментарии']);
      ws.addRow(['https://vk.com/krasnoarmeysk_adm', new Date(Date.UTC(2026, 3, 1)), 10, 500, 50, 4, 4]);
      ws.addRow(['https://vk.com/krasnoarmeysk_adm', new Date(Date.UTC(2026, 2, 1)), 24, 15200, 830, 40, 38]);
      ws.addRow(['Администрация района ОК', '2026-04', 'н/д', 1, 1, 1, 1]);
      const x = (await upload('апрель.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
      expect([x.rows, x.inserted, x.updated]).toEqual([3, 1, 1]);
      expect(x.errors).toEqual([{ row: 4, message: 'Публикации: «н/д» — ожидается число', values: expect.any(Array) }]);

      const pages = (await head.get('/api/engagement/pages')).json();
      const vk = pages.items.find((p: { network: string }) => p.network === 'vk');
      expect(vk.latest.period).toBe('2026-04');
      expect(vk.lastPostOn).toBe('2026-04-30');
      const ok = pages.items.find((p: { network: string }) => p.network === 'ok');
      expect(ok.gaps).toEqual(['not_confirmed', 'no_widget', 'silent']);
      expect(pages.missing.some((m: { name: string; networks: string[] }) => m.name.startsWith('Администрация Каменского') && m.networks.join() === 'vk,ok')).toBe(true);

      const broken = await upload('пусто.csv', Buffer.from('Страница;Период\nx;2026-01\n'));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.message).toMatch(/В файле нет столбцов: «Публикации»/);
    });

    it('marks an institution «страница не требуется» with a reason: it leaves the gaps until the mark is taken back', async () => {
      const head = await signIn(app, 'head');
      const before = (await head.get('/api/engagement/pages')).json();
      const kam = before.missing.find((m: { name: string }) => m.name.startsWith('Администрация Каменского'));
      expect(kam).toBeDefined();
      const noReason = await head.send('POST', '/api/engagement/page-exemptions', { recipientId: kam.recipientId, reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields.reason).toMatch(/^Причина: /);
      const operator = await signIn(app, 'operator');
      expect((await operator.send('POST', '/api/engagement/page-exemptions', { recipientId: kam.recipientId, reason: 'Новости на странице района' })).statusCode).toBe(403);
      const ok = await head.send('POST', '/api/engagement/page-exemptions', { recipientId: kam.recipientId, reason: 'Новости на странице района' });
      expect(ok.statusCode, ok.body).toBe(200);
      const twice = await head.send('POST', '/api/engagement/page-exemptions', { recipientId: kam.recipientId, reason: 'Ещё раз' });
      expect(twice.statusCode).toBe(409);
      const after = (await head.get('/api/engagement/pages')).json();
      expect(after.missing.some((m: { recipientId: string }) => m.recipientId === kam.recipientId)).toBe(false);
      expect(after.summary.withoutPage).toBe(before.summary.withoutPage - 1);
      expect(after.exempted).toEqual([expect.objectContaining({ recipientId: kam.recipientId, reason: 'Новости на странице района', by: expect.any(String) })]);
      const [audit] = await database.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE entity = 'engagement_page_exemption'");
      expect(Number(audit.n)).toBe(1);
      expect((await head.send('DELETE', `/api/engagement/page-exemptions/${ok.json().id}`)).statusCode).toBe(200);
      const restored = (await head.get('/api/engagement/pages')).json();
      expect(restored.summary.withoutPage).toBe(before.summary.withoutPage);
      expect(restored.exempted).toEqual([]);
    });

    it('keeps tasks of the ЦУР apart between municipalities; report with a file, accepted by the region', async () => {
      const [other] = await database.query<{ id: string }>(
        "INSERT INTO tenants (code, kind, parent_id, name, time_zone) VALUES ('other-mo', 'municipality', $1, 'Другой район', 'Europe/Saratov') RETURNING id",
        [ids.regionId],
      );
      const [u] = await database.query<{ id: string }>(
        "INSERT INTO users (tenant_id, login, full_name, password_hash) SELECT $1, 'head.other', 'Руководитель другого МЦУ', password_hash FROM users WHERE login = 'head' RETURNING id",
        [other.id],
      );
      await database.query("INSERT INTO user_roles (user_id, role_code, tenant_id) VALUES ($1, 'head', $2)", [u.id, other.id]);

      const region = await signIn(app, 'region');
      const head = await signIn(app, 'head');
      const otherHead = await signIn(app, 'head.other');
      const refused = await head.send('POST', '/api/engagement/tasks', { kind: 'materials', title: 'x', dueOn: '2026-04-20' });
      expect(refused.statusCode).toBe(403);
      const created = await region.send('POST', '/api/engagement/tasks', { kind: 'info_project', title: 'Отработать проект «Чистая вода»', dueOn: '2026-04-11', municipalityIds: [ids.municipalityId] });
      expect(created.statusCode, created.body).toBe(200);

      expect((await otherHead.get('/api/engagement/tasks')).json().items).toEqual([]);
      const mine = (await head.get('/api/engagement/tasks')).json();
      expect(mine.view).toBe('municipality');
      expect(mine.items).toHaveLength(1);
      const aid = mine.items[0].id;
      expect((await otherHead.send('POST', `/api/engagement/assignments/${aid}/accept`)).statusCode).toBe(404);

      expect(await remindTasks(database, clock())).toBe(1);
      expect(await remindTasks(database, clock())).toBe(0);
      const reminders = await database.query<{ text: string }>("SELECT n.text FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.login = 'head' AND n.kind LIKE 'engagement-remind:%'");
      expect(reminders[0].text).toMatch(/Срок задания ЦУР «Отработать проект «Чистая вода»» — 11.04.2026/);

      expect((await head.send('POST', `/api/engagement/assignments/${aid}/accept`)).json().status).toBe('accepted');
      const body = form({ text: 'Проект отработан: 12 публикаций, охват 8 400' }, [{ name: 'отчёт.pdf', data: Buffer.from('%PDF-1.4\n%test\n') }]);
      const sent = await app.inject({ method: 'POST', url: `/api/engagement/assignments/${aid}/report`, headers: { ...head.headers, 'content-type': body.type }, payload: body.data });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json().status).toBe('reported');

      const table = (await region.get('/api/engagement/tasks')).json();
      expect(table.view).toBe('region');
      const a = table.items[0].assignments[0];
      expect([a.status, a.municipality, a.files[0].fileName, a.files[0].mimeType]).toEqual(['reported', expect.stringContaining('Красноармейск'), 'отчёт.pdf', 'application/pdf']);
      expect((await otherHead.get(`/api/engagement/files/${a.files[0].id}`)).statusCode).toBe(404);
      const file = await region.get(`/api/engagement/files/${a.files[0].id}`);
      expect([file.statusCode, file.headers['content-disposition']]).toEqual([200, expect.stringMatching(/^attachment/)]);

      expect((await region.send('POST', `/api/engagement/assignments/${aid}/decision`, { decision: 'return' })).statusCode).toBe(400);
      const done = await region.send('POST', `/api/engagement/assignments/${aid}/decision`, { decision: 'accept' });
      expect(done.json().status).toBe('done');
      expect((await region.send('POST', `/api/engagement/assignments/${aid}/decision`, { decision: 'accept' })).statusCode).toBe(409);

      const rec = form({ title: 'Рекомендации по ведению госпабликов', issuedOn: '2026-04-01', municipalityId: other.id }, []);
      const saved = await app.inject({ method: 'POST', url: '/api/engagement/recommendations', headers: { ...region.headers, 'content-type': rec.type }, payload: rec.data });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await head.get('/api/engagement/recommendations')).json().items).toEqual([]);
      expect((await otherHead.get('/api/engagement/recommendations')).json().items).toHaveLength(1);
    });

    it('publishes a notice for residents of two settlements: public only while valid and published', async () => {
      const head = await signIn(app, 'head');
      const s = await database.query<{ id: string }>('SELECT id FROM settlements WHERE tenant_id = $1 ORDER BY name LIMIT 2', [ids.municipalityId]);
      const created = await head.send('POST', '/api/engagement/notices', {
        title: 'Отключение воды 12 апреля',
        audience: 'Жители частного сектора',
        settlementIds: s.map((x) => x.id),
        postText: 'Уважаемые жители! 12 апреля с 9:00 до 17:00 не будет холодной воды.',
        publicText: '12 апреля с 9:00 до 17:00 отключение холодной воды (ремонт водовода).',
        smsText: '12.04 с 9 до 17 нет воды. Администрация',
        publishAt: '2026-04-10T00:00:00Z',
        validUntil: '2026-04-12T15:00:00Z',
      });
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().id;
      const tenantCode = (await database.query<{ code: string }>('SELECT code FROM tenants WHERE id = $1', [ids.municipalityId]))[0].code;
      const pub = () => app.inject({ method: 'GET', url: `/api/public/notices?tenant=${tenantCode}` }).then((r) => r.json());
      expect((await pub()).items).toEqual([]);
      expect((await head.send('POST', `/api/engagement/notices/${id}/publications`, { channel: 'page_post', link: 'https://vk.com/wall-1_2' })).statusCode).toBe(200);
      expect((await pub()).items).toEqual([]);
      expect((await head.send('POST', `/api/engagement/notices/${id}/publications`, { channel: 'public_page' })).statusCode).toBe(200);
      const shown = await pub();
      expect(shown.items).toHaveLength(1);
      expect(shown.items[0].settlements).toHaveLength(2);
      expect(Object.keys(shown.items[0]).sort()).toEqual(['id', 'publishAt', 'settlementIds', 'settlements', 'text', 'title', 'validUntil']);
      clock.set('2026-04-12T16:00:00Z');
      expect((await pub()).items).toEqual([]);
      clock.set('2026-04-10T09:00:00Z');
    });
  });
}
