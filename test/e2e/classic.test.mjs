// End-to-end tests of the classic-script files as CMSs and tag managers ship them: the loader
// (samesurf-launcher.iife.js) by src, pasted inline, with a global, concatenated into another bundle, injected late
// and loaded twice; the single file (samesurf-launcher.bundle.js) alone and pasted inline. Debian's Chromium
// (playwright-core) against the emulator; every page under a strict Content-Security-Policy with a nonce (or a hash)
// for its inline scripts, as a careful site sends it.
//
// Two local servers stand for the two parties: "site" serves the pages and the site's own scripts; "cdn" serves
// dist/cdn/ on another origin with CORS, as jsDelivr and unpkg do. SAMESURF_DIST runs the suite against another build.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, chromePath } from '../helpers/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.SAMESURF_DIST ?? join(ROOT, 'dist');
const CDN_DIR = join(DIST, 'cdn');
const LOADER = 'samesurf-launcher.iife.js';
const BUNDLE = 'samesurf-launcher.bundle.js';
/** dist/cdn/*.js as the suite started ('/dist/cdn/…' → text): a rebuild during the run cannot pull files away. */
const cdnFiles = new Map();
function snapshot(dir, prefix = '/dist/cdn/') {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) snapshot(path, `${prefix}${name}/`);
    else if (name.endsWith('.js')) cdnFiles.set(prefix + name, readFileSync(path, 'utf8'));
  }
}
const read = (name) => {
  const text = cdnFiles.get(`/dist/cdn/${name}`);
  assert.ok(text, `${CDN_DIR}/${name} is missing: run \`npm run build\` first`);
  return text;
};

