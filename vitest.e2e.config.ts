import { defineConfig } from 'vitest/config';

/** Browser tests: one file at a time (a browser and a server each), against the built web app. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts', 'test/setup/web.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
