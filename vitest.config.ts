import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

/**
 * Two projects: pure unit tests, and integration tests that each build a fresh database from the
 * migrations. Which engine the integration project uses comes from CUT_TEST_ENGINE (pglite or
 * postgres); scripts/test.ts runs it once per engine, so nothing here skips itself.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', pool: 'threads' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/integration/global-setup.ts'],
        },
      },
    ],
  },
});
