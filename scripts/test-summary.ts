import { existsSync, readFileSync } from 'node:fs';

/** Prints the plain closing line «N passed, N failed, N skipped» from vitest's JSON report. */
const file = 'tmp/vitest-report.json';
if (existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  process.stdout.write(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`);
}
