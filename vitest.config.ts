import { defineConfig } from 'vitest/config';

/**
 * Every database test runs on PGlite; with TEST_DATABASE_URL set, the same files run again on
 * PostgreSQL. Pure unit tests (`*.unit.test.ts`) and browser tests (`test/e2e`) run once.
 */
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const dbTests = ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'];
// The CLI tests start their own processes on their own embedded databases.
const notDbTests = ['**/*.unit.test.{ts,tsx}', 'test/e2e/**', 'test/cli/**', '**/node_modules/**'];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['src/**/*.unit.test.{ts,tsx}', 'test/**/*.unit.test.{ts,tsx}', 'test/cli/**/*.test.ts'] },
      },
      {
        extends: true as const,
        test: { name: 'pglite', include: dbTests, exclude: notDbTests, env: { STADSNAV_TEST_DRIVER: 'pglite' } },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: dbTests, exclude: notDbTests, env: { STADSNAV_TEST_DRIVER: 'postgres' } },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          env: { STADSNAV_TEST_DRIVER: 'pglite' },
          // One browser at a time on a two-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
