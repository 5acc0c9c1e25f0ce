import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startProduct } from './browser';

/**
 * One appeal through its whole life in the browser, each step by the person who does it:
 * reception → assignment → work and answer → review → the applicant's low rating reopens it.
 */
describe('browser: an appeal from reception to a low rating', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
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
  const caseRow = async () => {
    const rows = await product.database.query<{ id: string; number: string; status: string; recipient: string | null; rating: number | null }>(
      'SELECT c.id, c.number, c.status, r.code AS recipient, c.rating FROM cases c LEFT JOIN recipients r ON r.id = c.recipient_id ORDER BY c.created_at DESC LIMIT 1',
    );
    return rows[0];
  };
  /** The status badge next to the card's heading. */
  const statusShown = (page: Page, label: string) => page.getByRole('main').locator('.mantine-Badge-label', { hasText: new RegExp(`^${label}$`) }).first().waitFor();

  it('operator registers, head assigns, executor answers, head approves, a rating of 2 reopens the case', async () => {
    // 1. Reception: the operator registers a 59-ФЗ appeal with the applicant.
    const operator = await as('operator');
    await operator.goto(`${product.url}/cases`);
    await operator.getByRole('link', { name: 'Зарегистрировать' }).click();
    await operator.getByRole('heading', { name: 'Регистрация обращения' }).waitFor();
    await operator.getByRole('button', { name: 'Зарегистрировать' }).click();
    await operator.getByText('Обязательно для обращения по 59-ФЗ (ст. 7)').waitFor();
    await operator.getByLabel('Текст обращения').fill('Прошу отремонтировать освещение на ул. Мира в рп Каменский: не горят фонари у домов 18 и 22.');
    await operator.getByLabel('ФИО заявителя').fill('Смирнова Ольга Петровна');
    await operator.getByLabel('Почтовый адрес').fill('412210, рп Каменский, ул. Мира, д. 15, кв. 3');
    await operator.getByRole('button', { name: 'Зарегистрировать' }).click();
    await operator.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const registered = await caseRow();
    expect(registered).toMatchObject({ status: 'registered', recipient: null });
    await operator.getByRole('heading', { name: `Обращение № ${registered.number}` }).waitFor();
    await operator.getByText(`Зарегистрировано обращение № ${registered.number}`).waitFor();
    await statusShown(operator, 'Зарегистрировано');
    const applicant = await product.database.query<{ full_name: string; postal_address: string }>('SELECT full_name, postal_address FROM case_applicants WHERE case_id = $1', [registered.id]);
    expect(applicant[0]).toMatchObject({ full_name: 'Смирнова Ольга Петровна', postal_address: '412210, рп Каменский, ул. Мира, д. 15, кв. 3' });
    const cardUrl = `${product.url}/cases/${registered.id}`;

    // 2. The head of the МЦУ sends it to the settlement's administration.
    const head = await as('head');
    await head.goto(cardUrl);
    await head.getByRole('button', { name: 'Направить получателю' }).click();
    const assign = head.getByRole('dialog', { name: 'Направить ответственному получателю' });
    await assign.getByLabel('Ответственный получатель').fill('Каменского');
    await head.getByRole('option', { name: /^Администрация Каменского МО/ }).click();
    await assign.getByRole('button', { name: 'Направить получателю' }).click();
    await statusShown(head, 'Направлено получателю');
    expect(await caseRow()).toMatchObject({ status: 'assigned', recipient: 'admin-kamenskoe' });

    // 3. The executor of Каменское takes it into work and sends an answer for review.
    const exec = await as('exec.kamenskoe');
    await exec.goto(cardUrl);
    await exec.getByRole('button', { name: 'Принять в работу' }).click();
    await statusShown(exec, 'В работе');
    await exec.getByRole('button', { name: 'Ответ на проверку' }).click();
    const answer = exec.getByRole('dialog', { name: 'Направить ответ на проверку МЦУ' });
    await answer.getByLabel('Текст ответа').fill('Светильники у домов 18 и 22 по ул. Мира заменены 26 ноября, освещение восстановлено. Акт выполненных работ приложен.');
    await answer.getByRole('button', { name: 'Ответ на проверку' }).click();
    await statusShown(exec, 'На проверке МЦУ');
    expect((await caseRow()).status).toBe('under_review');

    // 4. The head approves the answer; the applicant's rating link is shown once.
    await head.reload();
    await head.getByRole('button', { name: 'Принять ответ' }).click();
    await head.getByRole('dialog', { name: 'Принять ответ и направить заявителю' }).getByRole('button', { name: 'Принять ответ' }).click();
    const link = head.getByRole('dialog', { name: 'Ссылка для оценки ответа' });
    await expect.poll(async () => link.getByRole('textbox').inputValue(), { timeout: 10_000 }).toMatch(/\/p\/[\w-]{20,}$/);
    await link.getByRole('button', { name: 'Закрыть', exact: true }).last().click();
    await statusShown(head, 'Ответ направлен');
    expect((await caseRow()).status).toBe('answered');

    // 5. The applicant rated the answer 2 by phone: the head records it and the case reopens.
    await head.getByRole('button', { name: 'Внести оценку' }).click();
    const rate = head.getByRole('dialog', { name: 'Оценка заявителя' });
    // The second star, chosen from the keyboard as an operator on the phone would.
    await rate.getByRole('radio', { name: '2 — плохо' }).focus();
    await head.keyboard.press('Space');
    await rate.getByText('2 — плохо', { exact: true }).waitFor();
    await rate.getByLabel('Комментарий заявителя').fill('Фонарь у дома 22 снова не горит');
    await rate.getByRole('button', { name: 'Сохранить' }).click();
    await head.getByText(`Оценка по № ${registered.number} записана`).waitFor();
    await rate.waitFor({ state: 'hidden' });
    await statusShown(head, 'Возобновлено');
    await head.getByText('низкая оценка: рассмотрение возобновлено').waitFor();
    expect(await caseRow()).toMatchObject({ status: 'reopened', rating: 2 });

    const history = await product.database.query<{ action: string }>("SELECT action FROM audit_events WHERE entity = 'case' AND entity_id = $1 ORDER BY id", [registered.id]);
    expect(history.map((h) => h.action)).toEqual(['register', 'assign', 'accept', 'submit_answer', 'approve_answer', 'rate']);
    await head.screenshot({ path: 'tmp/e2e-register.png' });
    expect(errors).toEqual([]);
  });
});
