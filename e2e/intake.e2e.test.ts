import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { launchBrowser, logIn, newPage, startProduct } from './browser';

/** A hand-made export: unusual headers (the mapping is chosen by hand) and one row with an impossible date. */
async function exportXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Выгрузка');
  ws.addRow(['Рег. номер', 'Поступило', 'Что случилось', 'Где']);
  ws.addRow(['E2E-1', '10.02.2026 09:00', 'Яма у школы на улице Мира, не проехать', 'рп Каменский, ул. Мира, 3']);
  ws.addRow(['E2E-2', '11.02.2026 10:30', 'Не горят фонари во дворе дома 5 по улице Ленина', 'г. Красноармейск, ул. Ленина, 5']);
  ws.addRow(['E2E-3', '31.02.2026', 'Третий день не вывозят мусор с контейнерной площадки', 'с. Сплавнуха']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('browser: a spreadsheet import from upload to the register', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  }, 600_000);

  it('uploads an XLSX, maps the columns, watches the progress, fixes the quarantined row and finds the cases', async () => {
    const [channel] = await product.database.query<{ name: string }>("SELECT name FROM channels WHERE code = 'email' LIMIT 1");
    const page = await newPage(browser);
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, product.url, 'pos');
    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByText('Перетащите файл выгрузки сюда или выберите его').waitFor();

    // Upload → preview with the detected header.
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: 'выгрузка.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await exportXlsx() });
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'выгрузка.xlsx' }).waitFor();
    const preview = page.getByRole('table', { name: 'Первые строки файла с найденным заголовком' });
    await preview.getByRole('columnheader', { name: 'Рег. номер' }).waitFor();
    await preview.getByRole('cell', { name: 'E2E-2' }).waitFor();

    // The required fields the preset could not find are named in Russian; «Начать» waits for them.
    await page.getByText('Не хватает обязательных полей:').waitFor();
    await page.getByText('«Номер в источнике» — выберите столбец').waitFor();
    expect(await page.getByRole('button', { name: 'Начать импорт' }).isDisabled()).toBe(true);
    const choose = async (label: string, option: string) => {
      await page.getByRole('combobox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('Номер в источнике *', 'Рег. номер');
    await choose('Дата поступления *', 'Поступило');
    await choose('Текст сообщения', 'Что случилось');
    await choose('Канал поступления', channel.name);
    await expect.poll(() => page.getByText('Не хватает обязательных полей:').count()).toBe(0);
    await page.getByRole('button', { name: 'Начать импорт' }).click();

    // Progress to the end, then the counts.
    await page.getByText('Обработано 3 из 3 строк').waitFor();
    await page.locator('.mantine-Badge-label', { hasText: /^завершён$/ }).waitFor();
    await page.getByRole('heading', { name: 'Итог' }).waitFor();

    // The bad row in the quarantine: its row number (as in Excel) and a Russian reason.
    const quarantine = page.getByRole('table', { name: 'Строки в карантине' });
    const bad = quarantine.getByRole('row').filter({ hasText: 'E2E-3' });
    await bad.waitFor();
    await expect.poll(async () => (await bad.textContent()) ?? '').toMatch(/строка 4: .*дат/i);
    const [jobRow] = await product.database.query<{ inserted: number; quarantined: number }>('SELECT inserted, quarantined FROM import_jobs ORDER BY created_at DESC LIMIT 1');
    expect(jobRow).toMatchObject({ inserted: 2, quarantined: 1 });

    // Fix it inline and retry.
    await page.getByRole('button', { name: 'Исправить строку 4' }).click();
    const form = page.getByRole('form', { name: 'Строка 4 файла' });
    await form.getByLabel('Поступило', { exact: true }).fill('27.02.2026 08:15');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Повторено строк: 1, импортировано: 1, осталось в карантине: 0').waitFor();
    await page.getByText('Карантин пуст: все строки импортированы.').waitFor();
    const fixed = await product.database.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE channel = 'email' AND source_id LIKE 'E2E-%'");
    expect(fixed[0].n).toBe(3);

    // The register, filtered to this import's channel and period.
    await page.getByRole('link', { name: 'Открыть эти обращения в реестре' }).click();
    await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('channel') === 'email' && u.searchParams.get('from') === '2026-02-10' && u.searchParams.get('to') === '2026-02-27');
    await page.getByText('Третий день не вывозят мусор', { exact: false }).first().waitFor();
    await page.getByText('Яма у школы на улице Мира', { exact: false }).first().waitFor();

    // Above the register filtered to the channel: the last import of that source, with its link.
    const last = page.getByTestId('last-import');
    await last.waitFor();
    const [job] = await product.database.query<{ id: string; inserted: number; updated: number; quarantined: number }>('SELECT id, inserted, updated, quarantined FROM import_jobs ORDER BY created_at DESC LIMIT 1');
    expect(await last.textContent()).toContain(`Последний импорт «${channel.name}»`);
    expect(await last.textContent()).toContain(`новых ${job.inserted}, обновлено ${job.updated}, в карантине ${job.quarantined}`);
    await last.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/imports/${job.id}`);
    expect(errors).toEqual([]);
  }, 600_000);
});
