import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { Resvg } from '@resvg/resvg-js';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { generateDemoCases } from '../server/seed/demo-cases/generate-demo-cases';
import { tenants } from '../server/db/schema';

const TILES = 'https://tile.openstreetmap.org/';
/** A stand-in tile (the test never reaches the network): a pale square with a thin grid. */
const TILE_PNG = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#f2efe9"/><path d="M0 0H256V256" fill="none" stroke="#d9d3c7" stroke-width="2"/><path d="M0 128H256M128 0V256" stroke="#e6e0d4"/></svg>',
).render().asPng();

/**
 * «Подложка OpenStreetMap» on the heat map tab: off by default and then nothing goes to the tile
 * server (not even the Leaflet chunk); on, tiles are requested (served locally here) under the same
 * clickable settlements; remembered by the browser; switched off with a hint when offline.
 */
describe('browser: the optional OpenStreetMap base map', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct();
    const [t] = await product.database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'krasnoarmeysky'));
    await generateDemoCases(product.database, { tenantId: t.id, count: 600, now: new Date(), seed: 5, history: false });
    // The shipped data has the district's boundary only: give each settlement a box around its localities.
    await product.database.query(
      `UPDATE settlements s SET boundary = jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
           jsonb_build_array(b.w, b.s), jsonb_build_array(b.e, b.s), jsonb_build_array(b.e, b.n), jsonb_build_array(b.w, b.n), jsonb_build_array(b.w, b.s))))
       FROM (SELECT settlement_id, min(lon) - 0.01 AS w, max(lon) + 0.01 AS e, min(lat) - 0.01 AS s, max(lat) + 0.01 AS n
             FROM localities WHERE lat IS NOT NULL AND tenant_id = $1 GROUP BY 1) b
       WHERE s.id = b.settlement_id`,
      [t.id],
    );
    browser = await launchBrowser();
    mkdirSync('tmp/shots', { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('off by default with no tile request; on: tiles under clickable settlements; offline: off with a hint', async () => {
    const page: Page = await newPage(browser);
    page.setDefaultTimeout(90_000); // the machine is shared: generous waits, no timing asserted
    const context: BrowserContext = page.context();
    const tiles: string[] = [];
    const scripts: string[] = [];
    const problems: string[] = [];
    context.on('request', (r) => {
      if (r.url().startsWith(TILES)) tiles.push(r.url());
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await context.route(`${TILES}**`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG }));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()) && !/unsafe-eval/.test(m.text())) problems.push(m.text());
    });
    await logIn(page, product.url, 'head');
    // A year of cases, so that the grid has cells to show.
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const analytics = `${product.url}/analytics?from=${yearAgo}&to=${today}`;
    await page.goto(analytics);

    // Off (the default): the echarts map from the district's own GeoJSON, nothing from OSM.
    const basemap = page.getByRole('switch', { name: 'Подложка OpenStreetMap' });
    const echartsMap = page.getByRole('img', { name: /^Карта района/ });
    await echartsMap.locator('svg path').nth(5).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await basemap.isChecked()).toBe(false);
    expect(await basemap.isEnabled()).toBe(true);
    expect(await page.getByText('Карта строится по границам района, без подложки', { exact: false }).isVisible()).toBe(true);
    await page.screenshot({ path: 'tmp/shots/basemap-off.png' });
    expect(tiles).toEqual([]);
    expect(scripts.filter((u) => /OsmMap|leaflet/i.test(u))).toEqual([]);

    // On: Leaflet with OSM tiles, the same coloured settlements and case points.
    await basemap.click();
    const osm = page.getByTestId('osm-map');
    await osm.locator('path[data-settlement]').first().waitFor();
    await osm.locator('img.leaflet-tile-loaded').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await basemap.isChecked()).toBe(true);
    expect(await echartsMap.count()).toBe(0);
    expect(tiles.length).toBeGreaterThan(0);
    for (const u of tiles) expect(u).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/);
    const drawn = await osm.locator('path[data-settlement]').count();
    const known = await product.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM settlements s JOIN tenants t ON t.id = s.tenant_id WHERE t.code = 'krasnoarmeysky' AND s.code IS NOT NULL AND s.boundary IS NOT NULL`,
    );
    expect(known[0].n).toBeGreaterThan(0);
    expect(drawn).toBe(known[0].n);
    expect(await osm.locator('path.mcu-grid-point').count()).toBeGreaterThan(0);
    expect(await osm.locator('.leaflet-control-attribution').textContent()).toContain('© участники OpenStreetMap');
    expect(await page.evaluate(() => localStorage.getItem('mcu.analytics.osmBasemap'))).toBe('1');
    await page.screenshot({ path: 'tmp/shots/basemap-on.png' });

    // Remembered by the browser: a new visit opens with tiles.
    await page.reload();
    await osm.locator('path[data-settlement]').first().waitFor();
    expect(await basemap.isChecked()).toBe(true);

    // A settlement click opens the register filtered to it (points hidden so nothing covers it).
    await page.getByText('Без точек', { exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="osm-map"] path.mcu-grid-point').length === 0);
    const target = await page.evaluate(() => {
      for (const p of document.querySelectorAll<SVGPathElement>('[data-testid="osm-map"] path[data-settlement]')) {
        const r = p.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        if (document.elementFromPoint(x, y) === p) return { code: p.getAttribute('data-settlement')!, x, y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.waitForURL(/\/cases\?/);
    const [s] = await product.database.query<{ id: string }>(
      `SELECT s.id FROM settlements s JOIN tenants t ON t.id = s.tenant_id WHERE t.code = 'krasnoarmeysky' AND s.code = $1`,
      [target!.code],
    );
    expect(new URL(page.url()).searchParams.get('settlementId')).toBe(s.id);

    // Offline: the option switches itself off, says why, and the map is drawn without tiles.
    await page.goto(analytics);
    await osm.locator('path[data-settlement]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const before = tiles.length;
    await context.setOffline(true);
    await page.getByText('Нет подключения к интернету — подложка недоступна').waitFor();
    expect(await basemap.isChecked()).toBe(false);
    expect(await basemap.isDisabled()).toBe(true);
    expect(await osm.count()).toBe(0);
    await echartsMap.locator('svg path').first().waitFor();
    await page.screenshot({ path: 'tmp/shots/basemap-offline.png' });
    expect(tiles.length).toBe(before);
    await context.setOffline(false);
    expect(problems).toEqual([]);
  }, 300_000);

  it('the shared filter selects (CaseFilterSelects) write the URL on the register and on the heat map', async () => {
    const page: Page = await newPage(browser);
    page.setDefaultTimeout(90_000);
    await logIn(page, product.url, 'head');
    for (const path of ['/cases', '/analytics']) {
      await page.goto(`${product.url}${path}`);
      await page.getByRole('combobox', { name: 'Режим', exact: true }).click();
      await page.getByRole('option', { name: 'Сообщение' }).click();
      await page.waitForURL(/regime=MESSAGE/);
      await page.getByRole('combobox', { name: 'Тематика', exact: true }).click();
      await page.getByRole('option', { name: /: весь блок$/ }).first().click();
      await page.waitForURL(/blockId=[0-9a-f-]{36}/);
      expect(new URL(page.url()).searchParams.get('regime')).toBe('MESSAGE');
    }
  }, 300_000);
});
