import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { generateDemoCases } from '../server/seed/demo-cases/generate-demo-cases';
import { tenants } from '../server/db/schema';

/** Digits of a Russian-formatted number («1 234» with a thin space → 1234). */
const num = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

/**
 * «Обзор МЦУ», «Карта и аналитика» and «Регион» in the browser on generated cases: every figure
 * opens the register on exactly its cases; the region sees aggregates and no personal data.
 */
describe('browser: overview, heat map and region', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    product = await startProduct();
    const [t] = await product.database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'krasnoarmeysky'));
    await generateDemoCases(product.database, { tenantId: t.id, count: 1500, now: new Date(), seed: 11, history: false });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const as = async (login: string): Promise<Page> => {
    const page = await newPage(browser);
    page.setDefaultTimeout(90_000); // the machine is shared: generous waits, no timing asserted
    page.on('pageerror', (e) => errors.push(`${login}: ${e.message}`));
    await logIn(page, product.url, login);
    return page;
  };
  /** The register's «Найдено N» once the count has arrived. */
  const registerCount = async (page: Page) => {
    const found = page.getByText(/^Найдено \d/);
    await found.waitFor();
    // «Найдено 14 · показано 14»: the first number.
    return num(/^Найдено ([\d\s\u202F]+)/.exec((await found.textContent()) ?? '')?.[1] ?? null);
  };

  it('head: the overview shows the week, and «Поступило» opens the register with exactly that many cases', async () => {
    const page = await as('head');
    await page.waitForURL(/\/overview$/);
    const tile = page.getByTestId('tile-received');
    const link = tile.getByRole('link');
    await link.waitFor();
    const received = num(await link.textContent());
    expect(received).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'Обзор МЦУ' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Поступление по каналам и режимам').isVisible()).resolves.toBe(true);
    await link.click();
    await page.waitForURL(/\/cases\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await registerCount(page)).toBe(received);
  }, 240_000);

  it('block.zhkh: switches the measure and the period, clicks a cell and gets the register with those filters', async () => {
    const page = await as('block.zhkh');
    await page.waitForURL(/\/analytics/);
    await page.locator('a[data-cell]').first().waitFor();
    // The measure: overdue share (kept in the URL).
    await page.getByText('Доля просроченных', { exact: true }).first().click();
    await page.waitForURL(/measure=overdue_share/);
    // The period: the quarter preset of the period picker.
    await page.getByLabel('Период', { exact: true }).click();
    await page.getByRole('button', { name: 'Квартал' }).click();
    await page.waitForURL(/from=\d{4}-(01|04|07|10)-01/);
    const from = new URL(page.url()).searchParams.get('from')!;
    // The matrix of the new period (its line starts with the period's first day).
    await page.getByTestId('matrix-total').filter({ hasText: new RegExp(`^${from.slice(8)}\\.${from.slice(5, 7)}`) }).waitFor();
    await page.waitForLoadState('networkidle');
    const cell = page.locator('a[data-cell]').first();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    const count = Number(/обращений: (\d+)/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/\/cases\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe(from);
    expect(url.searchParams.get('topicId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(url.searchParams.get('settlementId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(url.searchParams.get('measure')).toBeNull();
    expect(await registerCount(page)).toBe(count);
  }, 240_000);

  it('region: municipalities with their figures, no personal data and no way into a register', async () => {
    const page = await as('region');
    await page.waitForURL(/\/region/);
    await page.getByRole('cell', { name: 'Красноармейский муниципальный район' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const text = (await page.locator('#main').textContent()) ?? '';
    expect(text).toContain('Рейтинг муниципалитетов');
    const people = await product.database.query<{ full_name: string; phone: string | null }>('SELECT full_name, phone FROM case_applicants WHERE full_name IS NOT NULL LIMIT 50');
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(text).not.toContain(p.full_name);
      if (p.phone) expect(text).not.toContain(p.phone);
    }
    expect(await page.locator('#main a[href^="/cases"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 240_000);
});
