import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { signIn } from '../server/test/http';
import { importFile } from '../server/modules/intake/imports/import-test-kit';

/**
 * ≥ 100 XSS payloads go in through every intake path (manual registration, notes, the answer,
 * the public form, Open311, a spreadsheet import) and are rendered in Chromium in the register,
 * the card, the applicant's page and the public page. Any script execution fails the test: a
 * dialog, the window.__xss flag the payloads set, or a Content-Security-Policy violation.
 */
const PAYLOADS = readFileSync(new URL('./fixtures/xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('# '));

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

describe('browser: XSS payloads from every intake path never execute', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const hits: string[] = [];
  const pages: { who: string; path: string }[] = [];
  let manualId = '';
  let publicId = '';
  let publicToken = '';
  let open311Id = '';

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const { app } = product;
    const operator = await signIn(app, 'operator');
    const head = await signIn(app, 'head');
    const exec = await signIn(app, 'exec.kamenskoe');
    const admin = await signIn(app, 'admin');
    const ok = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const [kam] = await product.database.query<{ id: string }>(`SELECT id FROM recipients WHERE code = 'admin-kamenskoe'`);
    const answerAndApprove = async (id: string) => {
      ok(await head.send('POST', `/api/cases/${id}/assign`, { recipientId: kam.id }), 'assign');
      ok(await exec.send('POST', `/api/cases/${id}/accept`, {}), 'accept');
      ok(await exec.send('POST', `/api/cases/${id}/submit`, { text: `Ответ: ${PAYLOADS.join('\n')}` }), 'answer');
      ok(await head.send('POST', `/api/cases/${id}/approve`, {}), 'approve');
    };

    // 1. Manual registration: the text, the address, the applicant; then notes and the answer.
    const created = ok(
      await operator.send('POST', '/api/cases', {
        regime: 'FZ59', channel: 'reception', receivedAt: new Date().toISOString(), text: PAYLOADS.join('\n'), address: PAYLOADS[0].slice(0, 500),
        applicant: { fullName: PAYLOADS[1], postalAddress: PAYLOADS[2], email: 'xss@example.ru' },
      }),
      'register',
    ).json() as { id: string };
    manualId = created.id;
    for (const part of chunks(PAYLOADS, 25)) ok(await head.send('POST', `/api/cases/${manualId}/notes`, { text: part.join('\n') }), 'note');
    await answerAndApprove(manualId);

    // 2. The public form (a resident without login).
    const c = (await app.inject({ method: 'GET', url: '/api/public/challenge' })).json() as { token: string; question: string };
    const m = /(\d+) ([+−×]) (\d+)/.exec(c.question)!;
    const answer = m[2] === '+' ? Number(m[1]) + Number(m[3]) : m[2] === '−' ? Number(m[1]) - Number(m[3]) : Number(m[1]) * Number(m[3]);
    const boundary = '----xss' + Date.now();
    const fields = { text: PAYLOADS.join('\n'), address: PAYLOADS[3].slice(0, 300), name: PAYLOADS[4].slice(0, 300), email: 'xss@example.ru', consent: 'true', challengeToken: c.token, challengeAnswer: String(answer) };
    const body = Buffer.from(Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`);
    const pub = ok(await app.inject({ method: 'POST', url: '/api/public/messages', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body }), 'public').json() as { token: string };
    publicToken = pub.token;
    [{ id: publicId }] = await product.database.query<{ id: string }>(`SELECT id FROM cases WHERE channel = 'web' ORDER BY created_at DESC LIMIT 1`);
    const status = (await product.database.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [publicId]))[0].status;
    if (status === 'received') ok(await head.send('POST', `/api/cases/${publicId}/register`, {}), 'register public');
    await answerAndApprove(publicId);

    // 3. Open311 with an API key.
    const key = (ok(await admin.send('POST', '/api/api-keys', { name: '<img src=x onerror=window.__xss=1>' }), 'key').json() as { key: string }).key;
    const services = (await app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json() as { service_code: string }[];
    const form = new URLSearchParams({ api_key: key, service_code: services[0].service_code, lat: '51.02', long: '45.7', address_string: PAYLOADS[5], description: PAYLOADS.join('\n'), first_name: PAYLOADS[6].slice(0, 100), email: 'xss@example.ru' });
    ok(await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() }), 'open311');
    [{ id: open311Id }] = await product.database.query<{ id: string }>(`SELECT id FROM cases WHERE channel = 'open311' ORDER BY created_at DESC LIMIT 1`);

    // 4. A spreadsheet import: one row per payload (text, author, street).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['ID', 'Дата создания', 'Группа тем', 'Тема', 'Текст инцидента', 'Населенный пункт', 'Улица', 'Урл поста', 'Автор']);
    PAYLOADS.forEach((p, i) => ws.addRow([90000000 + i, new Date(), 'Дороги', 'Ямы и выбоины на дорогах', p, 'Каменский', p, 'https://vk.com/wall-1_1', p]));
    const incident = await signIn(app, 'incident');
    const { done } = await importFile(app, incident, 'xss.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    if (done.status !== 'done') throw new Error(`import: ${JSON.stringify(done).slice(0, 300)}`);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function watch(page: Page, who: string): Promise<Page> {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      // Every violation counts: the app's own bundle makes none (zod runs jitless, see e2e/csp.e2e.test.ts).
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile} ${e.sample}`);
      });
    });
    page.on('dialog', async (d) => {
      hits.push(`${who} ${page.url()}: диалог ${d.type()} «${d.message()}»`);
      await d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|evaluate|load|apply)/i.test(m.text())) hits.push(`${who} ${page.url()}: консоль: ${m.text().slice(0, 200)}`);
    });
    return page;
  }
  async function visit(page: Page, who: string, path: string, ready: () => Promise<unknown>) {
    await page.goto(`${product.url}${path}`);
    await ready();
    // Hover and focus what the payloads target, then give timers and image errors a moment.
    await page.mouse.move(300, 300);
    await page.mouse.move(700, 500);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __csp: string[] };
      return { xss: w.__xss, csp: w.__csp };
    });
    if (state.xss !== undefined) hits.push(`${who} ${path}: window.__xss = ${String(state.xss)}`);
    for (const v of state.csp) hits.push(`${who} ${path}: CSP ${v}`);
    pages.push({ who, path });
  }

  it(`renders ${PAYLOADS.length} payloads in the register, the cards, the applicant page and the public page without running any`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const head = await watch(await newPage(browser), 'head');
    await logIn(head, product.url, 'head');
    await visit(head, 'head', '/cases', () => head.getByText('window.__xss=1').first().waitFor());
    await visit(head, 'head', `/cases?q=${encodeURIComponent('window.__xss')}`, () => head.getByText('window.__xss=1').first().waitFor());
    for (const id of [manualId, publicId, open311Id]) {
      await visit(head, 'head', `/cases/${id}`, () => head.getByText(PAYLOADS[0]).first().waitFor());
    }
    // The applicant's personal data, revealed on the card (logged read).
    const reveal = head.getByRole('button', { name: /Показать|персональн/i }).first();
    if (await reveal.count()) {
      await reveal.click();
      await head.getByText(PAYLOADS[1]).first().waitFor();
      await visit(head, 'head', `/cases/${manualId}`, () => head.getByText(PAYLOADS[0]).first().waitFor());
    }
    const exec = await watch(await newPage(browser), 'exec.kamenskoe');
    await logIn(exec, product.url, 'exec.kamenskoe');
    await visit(exec, 'exec.kamenskoe', '/inbox', () => exec.getByRole('main').first().waitFor());
    await visit(exec, 'exec.kamenskoe', `/cases/${manualId}`, () => exec.getByText(PAYLOADS[0]).first().waitFor());
    const resident = await watch(await newPage(browser), 'житель');
    await visit(resident, 'житель', `/p/${publicToken}`, () => resident.getByText(PAYLOADS[0]).first().waitFor());
    await visit(resident, 'житель', '/public', () => resident.locator('#root, body').first().waitFor());
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(hits).toEqual([]);
  }, 600_000);
});
