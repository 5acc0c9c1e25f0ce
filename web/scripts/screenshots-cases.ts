/**
 * The cases screens for web/scripts/screenshots.ts: register, card, registration form, inbox,
 * notifications and the applicant's page, at 1366×768 and 1920×1080. It makes its own cases
 * through the API (one with a long history and a returned answer, one waiting for review), so it
 * works on any demo database, with or without generated cases.
 */
import type { Browser, Page } from 'playwright-core';
import { request, type APIRequestContext } from 'playwright-core';

type Shot = (page: Page, name: string) => Promise<void>;

interface Api {
  call<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
}

async function apiAs(base: string, login: string, password: string): Promise<Api> {
  const ctx: APIRequestContext = await request.newContext({ baseURL: base });
  const res = await ctx.post('/api/auth/login', { data: { login, password } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call<T>(path: string, body?: unknown) {
      const r = body === undefined ? await ctx.get(path) : await ctx.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

const LONG_TEXT = `Здравствуйте! Обращаюсь уже третий раз по поводу дороги по улице Мира в посёлке Каменский.

Весной после паводка на участке от дома 12 до дома 40 образовались ямы глубиной до 20 сантиметров. Летом их засыпали щебнем, но после дождей щебень размыло, и сейчас по улице невозможно проехать: автобус до школы объезжает через Садовую, дети ходят по обочине в темноте, фонари горят через один.

Прошу:
1. Отремонтировать покрытие на участке от дома 12 до дома 40 (не засыпать щебнем, а уложить асфальт).
2. Восстановить освещение — не работают фонари у домов 18, 22, 31 и 35.
3. Сообщить мне письменно срок выполнения работ.

К обращению прилагаю фотографии участка, сделанные 20 ноября.`;

/** Cases in the states the screenshots need, made by the people who would make them. */
async function prepareCases(base: string, password: string) {
  const operator = await apiAs(base, 'operator', password);
  const head = await apiAs(base, 'head', password);
  const exec = await apiAs(base, 'exec.kamenskoe', password);
  const recipients = await head.call<{ items: { id: string; code: string }[] }>('/api/recipients');
  const kamenskoe = recipients.items.find((r) => r.code === 'admin-kamenskoe')!.id;
  const register = (text: string) =>
    operator.call<{ id: string; number: string }>('/api/cases', {
      regime: 'FZ59',
      channel: 'letter',
      receivedAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
      text,
      address: 'рп Каменский, ул. Мира, 12–40',
      applicant: { fullName: 'Смирнова Ольга Петровна', postalAddress: '412210, рп Каменский, ул. Мира, д. 15, кв. 3', email: 'smirnova.op@example.ru', phone: '+7 927 111-22-33', replyBy: 'post' },
    });

  const long = await register(LONG_TEXT);
  await head.call(`/api/cases/${long.id}/assign`, { recipientId: kamenskoe, comment: 'Прошу взять на личный контроль: третье обращение' });
  await exec.call(`/api/cases/${long.id}/accept`, {});
  await exec.call(`/api/cases/${long.id}/notes`, { text: 'Созвонились с заявителем, уточнили номера домов.' });
  await exec.call(`/api/cases/${long.id}/interim`, { text: 'Ваше обращение принято в работу, выполнено обследование участка. Окончательный ответ будет дан после согласования сметы.' });
  await exec.call(`/api/cases/${long.id}/submit`, { text: 'Ремонт дороги будет выполнен в рамках муниципальной программы.' });
  await head.call(`/api/cases/${long.id}/return`, { criteria: ['formal', 'no_date', 'no_evidence'], comment: 'Ответ формальный: нет срока ремонта и ответа про освещение. Приложите смету или план работ.' });
  await exec.call(`/api/cases/${long.id}/submit`, {
    text: 'Ремонт покрытия ул. Мира (дома 12–40) включён в план дорожных работ на 2027 год, срок — до 31 мая 2027 года; смета приложена. Фонари у домов 18, 22, 31 и 35 заменены 25 ноября, акт приложен.',
    completionDate: '2027-05-31',
  });
  const approved = await head.call<{ ratingToken: string }>(`/api/cases/${long.id}/approve`, {});
  await head.call(`/api/cases/${long.id}/rate`, { rating: 2, comment: 'Фонари заменили, но ямы засыпали щебнем снова' });

  const review = await register('Прошу убрать аварийное дерево у дома 7 по ул. Садовой: ветки лежат на проводах.');
  await head.call(`/api/cases/${review.id}/assign`, { recipientId: kamenskoe });
  await exec.call(`/api/cases/${review.id}/accept`, {});
  await exec.call(`/api/cases/${review.id}/submit`, { text: 'Дерево будет опилено силами администрации.' });

  // An answered case for the applicant's page (the link is shown once, at approval).
  const answered = await register('Прошу восстановить освещение на ул. Набережной.');
  await head.call(`/api/cases/${answered.id}/assign`, { recipientId: kamenskoe });
  await exec.call(`/api/cases/${answered.id}/accept`, {});
  await exec.call(`/api/cases/${answered.id}/submit`, { text: 'Освещение на ул. Набережной восстановлено 26 ноября: заменены 4 светильника и участок кабеля. Акт выполненных работ приложен.' });
  const toRate = await head.call<{ ratingToken: string }>(`/api/cases/${answered.id}/approve`, {});
  return { long, review, answeredToken: toRate.ratingToken, reopenedToken: approved.ratingToken };
}

async function logIn(page: Page, base: string, login: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function casesShots(browser: Browser, base: string, password: string, shot: Shot): Promise<void> {
  const prepared = await prepareCases(base, password);
  for (const [w, h, suffix] of [
    [1366, 768, ''],
    [1920, 1080, '-1920'],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: 'ru-RU', timezoneId: 'Europe/Saratov' });
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stdout.write(`  pageerror: ${e.message}\n`));

    await logIn(page, base, 'head', password);
    await page.goto(`${base}/cases`);
    await page.getByRole('table', { name: 'Обращения' }).waitFor();
    await page.getByText(/^Найдено/).waitFor();
    await shot(page, `20-register${suffix}`);

    await page.goto(`${base}/cases?status=in_work&status=assigned&status=returned&deadline=overdue&sort=due_asc`);
    await page.getByText(/^Найдено/).waitFor();
    await shot(page, `21-register-filters${suffix}`);
    if (!suffix) {
      await page.getByRole('button', { name: /^Статус:/ }).click();
      await shot(page, '21b-register-status-filter');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Виды' }).click();
      await page.getByRole('button', { name: 'Сохранить текущий вид…' }).click();
      const save = page.getByRole('dialog', { name: 'Сохранить вид реестра' });
      await save.getByLabel('Название').fill('Просроченные в работе');
      await save.getByLabel(/^Общий/).check();
      await save.getByRole('button', { name: 'Сохранить' }).click();
      await save.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Виды' }).click();
      await page.getByRole('button', { name: 'Применить вид «Просроченные в работе»' }).first().waitFor();
      await shot(page, '21c-register-views');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Ещё', exact: true }).click();
      await shot(page, '21d-register-more-filters');
      await page.keyboard.press('Escape');
    }

    await page.goto(`${base}/cases/${prepared.long.id}`);
    await page.getByRole('heading', { name: `Обращение № ${prepared.long.number}` }).waitFor();
    await shot(page, `22-card-top${suffix}`);
    await page.getByRole('heading', { name: 'История' }).scrollIntoViewIfNeeded();
    await shot(page, `23-card-history${suffix}`);
    if (!suffix) {
      await page.getByRole('button', { name: 'Показать данные заявителя' }).click();
      await page.getByText('Смирнова Ольга Петровна').waitFor();
      await page.getByRole('heading', { name: 'Заявитель' }).scrollIntoViewIfNeeded();
      await shot(page, '23b-card-applicant-revealed');

      await page.goto(`${base}/cases/${prepared.review.id}`);
      await page.getByRole('button', { name: 'Вернуть на доработку' }).click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Вернуть на доработку' }).click();
      await shot(page, '24-card-return-modal-errors');
      await page.keyboard.press('Escape');
    }

    await logIn(page, base, 'operator', password);
    await page.goto(`${base}/cases/new`);
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.getByRole('alert').or(page.getByText('Опишите суть')).first().waitFor();
    await shot(page, `25-register-form-errors${suffix}`);

    await logIn(page, base, 'exec.kamenskoe', password);
    await page.goto(`${base}/inbox`);
    await page.getByRole('heading', { name: 'Просрочено' }).waitFor();
    await shot(page, `26-inbox${suffix}`);
    if (!suffix) {
      await page.getByRole('link', { name: /^Ответить по №/ }).first().click();
      await page.getByRole('dialog').waitFor();
      await shot(page, '26c-inbox-answer-modal');
      await page.keyboard.press('Escape');
      await page.goto(`${base}/inbox`);
      await page.getByRole('button', { name: /^Уведомления/ }).click();
      await shot(page, '27-notifications');
      await page.keyboard.press('Escape');
      await logIn(page, base, 'rhead.kamenskoe', password);
      await page.goto(`${base}/inbox?scope=unit`);
      await page.getByRole('heading', { name: 'Просрочено' }).waitFor();
      await shot(page, '26b-inbox-unit');
    }

    if (!suffix) {
      await logIn(page, base, 'pos', password);
      await page.getByText(/^Найдено/).waitFor();
      await shot(page, '29-register-pos-landing');
    }

    await page.context().clearCookies();
    await page.goto(`${base}/p/${prepared.answeredToken}`);
    await page.getByRole('heading', { name: /Ваше обращение/ }).waitFor();
    await shot(page, `28-public-rate${suffix}`);
    if (suffix) {
      await page.getByRole('button', { name: 'Отправить оценку' }).click();
      await page.getByRole('radio', { name: '4 — хорошо' }).focus();
      await page.keyboard.press('Space');
      await page.getByLabel('Комментарий (необязательно)').fill('Спасибо, светло.');
      await page.getByRole('button', { name: 'Отправить оценку' }).click();
      await page.getByText(/^Спасибо!/).waitFor();
      await shot(page, '28c-public-thanks');
    }
    if (!suffix) {
      await page.goto(`${base}/p/${prepared.reopenedToken}`);
      await page.getByRole('heading', { name: /Ваше обращение/ }).waitFor();
      await shot(page, '28b-public-reopened');
    }
    await context.close();
  }
}
