import { benchStartup } from './startup.bench';
import { benchRegister } from './register.bench';

/**
 * `npm run bench [-- --only startup,register] [--cases 1000000] [--demo-cases 20000]`
 * Prints tables; never asserts timings. Sections that need PostgreSQL use BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and create their own database.
 */
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const only = new Set(arg('only', 'startup,register').split(','));
const cases = Number(arg('cases', '1000000'));
const kinds = arg('db', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
if (only.has('startup')) await benchStartup({ demoCases: Number(arg('demo-cases', '20000')) });
if (only.has('register')) await benchRegister({ cases, kinds });
