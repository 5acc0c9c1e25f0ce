import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startProduct } from './browser';
import { signIn } from '../server/test/http';

/** A real 1×1 PNG: the server checks photos by content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('browser: a resident writes a message on the public page and follows it', () => {
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

  it('sends text, a point on the map, a photo, contacts, consent and the answer to the challenge; gets the number and the link', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/public`);
    await page.getByRole('heading', { name: 'Сообщить о проблеме' }).waitFor();

    // Without consent and the place the server answers in Russian, naming the fields.
    await page.getByLabel('Что случилось').fill('Во дворе дома 7 на улице Мира третью неделю стоит огромная лужа');
    const question = page.getByText(/Проверочный вопрос: Сколько будет/);
    await question.waitFor();
    const solve = async () => {
      const m = /(\d+)\s*([+−×-])\s*(\d+)/.exec((await question.textContent()) ?? '');
      expect(m).not.toBeNull();
      const [a, op, b] = [Number(m![1]), m![2], Number(m![3])];
      await page.getByLabel(/Проверочный вопрос/).fill(String(op === '+' ? a + b : op === '×' ? a * b : a - b));
    };
    await solve();
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();
    await page.getByText('Согласие на обработку персональных данных: обязательно для отправки').first().waitFor();

    // Now properly: a point on the district map, an address, a photo, contacts, consent, a new challenge.
    const map = page.getByTestId('district-map');
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.getByText(/Отмечена точка: \d+\.\d+, \d+\.\d+/).waitFor();
    await page.getByLabel('Адрес или ориентир').fill('ул. Мира, 7, во дворе');
    await page.locator('input[type="file"]').setInputFiles({ name: 'лужа.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('лужа.png').waitFor();
    await page.getByLabel('Имя').fill('Анна');
    await page.getByLabel('Электронная почта').fill('anna@example.ru');
    await page.getByLabel('Я согласен(на) на обработку моих персональных данных').check();
    await solve();
    await page.getByRole('button', { name: 'Отправить сообщение' }).click();

    const accepted = page.getByRole('heading', { name: /Сообщение № .+ принято/ });
    await accepted.waitFor();
    const number = /№ (\S+)/.exec((await accepted.textContent()) ?? '')![1];
    const [row] = await product.database.query<{ channel: string; lat: number; files: number; consent: string | null }>(
      'SELECT c.channel, c.lat, (SELECT count(*)::int FROM case_files f WHERE f.case_id = c.id) AS files, a.consent_at AS consent FROM cases c JOIN case_applicants a ON a.case_id = c.id WHERE c.number = $1',
      [number],
    );
    expect(row).toMatchObject({ channel: 'web', files: 1 });
    expect(row.lat).not.toBeNull();
    expect(row.consent).not.toBeNull();

    // The secret link opens the applicant's page with the status.
    await page.getByRole('link', { name: 'Открыть страницу сообщения' }).click();
    await page.waitForURL(/\/p\/[^/]+$/);
    await page.getByRole('heading', { name: `Ваше обращение № ${number}` }).waitFor();
    await page.getByText(/Обращение (получено|зарегистрировано|направлено)/).first().waitFor();
    expect(errors).toEqual([]);
  }, 600_000);

  it('finds my case by its number and my phone: a wrong contact gets the same answer as a wrong number, the right one opens the status page', async () => {
    const operator = await signIn(product.app, 'operator');
    const c = (await operator.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), text: 'Не работает уличное освещение на улице Луговой', applicant: { fullName: 'Сидоров Иван', phone: '+7 927 555-12-34' } })).json();
    const page = await newPage(browser);
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/public`);
    const section = page.getByRole('region', { name: 'Найти моё обращение' });
    await section.waitFor();
    const notFound = 'Обращение не найдено. Проверьте номер и телефон или электронную почту, указанные при обращении.';
    const tryFind = async (number: string, contact: string) => {
      await section.getByLabel('Номер обращения').fill(number);
      await section.getByLabel('Телефон или e-mail из обращения').fill(contact);
      const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/public/cases/find')), section.getByRole('button', { name: 'Найти' }).click()]);
      return res.status();
    };
    expect(await tryFind(c.number, '8 927 000-00-00')).toBe(404);
    await section.getByRole('alert').filter({ hasText: notFound }).waitFor();
    expect(await tryFind('99999-2026-999999', '8 927 555-12-34')).toBe(404);
    await section.getByRole('alert').filter({ hasText: notFound }).waitFor();
    expect(await tryFind(c.number, '8 (927) 555-12-34')).toBe(200);
    await page.waitForURL(/\/p\/[^/]+$/);
    await page.getByRole('heading', { name: `Ваше обращение № ${c.number}` }).waitFor();
    expect(await page.getByText('Сидоров').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 600_000);

  it('fits a phone screen (375 px) without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'ru-RU' });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${product.url}/public`);
    await page.getByRole('heading', { name: 'Сообщить о проблеме' }).waitFor();
    await page.getByTestId('district-map').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, 600_000);
});
