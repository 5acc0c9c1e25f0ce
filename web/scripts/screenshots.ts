/**
 * Visual check of the web app (not a test): logs in and saves screenshots at 1366×768 under
 * /tmp/shots (or SHOTS_DIR). Needs the server running with the built app:
 *   npm run build:web && DATA_DIR=/tmp/webdev PORT=3000 npx tsx server/main.ts
 *   npx tsx web/scripts/screenshots.ts
 * SHOTS_ONLY=cases (or directory) takes one part. The cases part (screenshots-cases.ts) makes its
 * own cases through the API, also at 1920×1080.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { casesShots } from './screenshots-cases';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const OUT = process.env.SHOTS_DIR ?? '/tmp/shots';
const LOGIN = process.env.SHOTS_LOGIN ?? 'admin';
const PASSWORD = process.env.SHOTS_PASSWORD ?? 'mcu-demo-2026';
const ONLY = process.env.SHOTS_ONLY;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  const overflow = await page.evaluate(() => {
    const main = document.getElementById('main');
    return document.documentElement.scrollWidth > window.innerWidth || (main !== null && main.scrollWidth > main.clientWidth + 1);
  });
  process.stdout.write(`${name}.png${overflow ? '  (!) horizontal scroll' : ''}\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Saratov' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The wrong-password step answers 401 on purpose; anything else in the console is worth a look.
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));

  if (ONLY !== 'cases') await directoryShots(page);
  if (ONLY !== 'directory') await casesShots(browser, BASE, PASSWORD, shot);

  await browser.close();
  if (errors.length) process.stdout.write(`Ошибки в консоли браузера:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
}

async function directoryShots(page: Page): Promise<void> {
  await page.goto(`${BASE}/login`);
  await page.getByRole('button', { name: 'Войти' }).waitFor();
  await shot(page, '01-login');

  await page.getByRole('button', { name: 'Войти' }).click();
  await shot(page, '02-login-empty-errors');
  await page.getByLabel('Логин').fill(LOGIN);
  await page.getByLabel('Пароль', { exact: true }).fill('wrong-password');
  await page.getByLabel('Пароль', { exact: true }).press('Enter');
  await page.getByRole('alert').waitFor();
  await shot(page, '03-login-wrong-password');
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Пароль', { exact: true }).press('Enter');
  await page.waitForURL(/\/directory\//);
  await page.getByRole('table', { name: 'Поселения' }).waitFor();
  await shot(page, '04-directory-territory-settlements');

  await page.locator('label', { hasText: 'Населённые пункты' }).click();
  await page.getByRole('table', { name: 'Населённые пункты' }).waitFor();
  await shot(page, '05-directory-territory-localities');

  await page.getByRole('button', { name: 'Загрузить файл' }).click();
  await page.getByRole('dialog').waitFor();
  await shot(page, '06-territory-import');
  await page.getByRole('button', { name: 'Отмена' }).click();

  await page.getByRole('tab', { name: 'Получатели' }).click();
  await page.getByRole('table', { name: 'Получатели' }).waitFor();
  await shot(page, '07-directory-recipients');
  await page.getByRole('button', { name: /^Изменить: Администрация Каменского/ }).click();
  await page.getByRole('dialog').waitFor();
  await shot(page, '08-recipient-drawer');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Рубрикатор' }).click();
  await page.getByRole('table', { name: 'Тематики и подтематики' }).waitFor();
  await shot(page, '09-directory-topics');
  await page.locator('label', { hasText: 'Отраслевые блоки' }).click();
  await page.getByRole('table', { name: 'Отраслевые блоки' }).waitFor();
  await shot(page, '09b-directory-topic-blocks');
  await page.getByRole('button', { name: /^Изменить: ЖКХ/ }).click();
  await page.getByRole('dialog').waitFor();
  await shot(page, '09c-block-drawer');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Территория' }).click();
  await page.getByRole('table', { name: 'Поселения' }).waitFor();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await drawer.waitFor();
  await drawer.getByLabel('ОКТМО').fill('123');
  await drawer.getByRole('textbox', { name: 'Код', exact: true }).fill('Неверный код');
  await drawer.getByLabel('ОКТМО').press('Enter');
  await drawer.getByText('8 или 11 цифр', { exact: true }).first().waitFor();
  await shot(page, '10-settlement-drawer-validation');
  await page.keyboard.press('Escape');

  await page.goto(`${BASE}/overview`);
  await page.getByRole('heading', { name: 'Обзор' }).waitFor();
  await shot(page, '11-shell-placeholder');
  await page.getByRole('button', { name: 'Свернуть меню' }).click();
  await shot(page, '12-shell-collapsed');
  await page.getByRole('button', { name: 'Развернуть меню' }).click();

  await page.goto(`${BASE}/admin/users`);
  await page.getByRole('table', { name: 'Пользователи' }).waitFor();
  await shot(page, '13-admin-users');
  await page.getByRole('button', { name: 'Добавить пользователя' }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await shot(page, '14-user-drawer-validation');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Роли' }).click();
  await page.getByRole('table', { name: 'Роли' }).waitFor();
  await shot(page, '15-admin-roles');
  await page.getByRole('button', { name: 'Изменить: Руководитель МЦУ' }).click();
  await page.getByRole('dialog').waitFor();
  await shot(page, '16-role-drawer');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Журнал изменений' }).click();
  await page.getByRole('table', { name: 'Журнал изменений' }).waitFor();
  await shot(page, '17-admin-audit');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
