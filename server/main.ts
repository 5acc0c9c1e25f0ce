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
    await app.close();
    await jobs?.stop();
    await database.close();
    process.exit(0);
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
