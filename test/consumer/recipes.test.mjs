// The README's recipes, run as a site's developer would run them: `npm pack`, the tarball installed into
// test/consumer (apps with their own lock and tools: TypeScript 5.9, Vite, Next.js, Vue, Angular, Svelte, Express,
// Workers types, vitest, Playwright Test), every marked README block written into its app
// (scripts/readme-recipes.mjs), then per app: type-checked as strictly as the framework allows; React, Next.js,
// Vue, Svelte and plain HTML built, served and clicked in Chromium until the room opens and the app's own handler
// has the room; Express and the Workers handler run against the emulator; the vitest and Playwright recipes run.
//
// Builds the package first unless SAMESURF_BUILT=1 (npm test builds once for every stage). The consumer's
// node_modules is installed with `npm ci` only when missing or older than its lock.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHROME_ARGS, chromePath } from '../helpers/chromium.mjs';
import { extractRecipes, WORK, writeRecipes } from '../../scripts/readme-recipes.mjs';
import {
  CONSUMER,
  freePort,
  installConsumer,
  installTarball,
  MODULES,
  PACKAGE,
  pack,
  ROOT,
  run,
  serveFile,
  start,
  startSite,
  tool,
  waitForHttp,
} from './harness.mjs';

/** The README to take the recipes from (another one to prove that a broken recipe fails: prove-checks.mjs). */
const README = process.env.SAMESURF_README ?? join(ROOT, 'README.md');
const REALTIME = 'https://realtime.samesurf.com';
const CDN = 'https://cdn.jsdelivr.net/npm/';
const app = (name) => join(WORK, name);
/**
 * `tsc -p` with an incremental cache in the app's work copy (.cache/, kept between runs): a warm run re-checks only
 * what changed (the recipes, or the package's types when their text changed).
 */
const tsc = (project, ...flags) => {
  const dir = project.endsWith('.json') ? dirname(project) : project;
  const name = project.endsWith('.json') ? basename(project, '.json') : 'tsconfig';
  const cache = join(dir, '.cache', `${name}${flags.join('').replace(/\W+/g, '-')}.tsbuildinfo`);
  return tool('typescript/bin/tsc', ['-p', project, '--incremental', '--tsBuildInfoFile', cache, ...flags]);
};
const vite = (name) => tool('vite/bin/vite.js', ['build', '--emptyOutDir'], { cwd: app(name) });

let emu;
let startEmulator;
let browser;
let manifest;
const timings = [];

