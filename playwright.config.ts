// Two projects run the same specs: `browser` drives Chromium against the browser host (works
// everywhere), `electron` drives the real desktop app where an Electron binary exists and reports
// every spec skipped, with the reason, where none does.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/support/skipReasonReporter.ts'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: { host: 'browser' } as Record<string, unknown> },
    { name: 'electron', use: { host: 'electron' } as Record<string, unknown> },
  ],
});
