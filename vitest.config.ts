import { defineConfig } from 'vitest/config';

/**
 * Unit and API tests. The API tests run on the embedded database by default and on PostgreSQL when
 * PEERPATH_TEST_DB=postgres and TEST_DATABASE_URL are set (scripts/test.mjs runs both).
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