/** A static server that logs every request path and answers from `routes` (path → { body, headers }). */
async function serve({ routes = new Map(), cors = false }) {
  const log = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push(path);
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    const route = routes.get(path);
    if (route) {
      res.writeHead(200, { ...headers, ...route.headers }).end(route.body);
      return;
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    routes,
    log,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

const js = (body) => ({ body, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

let emulator;
let site;
let cdn;
let browser;
before(async () => {
  const { startEmulator } = await import(join(DIST, 'emulator/index.js'));
  emulator = await startEmulator({ port: 0, testMode: true });
  snapshot(CDN_DIR);
  site = await serve({});
  cdn = await serve({ routes: new Map([...cdnFiles].map(([path, text]) => [path, js(text)])), cors: true });
  browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await cdn?.close();
  await emulator?.close();
});

/** Records what the tests check: CSP violations and samesurf-error events (inline, under the page's nonce). */
const WATCH = `window.__violations = []; window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
document.addEventListener('samesurf-error', (e) => window.__errors.push(e.detail.code));`;

let pages = 0;
const launcher = (id, label = 'Co-browse') =>
  `<samesurf-launcher id="${id}" api-key="demo-key" api-base="${emulator.apiBase}" ` +
  `realtime-origin="${emulator.url}" start-url="https://example.com/${id}">${label}</samesurf-launcher>`;

/**
 * Serves one page under a strict policy and opens it in a fresh context. `head(nonce)` returns the scripts;
 * `scriptSrc` adds sources to script-src (the cdn origin by default; a hash for a pasted single file).
 */
async function openPage({ head, body = '', scriptSrc = [cdn.url], files = {} }) {
  const nonce = randomBytes(12).toString('base64');
  const path = `/site/page-${++pages}.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Classic script</title>
<script nonce="${nonce}">${WATCH}</script>
${head(nonce)}
</head><body>${body || launcher('one')}</body></html>`;
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' ${scriptSrc.join(' ')}`,
    "style-src 'self'",
    `connect-src ${emulator.url}`,
    `frame-src ${emulator.url}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  site.routes.set(path, {
    body: html,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp },
  });
  for (const [p, body] of Object.entries(files)) site.routes.set(p, js(body));

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  let waiting = [];
  const onError = (text) => {
    consoleErrors.push(text);
    waiting = waiting.filter(({ re, resolve }) => !(re.test(text) && (resolve(text), true)));
  };
  /** The first console error that matches, logged already or still to come. */
  const consoleError = (re) =>
    consoleErrors.find((e) => re.test(e)) ?? new Promise((resolve) => waiting.push({ re, resolve }));
  page.on('console', (m) => m.type() === 'error' && onError(m.text()));
  page.on('pageerror', (e) => onError(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  site.log.length = 0;
  cdn.log.length = 0;
  await page.goto(`${site.url}${path}`);
  return { page, context, consoleErrors, consoleError, requests };
}

const defined = (page) => page.waitForFunction(() => customElements.get('samesurf-launcher') !== undefined);

/** A real click on the launcher's button; resolves with the room page's heading once it shows in the dialog. */
async function clickAndSeeRoom(page, sel = '#one') {
  const before = emulator.requests().create ?? 0;
  await page.locator(`${sel} >> [part~="button"]`).click();
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('state') === 'open', sel);
  const frame = page.frameLocator(`${sel} >> iframe`);
  await frame.locator('h1').waitFor();
  assert.equal(emulator.requests().create, before + 1, 'the click created one room');
  return (await frame.locator('h1').textContent()).trim();
}

/** A page that works: defined, a room by a real click, no console error, no CSP violation. */
async function assertWorks({ page, consoleErrors }, sel = '#one') {
  await defined(page);
  assert.match(await clickAndSeeRoom(page, sel), /^Co-browsing room \d{9}$/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
  assert.deepEqual(await page.evaluate(() => window.__errors), [], 'no samesurf-error');
  assert.deepEqual(consoleErrors, []);
}

const base = () => `${cdn.url}/dist/cdn/`;
const entryRequests = (log) => log.filter((p) => p === '/dist/cdn/samesurf-launcher.js').length;

describe('the classic-script loader (samesurf-launcher.iife.js)', () => {
  it('by src from the CDN: loads the entry beside it', async () => {
    const t = await openPage({ head: () => `<script src="${base()}${LOADER}"></script>` });
    try {
      await assertWorks(t);
      assert.equal(entryRequests(cdn.log), 1);
    } finally {
      await t.context.close();
    }
  });

  it('pasted inline with data-base: loads the entry from that folder', async () => {
    const t = await openPage({
      head: (n) => `<script nonce="${n}" data-base="${base()}">${read(LOADER)}</script>`,
    });
    try {
      await assertWorks(t);
      assert.equal(entryRequests(cdn.log), 1);
      assert.ok(!site.log.some((p) => p.endsWith('/samesurf-launcher.js')), 'nothing guessed next to the page');
    } finally {
      await t.context.close();
    }
  });

  it('pasted inline with window.SameSurfLauncherBase set before it (no trailing slash)', async () => {
    const t = await openPage({
      head: (n) =>
        `<script nonce="${n}">window.SameSurfLauncherBase = ${JSON.stringify(base().slice(0, -1))};</script>
<script nonce="${n}">${read(LOADER)}</script>`,
    });
    try {
      await assertWorks(t);
      assert.equal(entryRequests(cdn.log), 1);
    } finally {
      await t.context.close();
    }
  });

  it("concatenated after another script into one file in the site's own folder, data-base on its tag", async () => {
    const t = await openPage({
      head: () => `<script src="/assets/site.min.js" data-base="${base()}"></script>`,
      files: { '/assets/site.min.js': `window.siteCode = 'ran';\n${read(LOADER)}` },
    });
    try {
      await assertWorks(t);
      assert.equal(await t.page.evaluate(() => window.siteCode), 'ran');
      assert.equal(entryRequests(cdn.log), 1);
      assert.ok(!site.log.includes('/assets/samesurf-launcher.js'), 'nothing guessed next to the bundle');
    } finally {
      await t.context.close();
    }
  });

  it('concatenated into a tag-manager container that sets window.SameSurfLauncherBase first', async () => {
    const t = await openPage({
      head: () => `<script src="/assets/container.js"></script>`,
      files: {
        '/assets/container.js': `window.SameSurfLauncherBase = ${JSON.stringify(base())};\n${read(LOADER)}`,
      },
    });
    try {
      await assertWorks(t);
    } finally {
      await t.context.close();
    }
  });

  it('injected after DOMContentLoaded (and after load), as tag managers do', async () => {
    const t = await openPage({
      head: (n) => `<script nonce="${n}">
addEventListener('load', () => setTimeout(() => {
  window.injectedWhen = document.readyState;
  const s = document.createElement('script');
  s.src = ${JSON.stringify(base() + LOADER)};
  document.head.append(s);
}));
</script>`,
    });
    try {
      await assertWorks(t);
      assert.equal(await t.page.evaluate(() => window.injectedWhen), 'complete');
    } finally {
      await t.context.close();
    }
  });

  it('loaded twice by src, once pasted inline, plus the ES module entry: one entry request, two launchers work', async () => {
    const t = await openPage({
      head: (n) => `<script type="module" src="${base()}samesurf-launcher.js"></script>
<script src="${base()}${LOADER}"></script>
<script nonce="${n}" data-base="${base()}">${read(LOADER)}</script>
<script src="${base()}${LOADER}"></script>`,
      body: launcher('one', 'One') + launcher('two', 'Two'),
    });
    try {
      await assertWorks(t, '#one');
      await t.page.keyboard.press('Escape');
      await t.page.waitForFunction(() => document.querySelector('#one').getAttribute('state') === 'live');
      assert.match(await clickAndSeeRoom(t.page, '#two'), /Co-browsing room/);
      assert.equal(entryRequests(cdn.log), 1, 'the entry is fetched and evaluated once');
      assert.deepEqual(t.consoleErrors, []);
    } finally {
      await t.context.close();
    }
  });

  it('pasted inline without a base: fetches nothing, and the console names data-base and the global', async () => {
    const t = await openPage({
      head: (n) => `<script nonce="${n}">${read(LOADER)}</script>`,
    });
    try {
      const error = await t.consoleError(/<samesurf-launcher>/);
      assert.match(error, /cannot tell where samesurf-launcher\.js is.*data-base.*window\.SameSurfLauncherBase/);
      assert.match(error, /samesurf-launcher\.bundle\.js/, 'points at the single file');
      assert.equal(t.consoleErrors.length, 1, t.consoleErrors.join('\n'));
      assert.ok(!site.log.some((p) => p.endsWith('.js')), `no guessed request: ${site.log}`);
      assert.deepEqual(
        t.requests.filter((u) => !u.endsWith('.html')),
        [],
        'no guessed request next to the page',
      );
      assert.equal(await t.page.evaluate(() => customElements.get('samesurf-launcher')), undefined);
    } finally {
      await t.context.close();
    }
  });

  it('pasted inline without a base, with the ES module entry on the page too: quiet, and it works', async () => {
    const t = await openPage({
      head: (n) => `<script nonce="${n}">${read(LOADER)}</script>
<script type="module" src="${base()}samesurf-launcher.js"></script>`,
    });
    try {
      await assertWorks(t);
    } finally {
      await t.context.close();
    }
  });

  it('concatenated with no base: the failed import is reported with its URL and how to fix it', async () => {
    const t = await openPage({
      head: () => `<script src="/assets/all.js"></script>`,
      files: { '/assets/all.js': `window.siteCode = 'ran';\n${read(LOADER)}` },
    });
    try {
      const error = await t.consoleError(/<samesurf-launcher>: could not load/);
      assert.ok(error.includes(`${site.url}/assets/samesurf-launcher.js`), error);
      assert.match(error, /data-base.*window\.SameSurfLauncherBase/);
    } finally {
      await t.context.close();
    }
  });
});

describe('the single file (samesurf-launcher.bundle.js)', () => {
  it('alone, with no other file reachable: defines the element and a click makes a room, no other request', async () => {
    // Only the site's copy of the single file exists; the CDN origin is not even allowed by the policy.
    const t = await openPage({
      head: () => `<script src="/vendor/${BUNDLE}"></script>`,
      files: { [`/vendor/${BUNDLE}`]: read(BUNDLE) },
      scriptSrc: [],
    });
    try {
      await assertWorks(t);
      assert.deepEqual(cdn.log, [], 'nothing asked of the CDN');
      assert.ok(!site.log.some((p) => p.includes('/dist/cdn') || p.startsWith('/vendor/chunks')), site.log.join());
      const ours = t.requests.filter((u) => !u.startsWith(emulator.url));
      assert.deepEqual(
        ours.map((u) => new URL(u).pathname),
        [new URL(t.page.url()).pathname, `/vendor/${BUNDLE}`],
        'the page and the single file, nothing else of ours',
      );
    } finally {
      await t.context.close();
    }
  });

  it('pasted inline, allowed by the policy through its hash alone', async () => {
    const code = read(BUNDLE);
    assert.doesNotMatch(code, /<\/script|<!--/i, 'safe to paste inside <script>');
    const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    const t = await openPage({ head: () => `<script>${code}</script>`, scriptSrc: [hash] });
    try {
      await assertWorks(t);
      assert.deepEqual(cdn.log, []);
      assert.deepEqual(
        t.requests.filter((u) => !u.startsWith(emulator.url)).map((u) => new URL(u).pathname),
        [new URL(t.page.url()).pathname],
        'no request of ours besides the page',
      );
    } finally {
      await t.context.close();
    }
  });

  it('beside the loader and the ES module entry on one page: harmless, the element works', async () => {
    const t = await openPage({
      head: (n) => `<script src="${base()}${BUNDLE}"></script>
<script nonce="${n}">window.definedBefore = customElements.get('samesurf-launcher') !== undefined;</script>
<script src="${base()}${LOADER}"></script>
<script type="module" src="${base()}samesurf-launcher.js"></script>`,
    });
    try {
      await assertWorks(t);
      assert.equal(await t.page.evaluate(() => window.definedBefore), true, 'the single file defines it at once');
    } finally {
      await t.context.close();
    }
  });
});
