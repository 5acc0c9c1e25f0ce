import { httpSession, type HttpSession } from '../http-session';

/** What the server acknowledged (a 2xx answer) before it was killed: none of it may be lost. */
export interface Acks {
  importJobId: string | null;
  importStarted: boolean;
  /** case id → the lifecycle actions acknowledged for it, in order. */
  cases: Map<string, string[]>;
  retrainStarted: boolean;
  requests: number;
}

export const IMPORT_CHANNEL = 'email';

/** A CSV of `rows` rows with source ids: every 37th row has no id (quarantine), every 50th repeats an earlier id. */
export function importCsv(rows: number, seed: number): { data: Buffer; sourceIds: Set<string>; blanks: number } {
  const lines = ['Номер;Дата поступления;Текст;Тематика'];
  const sourceIds = new Set<string>();
  let blanks = 0;
  for (let i = 1; i <= rows; i++) {
    const id = i % 37 === 0 ? '' : i % 50 === 0 ? `K${seed}-${i - 7}` : `K${seed}-${i}`;
    if (id) sourceIds.add(id);
    else blanks++;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`${id};${day}.10.2026 ${String(i % 24).padStart(2, '0')}:10;Обращение ${i}: не вывозят мусор с площадки у дома ${i % 60} по улице Садовой;${i % 2 ? 'ЖКХ' : 'Благоустройство'}`);
  }
  return { data: Buffer.from(lines.join('\n')), sourceIds, blanks };
}

interface Sessions {
  pos: HttpSession;
  operator: HttpSession;
  head: HttpSession;
  exec: HttpSession;
}

export async function signInAll(url: string): Promise<Sessions> {
  const [pos, operator, head, exec] = await Promise.all(['pos', 'operator', 'head', 'exec.kamenskoe'].map((l) => httpSession(url, l)));
  return { pos, operator, head, exec };
}

/** Uploads the CSV and starts the import; records each acknowledged step. */
export async function runImport(s: Sessions, csv: Buffer, acks: Acks): Promise<void> {
  const up = await s.pos.upload('/api/imports', 'crash.csv', csv);
  acks.requests++;
  if (!up.ok) throw new Error(`загрузка импорта: ${up.status} ${await up.text()}`);
  const job = (await up.json()) as { id: string; suggestion: { mapping: unknown } };
  acks.importJobId = job.id;
  const st = await s.pos.send('POST', `/api/imports/${job.id}/start`, { channel: IMPORT_CHANNEL, mapping: job.suggestion.mapping, options: { status: 'received', defaultRegime: 'MESSAGE' } });
  acks.requests++;
  if (!st.ok) throw new Error(`запуск импорта: ${st.status} ${await st.text()}`);
  acks.importStarted = true;
}

/**
 * Registers cases and takes each through assign → accept → submit (an answer) → approve, one
 * request at a time, until `stop()` or an error (the server died). Every acknowledged step is kept.
 */
export async function runLifecycles(s: Sessions, ctx: { recipientId: string; subtopicId: string }, acks: Acks, stop: () => boolean): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const created = await s.operator.send('POST', '/api/cases', {
      regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), subtopicId: ctx.subtopicId,
      text: `Сообщение ${n}: на улице Мира, ${n % 30} не работает уличное освещение уже неделю`,
    });
    acks.requests++;
    if (!created.ok) throw new Error(`регистрация: ${created.status}`);
    const id = ((await created.json()) as { id: string }).id;
    const done: string[] = ['register'];
    acks.cases.set(id, done);
    const steps: [HttpSession, string, string, unknown][] = [
      [s.head, 'assign', 'assign', { recipientId: ctx.recipientId }],
      [s.exec, 'accept', 'accept', {}],
      [s.exec, 'submit', 'submit_answer', { text: `Ответ ${n}: замена ламп на улице Мира выполнена, освещение восстановлено.` }],
      [s.head, 'approve', 'approve_answer', {}],
    ];
    for (const [who, path, action, body] of steps) {
      if (stop()) return;
      const res = await who.send('POST', `/api/cases/${id}/${path}`, body);
      acks.requests++;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      done.push(action);
    }
  }
}

/** «Переобучить сейчас»: a background job run that the kill may interrupt. */
export async function runRetrain(s: Sessions, acks: Acks): Promise<void> {
  const res = await s.head.send('POST', '/api/classify/retrain', {});
  acks.requests++;
  if (res.ok) acks.retrainStarted = true;
}

export async function lookups(s: Sessions): Promise<{ recipientId: string; subtopicId: string }> {
  const recipients = ((await (await s.head.get('/api/recipients')).json()) as { items: { id: string; code: string }[] }).items;
  const topics = ((await (await s.head.get('/api/topics')).json()) as { items: { id: string; code: string }[] }).items;
  return { recipientId: recipients.find((r) => r.code === 'admin-kamenskoe')!.id, subtopicId: topics.find((t) => t.code.startsWith('roads.'))!.id };
}
