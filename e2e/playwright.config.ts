// Browser journeys (Playwright + axe-core) against the release build in dist/, served with the
// demo API from one origin. Run from the repo root:
//   npx playwright test --config e2e/playwright.config.ts
// The tests share one demo API and reset it before each test, so they run one at a time.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT || 8091);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  outputDir: path.join(__dirname, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 375, height: 667 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // E2E_DEMO_API: another demo-api binary (e.g. one built with its own CARGO_TARGET_DIR).
      command: `${process.env.E2E_DEMO_API || 'target/release/demo-api'} --port ${port} --static-dir ${process.env.E2E_DIST || 'dist'} --test-controls`,
      cwd: root,
      url: `${baseURL}/api/services`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The pseudo-locale build (`make build-pseudo`) for e2e/pseudo.spec.ts.
      command: `${process.env.E2E_DEMO_API || 'target/release/demo-api'} --port ${port + 1} --static-dir dist-pseudo --test-controls`,
      cwd: root,
      url: `http://127.0.0.1:${port + 1}/api/services`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
