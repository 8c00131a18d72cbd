// The README's playwright.config.ts with this machine's browser: Debian's Chromium, never a download.
import { defineConfig } from '@playwright/test';
import config from './playwright.config';

export default defineConfig({
  ...config,
  reporter: 'line',
  outputDir: 'test-results',
  use: {
    ...config.use,
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
});
