// End-to-end tests of what is published: the built dist/ files in Debian's Chromium (playwright-core)
// against the emulator, each page served with a strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startDemo } from '../../demo/serve.mjs';
import { CHROME_ARGS, chromePath } from '../helpers/chromium.mjs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);

let demo;
let browser;
before(async () => {
  demo = await startDemo({ port: 0, emulatorPort: 0 });
  browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/** A fresh page that collects console errors. */
async function open(path, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${demo.url}${path}`);
  await page.waitForFunction(() => customElements.get('samesurf-launcher'));
  return { page, context, consoleErrors };
}

async function clickAndSeeRoom(page, sel = 'samesurf-launcher') {
  await page.locator(`${sel} >> [part~="button"]`).click();
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('state') === 'open', sel);
  const frame = page.frameLocator(`${sel} >> iframe`);
  await frame.locator('h1').waitFor();
  return (await frame.locator('h1').textContent()).trim();
}

describe('the published files', () => {
  for (const [name, path] of [
    ['cdn ES module', '/e2e/esm.html'],
    ['classic-script IIFE', '/e2e/iife.html'],
  ]) {
    it(`${name}: click shows the emulator's room page in the modal, Escape minimises it (the session goes on), no CSP violation`, async () => {
      const { page, context, consoleErrors } = await open(path);
      try {
        const heading = await clickAndSeeRoom(page);
        assert.match(heading, /^Co-browsing room \d{9}$/);
        const role = await page.frameLocator('samesurf-launcher >> iframe').locator('main').getAttribute('data-role');
        assert.equal(role, 'leader');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => document.querySelector('samesurf-launcher').getAttribute('state') === 'live');
        assert.equal(await page.locator('samesurf-launcher >> dialog').evaluate((d) => d.open), false);
        assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
        assert.deepEqual(consoleErrors, []);
        assert.match(await page.evaluate(() => document.contentType), /html/);
      } finally {
        await context.close();
      }
    });
  }

  it('the script included twice and two launchers on one page: no console error, both work', async () => {
    const { page, context, consoleErrors } = await open('/e2e/twice.html');
    try {
      assert.match(await clickAndSeeRoom(page, '#one'), /Co-browsing room/);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#one').getAttribute('state') === 'live');
      assert.match(await clickAndSeeRoom(page, '#two'), /Co-browsing room/);
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
    } finally {
      await context.close();
    }
  });

  it('says the browser is offline when it is (real offline mode)', async () => {
    const { page, context } = await open('/e2e/esm.html');
    try {
      // Let the idle-time preload fetch the launch chunk first, as it would on a real visit.
      await page.waitForFunction(() =>
        ['/chunks/launch-', '/chunks/jsrsasign-'].every((c) =>
          performance.getEntriesByType('resource').some((r) => r.name.includes(c)),
        ),
      );
      await context.setOffline(true);
      await page.locator('samesurf-launcher >> [part~="button"]').click();
      await page.waitForFunction(() => window.__errors.length > 0);
      assert.deepEqual(await page.evaluate(() => window.__errors), ['offline']);
      assert.match(await page.locator('samesurf-launcher >> [part~="error"]').textContent(), /offline/);
      await context.setOffline(false);
      await page.locator('samesurf-launcher >> [part~="retry-button"]').click();
      await page.waitForFunction(() => document.querySelector('samesurf-launcher').getAttribute('state') === 'open');
    } finally {
      await context.close();
    }
  });

  it('the demo page works under its strict CSP; screenshots of it and of the open modal', async () => {
    const { page, context, consoleErrors } = await open('/demo/index.html');
    try {
      await page.waitForTimeout(300);
      await page.screenshot({ path: new URL('demo.png', ARTIFACTS).pathname, fullPage: true });
      assert.match(await clickAndSeeRoom(page, '#hero-launcher'), /Co-browsing room/);
      await page.waitForTimeout(400);
      await page.screenshot({ path: new URL('modal-open.png', ARTIFACTS).pathname });
      assert.ok((await page.locator('#log li').count()) >= 3, 'the event log shows the events');
      await page.keyboard.press('Escape');
      // Proxy mode: no key in the page; the demo's server signs with the secret.
      assert.match(await clickAndSeeRoom(page, 'samesurf-launcher[api-base="/samesurf"]'), /Co-browsing room/);
      await page.keyboard.press('Escape');
      assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
    const narrow = await open('/demo/index.html', { width: 390, height: 844 });
    try {
      await clickAndSeeRoom(narrow.page, '#hero-launcher');
      await narrow.page.waitForTimeout(400);
      await narrow.page.screenshot({ path: new URL('modal-narrow.png', ARTIFACTS).pathname });
    } finally {
      await narrow.context.close();
    }
  });
});

