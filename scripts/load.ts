/**
 * Load test: replays a realistic mix (register with filters, case card, heat map, dashboard,
 * registration, import) with autocannon against a running server, signed in as demo users.
 *
 *   npm run load -- [--url http://127.0.0.1:3000] [--duration 300] [--step 30] [--levels 4,8,16,32,64,128] [--connections N]
 *   npm run load -- --start ...   # start a server here first (DATABASE_URL of an existing database, or PGlite in DATA_DIR)
 *
 * First it steps the connection count (--step seconds each) and finds the highest rate whose p99 is
 * under 500 ms without errors, then holds that level for --duration seconds and reports it. With
 * --connections N the search is skipped.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { httpSession } from '../server/ops/http-session';
import { startServer, type ServerProcess } from '../server/ops/server-process';
import { buildMix, type MixItem } from './load/mix';
import { HEADER, row, Tally } from './load/stats';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    duration: { type: 'string', default: '300' },
    step: { type: 'string', default: '30' },
    levels: { type: 'string', default: '4,8,16,32,64,128' },
    connections: { type: 'string' },
    start: { type: 'boolean', default: false },
    'p99-limit': { type: 'string', default: '500' },
  },
});
const out = (s: string) => process.stdout.write(s + '\n');
const P99_LIMIT = Number(values['p99-limit']);

interface StepResult { level: number; connections: number; seconds: number; overall: Tally; byType: [string, Tally][] }

async function step(url: string, mix: MixItem[], connections: number, seconds: number): Promise<StepResult> {
  const total = mix.reduce((a, m) => a + m.weight, 0);
  // Each request type gets its share of the connections, at least one: the real total is reported.
  // Types with a `rate` (writes that a municipality makes a few times a day) are also held to it.
  const shares = mix.map((m) => Math.max(1, Math.round((connections * m.weight) / total)));
  const byType = mix.map((m) => [m.name, new Tally()] as [string, Tally]);
  await Promise.all(mix.map((m, i) => new Promise<void>((resolve, reject) => {
    const tally = byType[i][1];
    const inst = autocannon({ url, connections: shares[i], duration: seconds, timeout: 30, headers: m.headers, requests: m.requests, ...(m.rate ? { overallRate: m.rate } : {}) }, (err) => (err ? reject(err) : resolve()));
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => tally.add(status, ms));
    inst.on('reqError', () => tally.add(599, 30_000));
  })));
  return { level: connections, connections: shares.reduce((a, b) => a + b, 0), seconds, overall: Tally.merge(byType.map(([, t]) => t)), byType };
}

function print(r: StepResult, title: string) {
  out(`\n${title}: ${r.connections} соединений, ${r.seconds} с`);
  out(HEADER);
  for (const [name, t] of r.byType) out(row(name, t, r.seconds));
  out(row('ИТОГО', r.overall, r.seconds));
}

const ok = (r: StepResult) => r.overall.errors === 0 && r.overall.percentile(99) < P99_LIMIT;

let server: ServerProcess | null = null;
try {
  let url = values.url;
  if (values.start) {
    server = await startServer({ ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), DEMO_CASES: process.env.DEMO_CASES ?? '20000', LOG_LEVEL: 'error' });
    url = server.url;
    out(`Сервер запущен: ${url}`);
  }
  const [head, operator, pos] = await Promise.all(['head', 'operator', 'pos'].map((l) => httpSession(url, l)));
  const mix = await buildMix({ head, operator, pos });
  let best: StepResult | null = null;
  if (values.connections) {
    best = { level: Number(values.connections), connections: Number(values.connections), seconds: 0, overall: new Tally(), byType: [] };
  } else {
    for (const c of values.levels.split(',').map(Number)) {
      const r = await step(url, mix, c, Number(values.step));
      print(r, `Ступень`);
      if (!ok(r)) {
        out(`  → p99 ${r.overall.percentile(99).toFixed(0)} мс, ошибок ${r.overall.errors}: предел достигнут`);
        break;
      }
      best = r;
    }
  }
  if (!best) {
    out(`\nДаже на первой ступени p99 ≥ ${P99_LIMIT} мс или есть ошибки.`);
    process.exitCode = 1;
  } else {
    const held = await step(url, mix, best.level, Number(values.duration));
    print(held, 'Удержание');
    const rps = held.overall.latencies.length / held.seconds;
    out(`\nИтог: ${held.connections} соединений, ${rps.toFixed(1)} запросов/с, p50 ${held.overall.percentile(50).toFixed(0)} мс, p95 ${held.overall.percentile(95).toFixed(0)} мс, p99 ${held.overall.percentile(99).toFixed(0)} мс, ошибок ${held.overall.errors} — ${ok(held) ? `держит (p99 < ${P99_LIMIT} мс, без ошибок)` : 'НЕ держит'}.`);
    if (!ok(held)) process.exitCode = 1;
  }
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
