import { defineConfig } from 'vitest/config';

// One runner for every test: pure domain and screen-logic tests, database tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), HTTP tests through fastify.inject, and the browser journeys in e2e/.
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets scripts print the plain «N passed, N failed» line after the run.
    reporters: ['default', ['json', { outputFile: 'tmp/vitest-report.json' }]],
  },
});
