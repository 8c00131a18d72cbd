// The one place that knows where Chromium is and how it runs here (as root, headless, no network of its own):
// the test runner, the browser and end-to-end tests and the benchmarks all launch it from this.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** CHROME_PATH, or the first Chrome or Chromium found; undefined when there is none. */
export function chromePath() {
  return process.env.CHROME_PATH || CANDIDATES.find((p) => existsSync(p));
}

/** Flags for root on a machine whose only network is loopback (background services would knock on closed doors). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
