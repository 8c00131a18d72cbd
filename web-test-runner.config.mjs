// Browser tests: real headless Chromium, the emulator started beside the dev server
// (another origin, so every call is a real cross-origin request).
import { writeFileSync } from 'node:fs';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { tsImport } from 'tsx/esm/api';
import { CHROME_ARGS, chromePath } from './test/helpers/chromium.mjs';
import { watchForStalls } from './test/helpers/stall-watch.mjs';
import { TEST_PAGE_SCRIPT, tabsPlugin } from './test/helpers/test-page.mjs';

const commonjs = fromRollup(rollupCommonjs);

/** Starts the emulator in test mode and serves its URL to tests as /__emulator.js. */
let emulator;

/**
 * The site's own proxy (src/server) at /samesurf/*, with the emulator as its upstream, and at
 * /samesurf-strict/* with a policy that keeps leader links from the page. /samesurf-agent/* is an agent portal's:
 * the agent's calls allowed, leader tokens given, and an authorize hook standing in for the agent's login (the
 * cookie `agent=signed-in`).
 */
function proxyMiddleware() {
  let listeners;
  return async (ctx, next) => {
    const mount = ['/samesurf/', '/samesurf-strict/', '/samesurf-agent/'].find((m) => ctx.path.startsWith(m));
    if (!mount) return next();
    if (!listeners) {
      const { AGENT_CALLS, createSameSurfHandler, toNodeListener } = await tsImport(
        './src/server/index.ts',
        import.meta.url,
      );
      const base = { apiKey: 'server-key', apiSecret: 'server-secret', baseUrl: emulator.apiBase, rateLimit: false };
      listeners = {
        '/samesurf/': toNodeListener(createSameSurfHandler(base)),
        '/samesurf-strict/': toNodeListener(
          createSameSurfHandler({
            ...base,
            policy: { create: { stripLeader: true, starturl: 'https://example.com/fixed' } },
          }),
        ),
        '/samesurf-agent/': toNodeListener(
          createSameSurfHandler({
            ...base,
            allow: [...AGENT_CALLS],
            policy: { find: { stripLeader: false }, create: { schedule: { allow: true, maxInvitees: 20 } } },
            authorize: ({ request }) =>
              /(^|;\s*)agent=signed-in(;|$)/.test(request.headers.get('cookie') ?? '') || { deny: 'Sign in first.' },
          }),
        ),
      };
    }
    ctx.respond = false;
    await listeners[mount](ctx.req, ctx.res);
  };
}

function emulatorPlugin() {
  return {
    name: 'samesurf-emulator',
    async serverStart({ config }) {
      const { startEmulator } = await tsImport('./src/emulator/index.ts', import.meta.url);
      // The test pages (the dev server's origin) drive the control endpoints; no other page may.
      const scheme = config.http2 ? 'https' : 'http';
      const hosts = new Set([config.hostname, 'localhost', '127.0.0.1']);
      const controlOrigins = [...hosts].map((h) => `${scheme}://${h}:${config.port}`);
      emulator = await startEmulator({ testMode: true, controlOrigins });
    },
    async serverStop() {
      await emulator?.close();
    },
    serve(context) {
      if (context.path === '/__emulator.js') {
        return { body: `export const base = ${JSON.stringify(emulator.url)};\n`, type: 'js' };
      }
    },
  };
}

/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`: any CSS media
 * feature through the DevTools protocol (the stock emulate-media command knows only colour scheme and motion).
 */
function mediaFeaturesPlugin() {
  const sessions = new Map();
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.target().createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: payload ?? [] });
      return true;
    },
  };
}

/**
 * POST /__token: what a site's own token endpoint does for `token-url`: mint an HS256 token
 * with a secret the page never sees (here the emulator's HS256-only `server-key`).
 * POST /__token-hang: one that never answers.
 */
function tokenEndpoint() {
  let signJwt;
  return async (ctx, next) => {
    if (ctx.path === '/__token-hang' && ctx.method === 'POST') {
      // A token endpoint that never answers: held until the page gives up (aborts) or the runner stops.
      ctx.status = 200;
      ctx.respond = false;
      await new Promise((resolve) => ctx.req.socket.once('close', resolve));
      return;
    }
    if (ctx.path !== '/__token' || ctx.method !== 'POST') return next();
    signJwt ??= (await tsImport('./src/api/jwt.ts', import.meta.url)).signJwt;
    const token = await signJwt('HS256', { iat: Math.floor(Date.now() / 1000), sub: 'server-key' }, 'server-secret');
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify({ token });
  };
}

/** React's CommonJS files choose their build by `process.env.NODE_ENV`, which a browser does not have (test/react.test.ts). */
function reactNodeEnv() {
  return {
    name: 'react-node-env',
    transform(context) {
      if (/\/node_modules\/(react|react-dom|scheduler)\//.test(context.path) && typeof context.body === 'string')
        return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    },
  };
}

/** Writes pass/fail counts for test/run-all.mjs to sum with the other suites. */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite.tests) counts[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length)
          counts.failed++;
        else if (session.errors?.length) counts.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 1,
  // Every test file starts with its own page in front, and each test starts and ends so; a failure is always reported
  // (test/helpers/test-page.mjs says what used to stall a file).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script type="module">
      import { executeServerCommand } from '@web/test-runner-commands';
      ${TEST_PAGE_SCRIPT}
      await executeServerCommand('tidy-tabs');
      await import('${testFramework}');
    </script>
  </body>
</html>`,
  testsFinishTimeout: 180_000,
  // Generous: a shared, loaded machine can be slow; a test never asserts a wall time.
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    watchForStalls(
      chromeLauncher({
        launchOptions: {
          executablePath: chromePath(),
          headless: true,
          // As Playwright launches Chromium for tests: a test page left behind a tab the test opened (open="tab", the
          // hidden-page tests) keeps its timers at full speed, instead of stalling the file past testsFinishTimeout.
          args: [
            ...CHROME_ARGS,
            '--disable-background-timer-throttling',
            '--disable-backgrounding-occluded-windows',
            '--disable-renderer-backgrounding',
          ],
        },
      }),
    ),
  ],
  middleware: [tokenEndpoint(), proxyMiddleware()],
  plugins: [
    emulatorPlugin(),
    tabsPlugin(),
    mediaFeaturesPlugin(),
    // The accessibility tree as the browser gives it to assistive technology (accessible names).
    a11ySnapshotPlugin(),
    // Screenshots against the baselines in test/visual/ (SAMESURF_UPDATE_VISUALS=1 writes new ones: look at each).
    visualRegressionPlugin({
      update: process.env.SAMESURF_UPDATE_VISUALS === '1',
      baseDir: 'test/visual',
      diffOptions: { threshold: 0.2 },
      failureThreshold: 0.5,
      failureThresholdType: 'percent',
    }),
    reactNodeEnv(),
    commonjs({
      include: ['jsrsasign', 'react', 'react-dom', 'scheduler'].map((p) => `**/node_modules/${p}/**`),
      strictRequires: false,
      // A require() of another CommonJS file gets its module.exports even when the dev server asks for it before it
      // has seen that file is CommonJS (React: otherwise react-dom gets a namespace object instead of React).
      requireReturnsDefault: true,
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env.SAMESURF_WTR_COUNTS)],
};
