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
