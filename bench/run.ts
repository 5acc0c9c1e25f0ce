import { benchStartup } from './startup.bench';
import { benchRegister } from './register.bench';
import { benchIntake } from './intake.bench';
import { benchAnalytics } from './analytics.bench';
import { benchReports } from './reports.bench';
import { benchProblems } from './problems.bench';

/**
 * `npm run bench [-- --only startup,register,intake,analytics,problems] [--cases 1000000] [--db pglite,postgres] [--demo-cases 20000] [--repeat 3]`
 * (`npm run bench:classify` measures the text classifier on the real dataset.)
 * Prints tables; never asserts timings. Sections that need PostgreSQL use BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and create their own database.
 */
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const only = new Set(arg('only', 'startup,register,intake,analytics,reports').split(','));
const cases = Number(arg('cases', '1000000'));
const kinds = arg('db', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
if (only.has('startup')) await benchStartup({ demoCases: Number(arg('demo-cases', '20000')) });
if (only.has('register')) await benchRegister({ cases, kinds });
if (only.has('intake')) await benchIntake({ targets: kinds, repeat: Number(arg('repeat', '3')) });
if (only.has('analytics')) await benchAnalytics({ cases, kinds });
if (only.has('reports')) await benchReports({ cases, kinds });
if (only.has('problems')) await benchProblems({ cases, kinds });
