import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { signIn } from '../server/test/http';

type Client = Awaited<ReturnType<typeof signIn>>;

/**
 * «Понимание текста» in the browser: the head of the МЦУ adds a routing rule, a case whose text
 * matches is routed with the reason «правило: …»; a suggested topic is applied on the card with
 * one click; a similar case is merged as a duplicate.
 */
describe('browser: routing rules, suggestions and duplicates', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let operator: Client;
  let page: Page;
  const errors: string[] = [];
  const topicId = async (code: string) => (await operator.get('/api/topics')).json().items.find((x: { code: string }) => x.code === code).id as string;
  const message = (text: string, extra: Record<string, unknown> = {}) => ({ regime: 'MESSAGE', channel: 'reception', receivedAt: new Date().toISOString(), text, ...extra });

  beforeAll(async () => {
    product = await startProduct();
    operator = await signIn(product.app, 'operator');
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, product.url, 'head');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('creates a routing rule in «Справочники → Маршрутизация», routes a new case by it, edits and deletes it', async () => {
    const pick = async (label: string, typed: string, option: string | RegExp) => {
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel(label).first().click();
      await page.keyboard.type(typed);
      await page.getByRole('option', { name: option }).first().click();
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
    };
    const rows = async () => product.database.query<{ id: string; priority: number }>("SELECT r.id, r.priority FROM routing_rules r JOIN topics t ON t.id = r.topic_id WHERE t.code = 'waste'");
    await page.goto(`${product.url}/directory/routing`);
    await page.getByRole('button', { name: 'Добавить правило' }).click();
    const drawer = page.getByRole('dialog', { name: 'Новое правило маршрутизации' });
    await drawer.waitFor();
    await pick('Тематика или подтематика', 'ТКО', 'Обращение с ТКО');
    await pick('Поселение', 'Камен', 'Каменское');
    await pick('Получатель', 'Красноармейск', /^Муниципальное образование город Красноармейск/);
    await drawer.getByLabel('Приоритет').fill('10');
    await drawer.getByRole('button', { name: 'Сохранить' }).click();
    await drawer.waitFor({ state: 'detached' });
    const table = page.getByRole('table');
    await table.getByText('Обращение с ТКО').waitFor();
    await table.getByText('Каменское').waitFor();
    expect(await rows()).toHaveLength(1);

    // A case on that topic in Каменское is routed by the rule, and the card says so.
    const c = (await operator.send('POST', '/api/cases', message('Не вывозят мусор с контейнерной площадки в Каменском, переполнены баки', { topicId: await topicId('waste') }))).json();
    expect(c).toMatchObject({ status: 'assigned', autoRouted: true, routingReason: 'правило: Обращение с ТКО × Каменское' });
    await page.goto(`${product.url}/cases/${c.id}`);
    await expect.poll(() => page.getByTestId('routing-reason').textContent()).toContain('правило: Обращение с ТКО × Каменское');

    // Edit: the drawer closes on «Сохранить» and the new priority is stored.
    await page.goto(`${product.url}/directory/routing`);
    await page.getByRole('button', { name: 'Изменить: Обращение с ТКО × Каменское' }).click();
    const edit = page.getByRole('dialog', { name: 'Правило маршрутизации' });
    await edit.getByLabel('Приоритет').fill('20');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(async () => (await rows())[0]?.priority).toBe(20);
    await page.getByRole('table').getByRole('cell', { name: '20', exact: true }).waitFor();

    // Delete: the row leaves the table and the table.
    await page.getByRole('button', { name: 'Удалить: Обращение с ТКО × Каменское' }).click();
    await page.getByText('Правил пока нет').waitFor();
    expect(await rows()).toHaveLength(0);
    const audit = await product.database.query<{ action: string }>("SELECT action FROM audit_events WHERE entity = 'routing_rule' ORDER BY at");
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(errors).toEqual([]);
  }, 300_000);

  it('applies a suggested topic on another case with one click', async () => {
    const libraries = (await operator.get('/api/topics')).json().items.find((x: { code: string }) => x.code === 'culture.libraries');
    const c = (await operator.send('POST', '/api/cases', message('Огромная яма на дороге, разбит асфальт, машины объезжают по тротуару', { topicId: libraries.parentId, subtopicId: libraries.id }))).json();
    await page.goto(`${product.url}/cases/${c.id}`);
    const suggestions = page.getByRole('region', { name: 'Подсказки' });
    const apply = suggestions.getByRole('button', { name: /^Применить тематику «Дорожная деятельность/ }).first();
    await apply.waitFor();
    const name = (await apply.getAttribute('aria-label'))!.replace(/^Применить тематику «(.*)»$/, '$1');
    await apply.click();
    await suggestions.getByText('выбрано').waitFor();
    const card = (await operator.get(`/api/cases/${c.id}`)).json();
    expect(card.subtopicId ?? card.topicId).not.toBe(libraries.id);
    expect(name).toContain(card.topicName);
  }, 240_000);

  it('merges a similar case as a duplicate from «Похожие обращения»', async () => {
    const a = (await operator.send('POST', '/api/cases', message('В Сплавнухе по улице Садовой прорвало трубу, течёт вода'))).json();
    const b = (await operator.send('POST', '/api/cases', { ...message('Сплавнуха, ул. Садовая: прорвало трубу водопровода, вода течёт по дороге'), channel: 'phone' })).json();
    await page.goto(`${product.url}/cases/${a.id}`);
    const merge = page.getByRole('button', { name: `Объединить № ${b.number} как дубликат этого обращения` });
    await merge.waitFor();
    await merge.click();
    await page.getByText(`№ ${b.number} объединено с этим обращением`).waitFor();
    const dup = (await operator.get(`/api/cases/${b.id}`)).json();
    expect(dup).toMatchObject({ status: 'merged', duplicateOfId: a.id });
    expect(errors).toEqual([]);
  }, 240_000);
});
