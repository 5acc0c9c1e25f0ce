import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';
import { pinnedClock } from '../server/test/http';
import { insertCase } from '../server/modules/analytics/analytics-fixture';
import { demoRefs, type DemoRefs } from '../server/modules/problems/problems-fixture';

/**
 * From a growth signal to fewer complaints, in the browser: the head of the МЦУ opens the signal's
 * «create a problem» link, attaches the new similar cases, builds a roadmap with two measures,
 * marks one done, and five weeks later sees the effect chart.
 */
describe('browser: a growth signal becomes a problem with a roadmap and an effect', () => {
  // Wednesday 25.11.2026, 11:00 in Саратов: the last complete week is W47 (16–22.11).
  const clock = pinnedClock('2026-11-25T07:00:00Z');
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let d: DemoRefs;
  const errors: string[] = [];
  const put = (local: string, text: string) => insertCase(product.database, d.tenantId, { receivedAt: new Date(`${local}+04:00`), topicId: d.topicId, settlementId: d.settlementId, text, status: 'closed' });

  beforeAll(async () => {
    product = await startProduct(clock);
    browser = await launchBrowser();
    d = await demoRefs(product.database);
    // One case a week for eight weeks (and the same season a year earlier), then 9 in the week of 16.11.
    for (let w = 0; w < 8; w++) {
      const day = new Date(Date.parse('2026-09-23T00:00:00Z') + w * 7 * 864e5).toISOString().slice(0, 10);
      await put(`${day}T10:00`, 'Нет горячей воды в доме');
      await put(`${String(Number(day.slice(0, 4)) - 1)}${day.slice(4)}T10:00`, 'Нет горячей воды в доме');
    }
    for (let i = 0; i < 9; i++) await put(`2026-11-${17 + (i % 5)}T1${i}:00`, `Нет горячей воды в доме ${i + 1} по ул. Ленина`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const as = async (login: string): Promise<Page> => {
    const page = await newPage(browser);
    page.on('pageerror', (e) => errors.push(`${login}: ${e.message}`));
    await logIn(page, product.url, login);
    return page;
  };
  const pick = async (page: Page, label: string, option: string) => {
    await page.getByRole('dialog').getByLabel(new RegExp(`^${label}`)).first().click();
    await page.getByRole('option', { name: option }).first().click();
  };

  it('creates the problem from the signal, attaches cases, adds two measures, marks one done, shows the effect', async () => {
    const head = await as('head');
    const signal = await head.request.get(`${product.url}/api/analytics/signals`);
    const found = (await signal.json()) as { week: { code: string }; items: { signalKey: string; observed: number }[] };
    const key = `${found.week.code}:${d.topicId}:${d.settlementId}`;
    expect(found.items.find((s) => s.signalKey === key)?.observed).toBe(9);

    // 1. The signal's link: the problem is drafted with its topic, territory, description and cases.
    await head.goto(`${product.url}/problems/new?signal=${encodeURIComponent(key)}`);
    const drawer = head.getByRole('dialog', { name: 'Новая проблема' });
    await drawer.getByText('К проблеме будут привязаны обращения этой недели: 9.').waitFor();
    expect(await drawer.getByLabel('Описание').inputValue()).toMatch(/^Сигнал роста за неделю W47 \(16\.11–22\.11\.2026\): 9 обращений при ожидаемых /);
    await expect.poll(() => drawer.getByLabel('Поселение', { exact: true }).inputValue()).toBe(d.settlementName);
    await drawer.getByRole('button', { name: 'Сохранить' }).click();
    await head.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const problemUrl = head.url();
    await head.getByRole('heading', { name: 'Обращения проблемы (9)' }).waitFor();

    // 2. Two new similar cases arrive this week: suggested on the card, attached with one click.
    const newIds = [await put('2026-11-23T09:00', 'Опять нет горячей воды в доме на ул. Ленина'), await put('2026-11-24T09:00', 'Горячей воды нет третий день')];
    const numbers = await product.database.query<{ number: string }>('SELECT number FROM cases WHERE id = ANY($1::uuid[]) ORDER BY received_at', [newIds]);
    await head.reload();
    for (const n of numbers) {
      await head.getByRole('button', { name: `Привязать: № ${n.number}` }).click();
      await head.getByRole('button', { name: `Привязать: № ${n.number}` }).waitFor({ state: 'detached' });
    }
    await head.getByRole('heading', { name: 'Обращения проблемы (11)' }).waitFor();

    // 3. A roadmap of the problem with two measures; a measure without a deadline is refused.
    await head.getByRole('button', { name: 'Дорожная карта проблемы' }).click();
    await head.getByRole('dialog', { name: 'Новая дорожная карта' }).getByRole('button', { name: 'Сохранить' }).click();
    await head.waitForURL(/\/problems\/roadmaps\/[0-9a-f-]{36}$/);
    await head.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const m = head.getByRole('dialog', { name: 'Новое мероприятие' });
    await m.getByRole('textbox', { name: /^Мероприятие/ }).fill('Промыть бойлерную');
    await m.getByRole('button', { name: 'Сохранить' }).click();
    await m.getByText('Укажите дату').waitFor();
    await m.getByText('Выберите значение из списка').waitFor();
    await m.getByLabel('Срок').fill('2026-11-20');
    await pick(head, 'Ответственный', 'Воронов Алексей Николаевич');
    await m.getByRole('button', { name: 'Сохранить' }).click();
    await m.getByText('Дата в прошлом (сегодня 25.11.2026)').waitFor();
    await m.getByLabel('Срок').fill('2026-12-01');
    await m.getByRole('button', { name: 'Сохранить' }).click();
    await head.getByRole('cell', { name: 'Промыть бойлерную' }).first().waitFor();
    await head.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await m.getByRole('textbox', { name: /^Мероприятие/ }).fill('Заменить трубы');
    await m.getByLabel('Срок').fill('2027-03-01');
    await pick(head, 'Ответственный', 'Белов Дмитрий Андреевич');
    await m.getByRole('button', { name: 'Сохранить' }).click();
    await head.getByRole('cell', { name: 'Заменить трубы' }).first().waitFor();

    // 4. The first measure is done (today, 25.11).
    await head.getByRole('button', { name: 'Выполнено: Промыть бойлерную' }).click();
    await head.getByText('выполнено 25.11.2026').waitFor();
    // 4b. The second measure is cancelled: only with a reason, which goes to its progress notes.
    await head.getByRole('button', { name: 'Отменить мероприятие: Заменить трубы' }).click();
    const cancel = head.getByRole('dialog', { name: 'Отменить мероприятие «Заменить трубы»' });
    await cancel.getByRole('button', { name: 'Отменить мероприятие' }).click();
    await cancel.getByText('Причина отмены: заполните поле').waitFor();
    await cancel.getByLabel('Причина отмены').fill('Трубы заменит областная программа');
    await cancel.getByRole('button', { name: 'Отменить мероприятие' }).click();
    await cancel.waitFor({ state: 'detached' });
    await head.locator('tr[data-measure="Заменить трубы"]').getByText('отменено').waitFor();

    // 5. Five weeks later: two cases in the cell instead of the 11 before — the effect shows it.
    await put('2026-12-02T10:00', 'Нет горячей воды');
    await put('2026-12-16T10:00', 'Нет горячей воды');
    clock.set('2026-12-30T07:00:00Z');
    const later = await as('head');
    await later.goto(problemUrl);
    const effect = later.getByTestId('effect');
    await effect.getByText('Жалоб стало меньше').waitFor();
    await effect.getByText('После: 25.11.2026–29.12.2026: 2').waitFor();
    await effect.getByText(/^До: \d\d\.\d\d\.2026–24\.11\.2026: \d+$/).waitFor();
    await effect.getByRole('img', { name: 'Обращения по неделям до и после' }).locator('svg').waitFor();
    expect(errors).toEqual([]);
  }, 240_000);
});
