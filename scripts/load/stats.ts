/** Latencies and outcomes of one request type during one step. */
export class Tally {
  latencies: number[] = [];
  errors = 0;
  statuses = new Map<number, number>();

  add(status: number, ms: number) {
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 400) this.errors++;
  }

  static merge(ts: Tally[]): Tally {
    const t = new Tally();
    for (const x of ts) {
      t.latencies.push(...x.latencies);
      t.errors += x.errors;
      for (const [k, v] of x.statuses) t.statuses.set(k, (t.statuses.get(k) ?? 0) + v);
    }
    return t;
  }

  percentile(p: number): number {
    if (!this.latencies.length) return NaN;
    const s = [...this.latencies].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  }
}

export function row(name: string, t: Tally, seconds: number): string {
  const f = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(0));
  const codes = [...t.statuses].filter(([c]) => c >= 400).map(([c, n]) => `${c}×${n}`).join(' ');
  return `  ${name.padEnd(28)}${String(t.latencies.length).padStart(9)}${(t.latencies.length / seconds).toFixed(1).padStart(9)}${f(t.percentile(50)).padStart(8)}${f(t.percentile(95)).padStart(8)}${f(t.percentile(99)).padStart(8)}${String(t.errors).padStart(8)}  ${codes}`;
}

export const HEADER = `  ${'запрос'.padEnd(28)}${'всего'.padStart(9)}${'в сек'.padStart(9)}${'p50 мс'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'ошибок'.padStart(8)}`;
