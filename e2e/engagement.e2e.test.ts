import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';

/** «Взаимодействие» end to end: pages with an import, a conflict, a notice for residents, a task of the ЦУР. */
/** Four journeys on one product; generous timeouts because the shared CI machine is often loaded. */
const SLOW = 240_000;

describe('browser: engagement', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  const open = async (login: string, path: string): Promise<Page> => {
    const page = await newPage(browser);
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, product.url, login);
    await page.goto(`${product.url}${path}`);
    return page;
  };
  const drawer = (page: Page) => page.getByRole('dialog');

  it('adds an official page and imports activity with a bad row reported by its number', async () => {
    const page = await open('head', '/engagement/pages');
    await page.getByRole('button', { name: 'Добавить страницу' }).click();
    const d = drawer(page);
    await d.getByLabel('Адрес страницы').fill('https://ok.ru/group/1');
    await d.getByLabel('Название страницы').fill('Каменское МО ВКонтакте');
    await d.getByLabel('Владелец страницы').click();
    await page.getByRole('option', { name: /^Администрация Каменского МО/ }).click();
    await d.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => d.getByText(/не адрес в сети «ВКонтакте»/).count()).toBeGreaterThan(0);
    await d.getByLabel('Адрес страницы').fill('https://vk.com/kamenskoe_mo');
    await d.getByLabel('Отметка «Госорганизация» подтверждена').check();
    await d.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('link', { name: 'Каменское МО ВКонтакте' }).waitFor();

    const csv = ['Страница;Период;Публикации;Охват;Вовлечённость;Комментарии;Отвечено', 'https://vk.com/kamenskoe_mo;2026-10;18;5400;310;12;11', 'https://vk.com/kamenskoe_mo;2026-11;много;1;1;1;1'].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Загрузить показатели' }).click();
    await (await chooser).setFiles({ name: 'статистика.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.getByRole('status').filter({ hasText: 'статистика.csv' });
    await report.getByText('строк 2, добавлено 1, обновлено 0, с ошибками 1').waitFor();
    await report.getByText('Строка 3').waitFor();
    await report.getByText('Публикации: «много» — ожидается число').waitFor();
    const stored = await product.database.query<{ period: string; publications: number }>('SELECT period, publications FROM engagement_page_activity');
    expect(stored).toEqual([{ period: '2026-10', publications: 18 }]);
    await page.screenshot({ path: 'tmp/e2e-engagement-pages.png' });
  }, SLOW);

  it('flags a rude answer in «Конфликты» with the reason and a link to the case', async () => {
    const [c] = await product.database.query<{ id: string; number: string }>(
      `INSERT INTO cases (tenant_id, number, regime, channel, received_at, status, text)
       SELECT id, 'К-2026-99001', 'MESSAGE', 'official_page', now() - interval '2 days', 'answered', 'Во дворе третью неделю не вывозят мусор' FROM tenants WHERE kind = 'municipality' LIMIT 1
       RETURNING id, number`,
    );
    await product.database.query(
      `INSERT INTO case_answers (tenant_id, case_id, kind, text, state, created_at)
       SELECT tenant_id, id, 'final', 'Хватит жаловаться, сами виноваты что выносите мусор не по графику, разбирайтесь с соседями', 'sent', now() - interval '1 day' FROM cases WHERE id = $1`,
      [c.id],
    );
    const page = await open('head', '/engagement/conflicts');
    const row = page.getByRole('row').filter({ hasText: c.number });
    await row.getByText('грубость: «сами виноваты»').waitFor();
    await row.getByText('ответ в соцсети').waitFor();
    await page.screenshot({ path: 'tmp/e2e-engagement-conflicts.png' });
    expect(await row.getByRole('link', { name: c.number }).getAttribute('href')).toBe(`/cases/${c.id}`);
    await row.getByRole('button', { name: `Отметить рассмотренным: ${c.number}` }).click();
    await expect.poll(() => product.database.query('SELECT 1 FROM engagement_conflict_reviews').then((r) => r.length)).toBe(1);
  }, SLOW);

  it('prepares a notice for two settlements, publishes it and residents see it on the public page', async () => {
    const settlements = await product.database.query<{ name: string }>("SELECT s.name FROM settlements s JOIN tenants t ON t.id = s.tenant_id WHERE t.kind = 'municipality' ORDER BY s.name LIMIT 2");
    const [tenant] = await product.database.query<{ code: string }>("SELECT code FROM tenants WHERE kind = 'municipality' LIMIT 1");
    const page = await open('head', '/engagement/notices');
    await page.getByRole('button', { name: 'Подготовить материал' }).click();
    const d = drawer(page);
    await d.getByLabel('Заголовок').fill('Плановое отключение воды');
    await d.getByLabel('Кому (целевая группа)').fill('Жители двух поселений');
    for (const s of settlements) {
      await d.getByLabel('Поселения').click();
      await page.getByRole('option', { name: s.name, exact: true }).click();
    }
    await page.keyboard.press('Escape').catch(() => undefined);
    await d.getByLabel('Действует до').fill('2031-01-01T12:00');
    await d.getByLabel('Текст для госпаблика').fill('Уважаемые жители! Будет отключена холодная вода на время ремонта водовода.');
    await d.getByLabel('Текст для страницы жителей').fill('Отключение холодной воды: ремонт водовода.');
    await d.getByLabel('Текст SMS').fill('Завтра с 9 до 17 не будет холодной воды. Администрация района');
    await d.getByText(/\d+ симв\. · 1 SMS \(по 70 симв\.\)/).waitFor();
    await d.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('row').filter({ hasText: 'Плановое отключение воды' }).click();
    await drawer(page).getByRole('button', { name: 'Опубликовано: Страница жителей' }).click();
    await page.getByRole('row').filter({ hasText: 'Плановое отключение воды' }).getByText('Страница жителей').waitFor();

    const api = await (await fetch(`${product.url}/api/public/notices?tenant=${tenant.code}`)).json();
    expect(api.items.map((n: { title: string; settlements: { name: string }[] }) => [n.title, n.settlements.map((s) => s.name).sort()])).toEqual([['Плановое отключение воды', settlements.map((s) => s.name).sort()]]);
    const resident = await newPage(browser);
    await resident.goto(`${product.url}/public/${tenant.code}`);
    await resident.getByRole('region', { name: 'Объявления для жителей' }).getByText('Плановое отключение воды').waitFor();
    await resident.screenshot({ path: 'tmp/e2e-engagement-public.png' });
  }, SLOW);

  it('the ЦУР sets a task, the МЦУ answers with a file, the ЦУР accepts the report', async () => {
    const region = await open('region', '/engagement');
    await region.waitForURL(/\/engagement\/tasks$/);
    await region.getByRole('button', { name: 'Дать задание' }).click();
    let d = drawer(region);
    await d.getByRole('textbox', { name: /^Задание/ }).fill('Разместить материалы проекта «Чистая вода»');
    await d.getByLabel('Срок').fill('2031-12-01');
    await d.getByRole('button', { name: 'Сохранить' }).click();
    await region.getByRole('row').filter({ hasText: 'Чистая вода' }).waitFor();

    const head = await open('head', '/engagement/tasks');
    await head.getByRole('row').filter({ hasText: 'Чистая вода' }).click();
    d = drawer(head);
    await d.getByRole('button', { name: 'Принять к исполнению' }).click();
    await d.getByText('принято', { exact: true }).waitFor();
    await d.getByLabel('Отчёт', { exact: true }).fill('Материалы размещены во всех госпабликах, охват 8 400');
    const chooser = head.waitForEvent('filechooser');
    await d.getByLabel('Файлы отчёта').click();
    await (await chooser).setFiles({ name: 'отчёт.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%отчёт\n') });
    await d.getByRole('button', { name: 'Отправить отчёт' }).click();
    await head.getByRole('row').filter({ hasText: 'Чистая вода' }).getByText('отчёт отправлен').waitFor();

    await region.reload();
    await region.getByRole('row').filter({ hasText: 'Чистая вода' }).click();
    d = drawer(region);
    await d.getByRole('link', { name: 'отчёт.pdf' }).waitFor();
    await region.screenshot({ path: 'tmp/e2e-engagement-tasks.png' });
    await d.getByRole('button', { name: 'Принять отчёт' }).click();
    await d.getByText('принято ЦУР').waitFor();
    const [a] = await product.database.query<{ status: string }>('SELECT status FROM engagement_assignments');
    expect(a.status).toBe('done');
    expect(errors).toEqual([]);
  }, SLOW);
});
