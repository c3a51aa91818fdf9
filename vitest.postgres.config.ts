// PostgreSQL-only integration tests (npm run test:postgres, needs DATABASE_URL): the database suite of
// `npm test` again on PostgreSQL, plus what only a real server can show (concurrent migrators).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/integration/**/*.test.ts'],
    exclude: ['tests/integration/db/pglite-*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
