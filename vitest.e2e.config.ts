// Browser suite (npm run test:e2e): Debian's Chromium driven by playwright-core against a running app.
// tests/e2e/support/global-setup.ts uses BASE_URL when it answers, else starts `npm start` itself.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 300_000,
    // One browser at a time: two cores, and Chromium is heavy.
    fileParallelism: false,
    pool: 'forks',
  },
});