describe("the agent's elements, from their own CDN file", () => {
  it('<samesurf-rooms> lists a running room through the agent proxy and joins it as its leader; signed out, it says the site refused', async () => {
    const { SameSurfClient } = await import('../../dist/api/index.js');
    const api = new SameSurfClient({ baseUrl: demo.emulator.apiBase, apiKey: 'demo-key' });
    const { room } = await api.createRoom({ title: 'A visitor on the pricing page' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const consoleErrors = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      // Signed out: the proxy's authorize hook refuses, and the element says so.
      await page.goto(`${demo.url}/e2e/agent-rooms.html`);
      await page.locator('samesurf-rooms >> [part~="error"]').waitFor();
      assert.match(
        await page.locator('samesurf-rooms >> [part~="error"]').textContent(),
        /Agents only: sign in first\./,
      );
      // Signed in (the demo's stand-in login sets its cookie), the room is there and joins as leader.
      await page.goto(`${demo.url}/demo/agent-sign-in`);
      await page.goto(`${demo.url}/e2e/agent-rooms.html`);
      const row = page.locator('samesurf-rooms >> tbody tr', { hasText: room });
      await row.waitFor();
      assert.match(await row.textContent(), /A visitor on the pricing page/);
      await row.locator('[part~="join-button"]').click();
      const frame = page.frameLocator('samesurf-rooms >> .sessions samesurf-launcher >> iframe');
      await frame.locator('h1').waitFor();
      assert.equal(await frame.locator('main').getAttribute('data-role'), 'leader');
      // The launcher it joins with is the launcher's own entry beside it, loaded once.
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((r) => new URL(r.name).pathname)
          .filter((p) => p.endsWith('.js')),
      );
      assert.equal(scripts.filter((p) => p === '/dist/cdn/samesurf-launcher.js').length, 1);
      // The room, ended with a recording: its report, from the second element's own file, with the agent in it.
      await page.locator('samesurf-rooms >> .sessions samesurf-launcher').evaluate((l) => l.leave());
      const ended = await fetch(`${demo.emulator.url}/__emulator/rooms/${room}/end`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ recordings: 1 }),
      });
      assert.equal(ended.status, 200, await ended.text());
      // As the analytics element opens it: with the count of recordings (no probing past the last one).
      await page.locator('samesurf-room-report').evaluate((r, n) => Object.assign(r, { room: n, recordings: 1 }), room);
      await page.locator('samesurf-room-report >> [part~="thumbnail"]').waitFor();
      const people = await page.locator('samesurf-room-report >> [part~="people"] tbody tr').allTextContents();
      assert.equal(people.length, 1);
      assert.match(people[0], /Leader/);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
      // The refused first load logged nothing to the console: it told the page (samesurf-error) and the person.
      assert.deepEqual(
        consoleErrors.filter((e) => !/403/.test(e)),
        [],
      );
    } finally {
      await context.close();
    }
  });
});

describe('the npm build in Node (no DOM)', () => {
  it('imports every entry without throwing', async () => {
    const entry = await import('../../dist/index.js');
    assert.equal(typeof entry.SameSurfLauncher, 'function');
    assert.equal(typeof entry.SameSurfClient, 'function');
    await import('../../dist/define.js');
    assert.equal(typeof (await import('../../dist/api/index.js')).SameSurfClient, 'function');
    assert.equal(typeof (await import('../../dist/emulator/index.js')).startEmulator, 'function');
    assert.equal(typeof (await import('../../dist/server/index.js')).createSameSurfHandler, 'function');
    assert.equal(typeof (await import('../../dist/server/redis.js')).createRedisStore, 'function');
  });

  it('runs the samesurf-emulator bin', async () => {
    const child = spawn(process.execPath, ['dist/emulator/cli.js', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise((resolve, reject) => {
        child.stdout.once('data', (d) => resolve(String(d).trim()));
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      assert.match(line, /^SameSurf emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(
        execFileSync('head', ['-1', 'dist/emulator/cli.js'], { encoding: 'utf8' }),
        /^#!\/usr\/bin\/env node/,
      );
    } finally {
      child.kill();
    }
  });
});

describe('a misconfigured launcher on a live site', () => {
  it('shows visitors nothing, but still fires samesurf-error and warns in the console; debug shows the message', async () => {
    // A real hostname (mapped to this machine): not localhost, so not development.
    const live = await chromium.launch({
      executablePath: chromePath(),
      args: [...CHROME_ARGS, '--host-resolver-rules=MAP shop.test 127.0.0.1'],
    });
    try {
      const page = await live.newPage();
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.goto(`${demo.url.replace('127.0.0.1', 'shop.test')}/e2e/misconfigured.html`);
      await page.waitForFunction(() => window.__errors.length === 2);
      assert.deepEqual(await page.evaluate(() => window.__errors), ['config', 'config']);
      const visible = (id) =>
        page.evaluate((i) => {
          const root = document.getElementById(i).shadowRoot;
          return [...root.children]
            .filter((n) => n.getBoundingClientRect().height > 0 && getComputedStyle(n).visibility !== 'hidden')
            .map((n) => n.textContent.trim())
            .filter(Boolean); // the (empty) live region is there, unseen
        }, id);
      assert.deepEqual(await visible('broken'), [], 'nothing a visitor could see or act on');
      assert.equal(await page.locator('#broken').getAttribute('state'), 'error', 'the page can still tell');
      assert.match((await visible('debug')).join(' '), /not set up correctly/);
      assert.ok(
        warnings.some((w) => /mode/.test(w)),
        'the console names the attribute',
      );
    } finally {
      await live.close();
    }
  });
});

describe('the minified build', () => {
  it('keeps the space before the popup-blocked link', async () => {
    const { page, context } = await open('/e2e/esm.html');
    try {
      await page.evaluate(() => {
        window.open = () => null;
        document.querySelector('samesurf-launcher').setAttribute('open', 'tab');
      });
      await page.locator('samesurf-launcher >> [part~="button"]').click();
      const status = page.locator('samesurf-launcher >> [part~="status"]');
      await status.locator('a').waitFor();
      assert.match((await status.textContent()).replace(/\s+/g, ' '), /here: Open in a new tab/);
    } finally {
      await context.close();
    }
  });
});
