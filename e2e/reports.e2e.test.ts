import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { pinnedClock } from '../server/test/http';
import { insertCase } from '../server/modules/analytics/analytics-fixture';
import { demoRefs, type DemoRefs } from '../server/modules/problems/problems-fixture';

/** The visible text of a DOCX (every <w:t>, paragraphs on their own lines). */
async function docxText(buf: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The documents that leave the building, made in the browser: the head of the МЦУ builds the note
 * for a week, writes the conclusions, issues it and downloads the DOCX; then exports the register,
 * filtered, to Excel. Both files are opened with real parsers and checked against the data.
 */
describe('browser: the weekly note and the register leave as DOCX and XLSX', () => {
  // Wednesday 25.11.2026, 11:00 in Саратов.
  const clock = pinnedClock('2026-11-25T07:00:00Z');
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;
  let d: DemoRefs;
  const errors: string[] = [];

  beforeAll(async () => {
    product = await startProduct(clock);
    browser = await launchBrowser();
    d = await demoRefs(product.database);
    // The week 16–22.11: 7 letters and 4 ПОС messages; the week before: 3.
    for (let i = 0; i < 7; i++) await insertCase(product.database, d.tenantId, { receivedAt: new Date(`2026-11-${16 + i}T1${i}:00:00+04:00`), channel: 'letter', regime: 'FZ59', topicId: d.topicId, settlementId: d.settlementId });
    for (let i = 0; i < 4; i++) await insertCase(product.database, d.tenantId, { receivedAt: new Date(`2026-11-${17 + i}T09:30:00+04:00`), channel: 'pos', topicId: d.otherTopicId, settlementId: d.otherSettlementId });
    for (let i = 0; i < 3; i++) await insertCase(product.database, d.tenantId, { receivedAt: new Date(`2026-11-${10 + i}T12:00:00+04:00`), channel: 'letter', regime: 'FZ59', topicId: d.topicId, settlementId: d.settlementId });
    page = await newPage(browser);
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, product.url, 'head');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('builds the note for a week, takes the edited conclusions, issues it and downloads a DOCX with the figures of the data', async () => {
    const [{ n, letters }] = await product.database.query<{ n: number; letters: number }>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE channel = 'letter'))::int AS letters FROM cases
       WHERE tenant_id = $1 AND received_at >= '2026-11-16T00:00:00+04:00' AND received_at < '2026-11-23T00:00:00+04:00'`,
      [d.tenantId],
    );
    expect(n).toBeGreaterThanOrEqual(11);

    await page.goto(`${product.url}/reports/notes`);
    await page.getByRole('button', { name: 'Сформировать записку' }).click();
    await page.getByLabel('Записка за период: с').fill('2026-11-16');
    await page.getByLabel('по', { exact: true }).fill('2026-11-22');
    await page.getByRole('dialog').getByRole('button', { name: 'Сформировать записку' }).click();
    await page.waitForURL(/\/reports\/notes\/[0-9a-f-]{36}$/);
    const preview = page.getByLabel('Предпросмотр записки');
    await preview.getByText('о работе с обращениями граждан за период с 16.11.2026 по 22.11.2026').waitFor();
    await preview.getByText(`За период поступило ${n} обращений`, { exact: false }).waitFor();

    const conclusions = 'Письменных обращений за неделю стало больше: проверить сроки ответов по ЖКХ.';
    await page.getByLabel('Выводы').fill(conclusions);
    await page.getByLabel('Рекомендации').fill('Провести выездной приём в поселении.');
    await page.getByRole('button', { name: 'Выпустить', exact: true }).click();
    await page.getByText('Версия 1', { exact: true }).waitFor();
    await preview.getByText(conclusions).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Скачать DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const text = await docxText(readFileSync((await download.path())!));
    expect(text).toContain('АНАЛИТИЧЕСКАЯ ЗАПИСКА');
    expect(text).toContain('о работе с обращениями граждан за период с 16.11.2026 по 22.11.2026');
    expect(text).toContain(`За период поступило ${n} обращений`);
    expect(text).toContain(conclusions);
    expect(text).toContain('Провести выездной приём в поселении.');
    expect(text).toContain(`Письменное обращение\n${letters}\n`); // the channel table: the letters of the week
    expect(errors).toEqual([]);
  });

  it('exports the filtered register to XLSX from the browser: Russian headers, the rows of the filter', async () => {
    const filter = 'channel=letter&from=2026-11-16&to=2026-11-22';
    await page.goto(`${product.url}/cases?${filter}`);
    const count = (await (await page.request.get(`${product.url}/api/cases/count?${filter}`)).json()) as { total: number };
    expect(count.total).toBeGreaterThanOrEqual(7);
    await page.getByRole('button', { name: 'Выгрузить' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cases').click()]);
    expect(download.suggestedFilename()).toMatch(/^Реестр обращений .*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Номер', 'Поступило', 'Режим', 'Канал']);
    expect(ws.rowCount - 1).toBe(count.total);
    const channels = new Set<unknown>();
    ws.eachRow((r, i) => i > 1 && channels.add(r.getCell(4).value));
    expect([...channels]).toEqual(['Письменное обращение']);
    const first = ws.getRow(ws.rowCount).getCell(2).value as Date; // the earliest, sorted by «Поступило» desc
    expect(first.toISOString() >= '2026-11-16T00:00:00.000Z').toBe(true);
    expect(errors).toEqual([]);
  });
});
