import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { buildApp } from '../server/app';
import { loadEnv } from '../server/env';
import { freshDatabase } from '../server/test/databases';
import { WEB_DIST } from '../server/http/web-plugin';
import type { Database } from '../server/db/client';
import { DEMO_PASSWORD } from '../server/seed/demo-users';

export const CHROMIUM = '/usr/bin/chromium';

/** The product on a fresh demo database (PGlite), serving the built web app on a free port. */
export async function startProduct(clock: () => Date = () => new Date()): Promise<{ app: FastifyInstance; url: string; database: Database; stop: () => Promise<void> }> {
  if (!existsSync(WEB_DIST)) throw new Error('Нет сборки интерфейса: выполните npm run build:web (npm test делает это сам)');
  const { database, dispose } = await freshDatabase('pglite', { demo: true });
  const app = await buildApp({ database, env: loadEnv({ DEMO: '0' }), clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, url, database, stop: async () => { await app.close(); await dispose(); } };
}

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Saratov' });
  const page = await context.newPage();
  return page;
}

export async function logIn(page: Page, url: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
