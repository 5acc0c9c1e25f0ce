import type { HttpSession } from '../../server/ops/http-session';

/** One request type of the mix: its share of the connections and the autocannon request sequence. */
export interface MixItem {
  name: string;
  weight: number;
  /** At most this many requests per second of this type, whatever its connections (autocannon overallRate). */
  rate?: number;
  requests: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; setupRequest?: (req: object, ctx: Record<string, unknown>) => object; onResponse?: (status: number, body: string, ctx: Record<string, unknown>) => void }[];
  headers: Record<string, string>;
}

export interface Sessions {
  head: HttpSession;
  operator: HttpSession;
  pos: HttpSession;
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

function csvImport(): Buffer {
  const tag = `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const lines = ['Номер;Дата поступления;Текст'];
  for (let i = 1; i <= 20; i++) lines.push(`${tag}-${i};${String((i % 27) + 1).padStart(2, '0')}.11.2026 10:00;Нагрузочный тест ${i}: не убран снег во дворе дома ${i} по улице Ленина`);
  return Buffer.from(lines.join('\n'));
}

function multipartBody(data: Buffer): { type: string; body: Buffer } {
  const boundary = '----mcuload' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="load.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

/**
 * The realistic mix: register browsing with filters (most of the traffic), the case card, the
 * heat map and the dashboard, registration of a case, and a small import (upload + start).
 */
export async function buildMix(s: Sessions): Promise<MixItem[]> {
  const page = (await (await s.head.get('/api/cases?limit=200')).json()) as { items: { id: string }[] };
  const ids = page.items.map((c) => c.id);
  if (!ids.length) throw new Error('в базе нет обращений: нагрузочный прогон нужен на заполненной базе');
  const topics = ((await (await s.operator.get('/api/topics')).json()) as { items: { id: string; code: string }[] }).items;
  const subtopicId = topics.find((t) => t.code.startsWith('roads.'))!.id;
  const year = new Date().getUTCFullYear();
  const filters = [
    '', 'status=in_work', 'deadline=overdue', 'deadline=at_risk', 'regime=FZ59', 'q=%D0%B4%D0%BE%D1%80%D0%BE%D0%B3%D0%B0',
    `from=${year}-01-01&to=${year}-03-31`, 'sort=due_asc&status=assigned', 'channel=pos', 'rating=low',
  ];
  const json = { 'content-type': 'application/json' };
  return [
    { name: 'реестр с фильтрами', weight: 40, headers: s.head.headers, requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/cases?limit=50&${pick(filters)}` }) }] },
    { name: 'карточка обращения', weight: 25, headers: s.head.headers, requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/cases/${pick(ids)}` }) }] },
    { name: 'тепловая карта', weight: 8, headers: s.head.headers, requests: [{ method: 'GET', path: '/api/analytics/heatmap' }] },
    { name: 'обзор МЦУ', weight: 7, headers: s.head.headers, requests: [{ method: 'GET', path: '/api/analytics/dashboard' }] },
    {
      name: 'регистрация обращения', weight: 10, headers: { ...s.operator.headers, ...json },
      requests: [{ method: 'POST', path: '/api/cases', setupRequest: (r) => ({ ...r, body: JSON.stringify({ regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), subtopicId, text: `Нагрузочный тест: яма на дороге у дома ${Math.floor(Math.random() * 100)} по улице Мира` }) }) }],
    },
    {
      // One upload and start every two seconds: far more than a municipality imports (a few files a
      // day), yet without a cap one closed-loop connection uploaded ~9 files a second.
      name: 'импорт (загрузка + запуск)', weight: 2, rate: 1, headers: s.pos.headers,
      requests: [
        { method: 'POST', path: '/api/imports', setupRequest: (r) => { const m = multipartBody(csvImport()); return { ...r, headers: { ...s.pos.headers, 'content-type': m.type }, body: m.body }; }, onResponse: (status, body, ctx) => { if (status < 300) { const j = JSON.parse(body) as { id: string; suggestion: { mapping: unknown } }; ctx.job = j; } } },
        { method: 'POST', setupRequest: (r, ctx) => { const j = ctx.job as { id: string; suggestion: { mapping: unknown } }; return { ...r, path: `/api/imports/${j?.id ?? '00000000-0000-0000-0000-000000000000'}/start`, headers: { ...s.pos.headers, ...json }, body: JSON.stringify({ channel: 'email', mapping: j?.suggestion.mapping ?? {}, options: { status: 'received', defaultRegime: 'MESSAGE' } }) }; } },
      ],
    },
  ];
}
