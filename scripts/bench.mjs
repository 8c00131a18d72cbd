// `npm run bench`: figures, not tests (nothing here fails on time). Headless Chromium against the
// emulator, on the built CDN file. Each figure is compared within this one run.
import { chromium } from 'playwright-core';
import { startDemo } from '../demo/serve.mjs';
import { CHROME_ARGS, chromePath } from '../test/helpers/chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

const demo = await startDemo({ port: 0, emulatorPort: 0 });
const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
// No entrance animation: the figure is the launcher's own work, not a 180 ms transition.
const context = await browser.newContext({ reducedMotion: 'reduce' });

async function freshPage() {
  const page = await context.newPage();
  await page.goto(`${demo.url}/e2e/bench.html`);
  return page;
}

/** In the page: load the module, add `n` launchers, wait until every one has rendered. */
const renderN = (n) =>
  `(async () => {
    const host = document.getElementById('host');
    const emu = host.dataset.emulator;
    const t0 = performance.now();
    const { } = await import('/dist/cdn/samesurf-launcher.js');
    for (let i = 0; i < ${n}; i++) {
      const el = document.createElement('samesurf-launcher');
      el.setAttribute('api-key', 'demo-key');
      el.setAttribute('api-base', emu + '/api/v3');
      el.setAttribute('realtime-origin', emu);
      el.setAttribute('start-url', 'https://example.com/' + i);
      el.textContent = 'Co-browse';
      host.append(el);
    }
    await Promise.all([...host.children].map((el) => el.updateComplete));
    return performance.now() - t0;
  })()`;

/** In the page: click the button and time until samesurf-after-show. */
const clickToOpen = `(async () => {
  const el = document.querySelector('samesurf-launcher');
  const shown = new Promise((r) => el.addEventListener('samesurf-after-show', r, { once: true }));
  const t0 = performance.now();
  el.shadowRoot.querySelector('[part~="button"]').click();
  await shown;
  return performance.now() - t0;
})()`;

const waitPreloaded = (page) =>
  page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((r) => r.name.includes('/chunks/jsrsasign-')),
  );

const rows = [];
for (const n of [1, 100]) {
  const times = [];
  for (let i = 0; i < Math.min(RUNS, 20); i++) {
    const page = await freshPage();
    times.push(await page.evaluate(renderN(n)));
    await page.close();
  }
  rows.push([
    `define + render ${n} launcher${n > 1 ? 's' : ''} (module load included)`,
    median(times),
    p95(times),
    times.length,
  ]);
}

const first = [];
for (let i = 0; i < RUNS; i++) {
  const page = await freshPage();
  await page.evaluate(renderN(1));
  await waitPreloaded(page);
  first.push(await page.evaluate(clickToOpen));
  await page.close();
}
rows.push(['click → dialog open, first click (creates a room)', median(first), p95(first), first.length]);

const page = await freshPage();
await page.evaluate(renderN(1));
await waitPreloaded(page);
await page.evaluate(clickToOpen);
const later = [];
for (let i = 0; i < RUNS; i++) {
  await page.evaluate(() => document.querySelector('samesurf-launcher').hide());
  later.push(await page.evaluate(clickToOpen));
}
rows.push(['click → dialog open, later clicks (re-enters)', median(later), p95(later), later.length]);

// Memory: 200 open/close cycles, against the state after the first.
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
async function snapshot() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name).value;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
}
await page.evaluate(() => document.querySelector('samesurf-launcher').hide());
const before = await snapshot();
for (let i = 0; i < 200; i++) {
  await page.evaluate(async () => {
    const el = document.querySelector('samesurf-launcher');
    await el.show();
    await el.hide();
  });
}
const afterCycles = await snapshot();

console.log(
  `\nsamesurf-launcher benchmarks (${new Date().toISOString().slice(0, 10)}, headless Chromium, emulator on loopback)\n`,
);
console.log(`${'measure'.padEnd(56)}${'median'.padStart(11)}${'p95'.padStart(11)}${'runs'.padStart(6)}`);
for (const [what, med, p, n] of rows)
  console.log(`${what.padEnd(56)}${ms(med).padStart(11)}${ms(p).padStart(11)}${String(n).padStart(6)}`);
console.log(`\nper launcher, 100 vs 1: ${ms(rows[1][1] / 100)} vs ${ms(rows[0][1])}`);
const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
console.log(
  `JS heap after the first open/close: ${mb(before.heap)}; after 200 more: ${mb(afterCycles.heap)} (${((afterCycles.heap / before.heap - 1) * 100).toFixed(1)}%)`,
);
console.log(
  `DOM nodes after the first open/close: ${before.nodes}; after 200 more: ${afterCycles.nodes} (${afterCycles.nodes - before.nodes >= 0 ? '+' : ''}${afterCycles.nodes - before.nodes})`,
);

await browser.close();
await demo.close();
