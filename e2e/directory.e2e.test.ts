import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';

describe('browser: an administrator edits a recipient', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('logs in, opens «Получатели», changes the e-mail of a settlement administration and sees it saved and audited', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, product.url, 'admin');
    await page.goto(`${product.url}/directory/recipients`);
    await page.getByRole('button', { name: /^Изменить: Администрация Каменского МО/ }).click();
    const email = page.getByLabel('Электронная почта');
    await email.fill('не адрес');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText(/неверный адрес электронной почты/i).count()).toBeGreaterThan(0);
    await email.fill('kamenskoe@krasnoarmeysk.example');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => {
      const rows = await product.database.query<{ email: string }>("SELECT email FROM recipients WHERE code = 'admin-kamenskoe'");
      return rows[0]?.email;
    }).toBe('kamenskoe@krasnoarmeysk.example');
    const audit = await product.database.query<{ action: string }>("SELECT a.action FROM audit_events a JOIN recipients r ON r.id::text = a.entity_id WHERE r.code = 'admin-kamenskoe'");
    expect(audit.map((a) => a.action)).toContain('update');
    await page.screenshot({ path: 'tmp/e2e-directory.png' });
    expect(errors).toEqual([]);
  });
});
