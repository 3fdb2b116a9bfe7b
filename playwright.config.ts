import { defineConfig } from '@playwright/test';

// CUT_E2E_PORT lets two checkouts run their e2e suites side by side.
const PORT = Number(process.env.CUT_E2E_PORT ?? 3107);
const DATA_DIR = '.test-data/e2e';
/** The first admin the server creates; tests/e2e/auth-setup.spec.ts signs in as it once for every spec. */
export const E2E_ADMIN = { email: 'admin@cut.test', password: 'e2e admin password, not secret' };
export const ADMIN_STATE = 'test-results/e2e/.auth/admin.json';

/**
 * End-to-end tests drive the real product (`npm start`: migrate, demo data, build, serve) in the
 * system Chromium; a browser is never downloaded. The data folder is emptied in the server command
 * itself because Playwright starts its webServer before any globalSetup runs.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  projects: [
    { name: 'setup', testMatch: /auth-setup\.spec\.ts/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /auth-setup\.spec\.ts/,
      use: { storageState: ADMIN_STATE },
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node -e "require('node:fs').rmSync('${DATA_DIR}', { recursive: true, force: true })" && npm start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: {
      PORT: String(PORT),
      CUT_DATA_DIR: DATA_DIR,
      CUT_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      CUT_ADMIN_EMAIL: E2E_ADMIN.email,
      CUT_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore', // the build log and a throwaway admin key; start-up failures go to stderr
    stderr: 'pipe',
  },
});
