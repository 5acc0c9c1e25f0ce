import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Database } from '../server/db/client';
import { runInScope, type TenantScope } from '../server/db/request-scope';
import { scopeOfTenant } from '../server/http/tenant-scope';

/** Prints a table with aligned columns (benchmarks print, they never assert). */
export function printTable(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  process.stdout.write(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map((r) => line(r.map(String))).join('\n')}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], n: s.length };
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} мс`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} МБ`;

/** Resident memory of a process from /proc (Linux). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Starts the server as `npm start` does and resolves when /api/health answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', JOBS: '0', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`сервер завершился с кодом ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { child, ms: performance.now() - t0 };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

/**
 * The scope a request of this actor runs in (row-level security, `server/db/request-scope.ts`), so
 * the measured actions pay what a request pays. BENCH_RLS=0 measures them as the table owner.
 */
export async function requestScope(database: Database, actor: { tenantId: string }): Promise<TenantScope | null> {
  if (process.env.BENCH_RLS === '0') return null;
  return scopeOfTenant(database, actor.tenantId);
}

/** fn under the scope (or as the owner when null). */
export function inScope<T>(scope: TenantScope | null, fn: () => Promise<T>): Promise<T> {
  return scope ? runInScope(scope, fn) : fn();
}
