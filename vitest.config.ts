// Unit and integration tests (npm test). Browser tests live in tests/e2e and run with `npm run test:e2e`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Needs a real PostgreSQL server: `npm run test:postgres` (run by .ci/run).
    exclude: ['tests/integration/postgres/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tfjs and PGlite are heavy: two cores, so two forks at most.
    pool: 'forks',
    maxWorkers: 2,
  },
});
