import { loadEnv } from './env';
import { createLogger } from './logger';
import { bootDatabase } from './boot';
import { buildApp } from './app';
import { startJobs } from './jobs/start-jobs';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-users';
import { BUILT_IN_ROLES } from '../domain/auth/roles';

const started = Date.now();
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const { database } = await bootDatabase(env, (msg) => logger.info(msg));
const app = await buildApp({ database, env, clock: () => new Date(), logger });
await app.listen({ port: env.PORT, host: env.HOST });
const jobs = env.JOBS === '1' ? await startJobs({ database, env, clock: () => new Date(), log: logger }) : null;

const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${(app.server.address() as { port: number }).port}`;
printBanner(url);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'остановка: закрываю HTTP и базу данных');
    // A stuck request must not keep the process alive forever; the database is closed in any case
    // (PGlite flushes its files on close: a killed process would leave them to WAL recovery).
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    let code = 0;
    try {
      await app.close();
      await jobs?.stop();
    } catch (e) {
      logger.error({ err: e }, 'ошибка при остановке');
      code = 1;
    } finally {
      await database.close().catch(() => (code = 1));
    }
    process.exit(code);
  });
}

function printBanner(address: string) {
  const roleName = new Map(BUILT_IN_ROLES.map((r) => [r.code, r.name]));
  const lines = [
    '',
    `МЦУ запущен: ${address}   (база: ${database.kind === 'pglite' ? `встроенная PGlite в ${env.DATA_DIR}/db` : 'PostgreSQL'}, старт ${((Date.now() - started) / 1000).toFixed(1)} с)`,
    `Документация API: ${address}/api/docs`,
  ];
  if (env.DEMO === '1') {
    lines.push(`Демо-пользователи (пароль у всех: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.login.padEnd(20)} ${roleName.get(u.role) ?? u.role}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