/** Times a step, for the summary printed at the end. */
async function timed(label, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

before(async () => {
  if (process.env.SAMESURF_BUILT !== '1')
    await timed('build', () => run('npm', ['run', '--silent', 'build'], { cwd: ROOT }));
  const tgz = await timed('npm pack', pack);
  const installed = await timed('npm ci (test/consumer)', installConsumer);
  if (!installed) timings[timings.length - 1] += ' (cached: skipped)';
  manifest = await timed('tarball into node_modules', () => installTarball(tgz));
  writeRecipes({ readme: README });
  ({ startEmulator } = await import('samesurf-launcher/emulator'));
  // Links point at the real realtime origin, as in production; the browser's requests there reach the emulator.
  emu = await startEmulator({ port: 0, realtimeOrigin: REALTIME, testMode: true });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await emu?.close();
  console.log(`# timings: ${timings.join(', ')}`);
});

/**
 * Opens `url` in a fresh context, clicks the launcher's button and waits for the room in the dialog and for the
 * app's own handler to have written `Co-browsing in room N` into the page. With `startUrl`, the recipe passes the
 * page's address as the start URL: the click waits until the element has it (a Next.js page: hydrated and mounted),
 * and the room must have been created with it. Returns the room.
 */
async function clickThrough(url, { startUrl = false } = {}) {
  const context = await browser.newContext();
  const errors = [];
  try {
    await context.route(`${REALTIME}/**`, async (route) => {
      const { pathname, search } = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${emu.url}${pathname}${search}` }) });
    });
    // The plain HTML recipe loads the CDN files from jsDelivr: served from the tarball when the URL names its version.
    await context.route(`${CDN}**`, async (route) => {
      const m = /^samesurf-launcher@([\w.-]+)\/(dist\/cdn\/[\w./-]+)$/.exec(route.request().url().slice(CDN.length));
      if (!m || m[1] !== manifest.version) {
        errors.push(`a CDN URL that is not the packed version ${manifest.version}: ${route.request().url()}`);
        return route.abort();
      }
      const file = join(PACKAGE, m[2]);
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // A warning counts too: the launcher warns about a wrong attribute, Vue about an element it cannot resolve.
    // (Not Lit's notice that a development build runs in its dev mode, as it should.)
    page.on('console', (m) => {
      if (['error', 'warning'].includes(m.type()) && !m.text().startsWith('Lit is in dev mode'))
        errors.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(url);
    if (startUrl)
      await page.waitForFunction(() => document.querySelector('samesurf-launcher')?.startUrl === location.href);
    await page.getByRole('button', { name: 'Co-browse with us' }).click({ timeout: 20_000 });
    const heading = page.frameLocator('samesurf-launcher iframe').locator('h1');
    await heading.waitFor({ timeout: 20_000 });
    const room = /^Co-browsing room (\d+)$/.exec((await heading.textContent()).trim())?.[1];
    assert.ok(room, 'the room page is in the dialog');
    assert.equal(await page.locator('samesurf-launcher').getAttribute('state'), 'open');
    // The app's handler got samesurf-created (and narrowed it to the room).
    await page.getByText(`Co-browsing in room ${room}`).waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, [], 'no page error, no console error or warning');
    if (startUrl) {
      // What the emulator stored: the create call carried the page's address.
      const stored = await (await fetch(`${emu.url}/__emulator/rooms/${room}`)).json();
      assert.equal(stored.starturl, page.url());
    }
    return room;
  } finally {
    await context.close();
  }
}

/** Serves the app's build with the proxy in front of the emulator and clicks through it. */
async function serveAndClick(dir, options) {
  const site = await startSite(dir, emu.apiBase);
  try {
    await clickThrough(`${site.url}${options?.path ?? '/'}`, options);
  } finally {
    await site.close();
  }
}

// Two checks at a time (two cores): the type-checks and builds are separate processes.
describe('the packed tarball in consumer apps', { concurrency: 2 }, () => {
  it('README: every block in the frameworks, server and emulator sections is a marked recipe', () => {
    const { recipes, problems } = extractRecipes(readFileSync(README, 'utf8'));
    assert.deepEqual(problems, []);
    const apps = new Set(recipes.map((r) => r.app));
    for (const name of [
      'react-vite',
      'next',
      'vue',
      'angular',
      'svelte',
      'html',
      'express',
      'workers',
      'vitest',
      'playwright',
    ])
      assert.ok(apps.has(name), `a recipe for ${name}`);
  });

  it('the extractor refuses an unmarked block, a stray marker, a path outside its app and a skipped code block', () => {
    const readme = [
      '## Using it from frameworks',
      '```tsx',
      'unmarked();',
      '```',
      '<!-- recipe: ../../etc/passwd -->',
      '```ts',
      '```',
      '<!-- recipe-skip: too long -->',
      '```ts',
      '```',
      '<!-- recipe: react-vite/src/x.ts -->',
      'prose between the marker and its block',
      '## Elsewhere',
      '```ts',
      'not checked here();',
      '```',
    ].join('\n');
    const { recipes, problems } = extractRecipes(readme);
    assert.deepEqual(recipes, []);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0], /line 2 .*without a recipe marker/);
    assert.match(problems[1], /line 6: recipe path "\.\.\/\.\.\/etc\/passwd" must be APP\/FILE/);
    assert.match(problems[2], /line 9: only shell blocks may be skipped/);
    assert.match(problems[3], /line 11: a recipe marker must stand right before its code block/);
  });

  it('React (Vite): tsc, vite build, click (the component, the tag): the room opens and the handler has it', async () => {
    await timed('react tsc', () => tsc(app('react-vite')));
    await timed('react vite build', () => vite('react-vite'));
    await timed('react click', () => serveAndClick(join(app('react-vite'), 'dist'), { startUrl: true }));
    await timed('react click (the tag)', () =>
      serveAndClick(join(app('react-vite'), 'dist'), { startUrl: true, path: '/tag' }),
    );
  });

  it('Next.js (App Router): the recipes type-checked strictly, next build, next start, hydrated page clicked through the route handler', async () => {
    await timed('next tsc (recipes)', () => tsc(join(app('next'), 'tsconfig.recipes.json')));
    await timed('next build', () =>
      tool('next/dist/bin/next', ['build'], { cwd: app('next'), env: { NEXT_TELEMETRY_DISABLED: '1' } }),
    );
    const port = await freePort();
    const server = start(
      process.execPath,
      [join(MODULES, 'next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: app('next'),
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          SAMESURF_KEY: 'server-key',
          SAMESURF_SECRET: 'server-secret',
          SAMESURF_BASE_URL: emu.apiBase,
        },
      },
    );
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, { child: server.child });
      await timed('next click', () => clickThrough(`http://127.0.0.1:${port}/`, { startUrl: true }));
    } catch (err) {
      err.message += `\n--- next start:\n${server.output().slice(-3000)}`;
      throw err;
    } finally {
      await server.stop();
    }
  });

  it('Vue 3: vue-tsc with strictTemplates, vite build with isCustomElement, click', async () => {
    await timed('vue-tsc', () => tool('vue-tsc/bin/vue-tsc.js', ['-p', join(app('vue'), 'tsconfig.json')]));
    await timed('vue tsc (vite.config)', () => tsc(join(app('vue'), 'tsconfig.node.json')));
    // A development build (NODE_ENV), as `vite` serves it while you work: Vue's warnings (a tag it cannot resolve
    // without isCustomElement) reach the console, where the click below counts them as failures.
    await timed('vue vite build', () =>
      tool('vite/bin/vite.js', ['build', '--emptyOutDir'], { cwd: app('vue'), env: { NODE_ENV: 'development' } }),
    );
    await timed('vue click', () => serveAndClick(join(app('vue'), 'dist'), { startUrl: true }));
  });

  it('Angular: ngc with strictTemplates; nothing CommonJS for its build to warn about', async () => {
    await timed('ngc', () =>
      tool('@angular/compiler-cli/bundles/src/bin/ngc.js', ['-p', join(app('angular'), 'tsconfig.json')]),
    );
    // Angular's build warns about CommonJS dependencies: every module the page can load from the packed
    // package (define.js and what it imports, lazily too) imports only ES modules: lit, and files of its own.
    const seen = new Set();
    const bare = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
        if (spec.startsWith('.')) visit(join(dirname(file), spec));
        else bare.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
      }
    };
    visit(join(PACKAGE, 'dist', 'define.js'));
    assert.deepEqual([...bare].sort(), ['lit'], `bare imports reachable from define.js: ${[...bare]}`);
  });

  it('Svelte 5: svelte-check, vite build, click', async () => {
    await timed('svelte-check', () =>
      tool('svelte-check/bin/svelte-check', [
        '--workspace',
        app('svelte'),
        '--tsconfig',
        join(app('svelte'), 'tsconfig.json'),
        '--fail-on-warnings',
        '--output',
        'machine',
      ]),
    );
    await timed('svelte vite build', () => vite('svelte'));
    await timed('svelte click', () => serveAndClick(join(app('svelte'), 'dist'), { startUrl: true }));
  });

  it('plain HTML: the page as written (CDN script from the tarball), click', async () => {
    await timed('html click', () => serveAndClick(app('html')));
  });

  it('Express 5 (and the authorize example): type-checked (checkJs), run against the emulator, a real request through it', async () => {
    await timed('express tsc', () => tsc(app('express')));
    // An emulator of its own, whose request counts no other check (they run two at a time) can change.
    const api = await startEmulator({ port: 0 });
    const port = await freePort();
    const server = start(process.execPath, ['server.js'], {
      cwd: app('express'),
      env: {
        PORT: String(port),
        SAMESURF_KEY: 'server-key',
        SAMESURF_SECRET: 'server-secret',
        SAMESURF_BASE_URL: api.apiBase,
      },
    });
    try {
      const origin = `http://127.0.0.1:${port}`;
      await waitForHttp(`${origin}/`, { child: server.child });
      const post = (body) =>
        fetch(`${origin}/samesurf/create`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const before = api.requests().create ?? 0;
      const res = await post({ starturl: 'https://shop.example/cart' });
      const answer = await res.json();
      assert.equal(res.status, 200, JSON.stringify(answer));
      assert.match(answer.room, /^\d+$/);
      assert.equal(api.requests().create, before + 1, 'the emulator got the call');
      // The recipe's policy is in force: a start URL outside the shop is refused before the API is asked.
      assert.equal((await post({ starturl: 'https://elsewhere.example/' })).status, 403);
      assert.equal(api.requests().create, before + 1);
    } catch (err) {
      err.message += `\n--- server.js:\n${server.output().slice(-3000)}`;
      throw err;
    } finally {
      await server.stop();
      await api.close();
    }
  });

  it("Cloudflare Workers: type-checked with @cloudflare/workers-types (skipLibCheck, as in Wrangler's template); its fetch answers a real Request", async () => {
    await timed('workers tsc', () => tsc(app('workers')));
    // TypeScript 5.9's API, from test/consumer (the repository's TypeScript 7 has none).
    const { default: ts } = await import('typescript');
    const source = readFileSync(join(app('workers'), 'src', 'index.ts'), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const file = join(app('workers'), 'worker.mjs');
    writeFileSync(file, js);
    const { default: worker } = await import(`${file}?${Date.now()}`);
    const env = { SAMESURF_KEY: 'server-key', SAMESURF_SECRET: 'server-secret', SAMESURF_BASE_URL: emu.apiBase };
    const request = (origin) =>
      new Request('https://shop.example/samesurf/create', {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.7' },
        body: JSON.stringify({ starturl: 'https://shop.example/cart' }),
      });
    const res = await worker.fetch(request('https://shop.example'), env, {});
    const answer = await res.json();
    assert.equal(res.status, 200, JSON.stringify(answer));
    assert.match(answer.room, /^\d+$/);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
    assert.equal((await worker.fetch(request('https://evil.example'), env, {})).status, 403);
  });

  it('Cloudflare Workers with skipLibCheck: false and no @types/node', async () => {
    // The package's types need no @types/node: toNodeListener's request and response types are structural.
    await tsc(app('workers'), '--skipLibCheck', 'false');
  });

  it('vitest: the recipe type-checks and passes (startEmulator with reset, fault, advanceClock, requests)', async () => {
    await timed('vitest tsc', () => tsc(app('vitest')));
    const out = await timed('vitest run', () =>
      tool('vitest/vitest.mjs', ['run', '--reporter=verbose', '--no-color'], { cwd: app('vitest') }),
    );
    assert.match(out, /Tests\s+\d+ passed/);
    assert.doesNotMatch(out, /failed|skipped/i);
  });

  it('Playwright Test: the webServer recipe (npx samesurf-emulator, the site) runs its tests', async () => {
    const dir = app('playwright');
    // Its own package.json (for `npm run dev`) makes it a project of its own: npx finds the bin in its node_modules.
    if (!existsSync(join(dir, 'node_modules')))
      symlinkSync(join('..', '..', 'node_modules'), join(dir, 'node_modules'));
    // The recipe's ports, made free ones: nothing else on this machine may be listening on 8787 or 5173.
    const [emulatorPort, sitePort] = [await freePort(), await freePort()];
    for (const file of ['playwright.config.ts', 'e2e/cobrowse.spec.ts']) {
      const path = join(dir, file);
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace(/\b8787\b/g, String(emulatorPort))
          .replace(/\b5173\b/g, String(sitePort)),
      );
    }
    await timed('playwright tsc', () => tsc(dir));
    const out = await timed('playwright test', () =>
      tool('@playwright/test/cli.js', ['test', '-c', 'fixture.config.ts', '--reporter=line'], {
        cwd: dir,
        env: {
          SITE_PORT: String(sitePort),
          SITE_EMULATOR: `http://127.0.0.1:${emulatorPort}`,
          CHROME_PATH: chromePath(),
          CI: '1',
        },
      }),
    );
    assert.match(out, /\d+ passed/);
    assert.doesNotMatch(out, /failed|flaky|skipped/i);
  });
});
