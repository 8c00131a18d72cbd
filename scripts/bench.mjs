// `npm run bench`: what visitors feel, measured against two floors in the same run. Figures, never tests: a miss
// against the targets is reported, not failed; the exit status is 1 only when something broke (a page that
// never painted, a browser that crashed). See scripts/bench/ for the pieces:
//   probe.js       in every page: times to the painted frame (how, and why that way, is explained there)
//   serve.mjs      one 127.0.0.1 server for the CDN files, the reference elements and the pages (gzip, like a CDN)
//   bare-lit.js    reference 1, a bare Lit button;  floor.js  reference 2, "the dialog floor"
//   report.mjs     medians, ratios, the markdown table and the targets; results.md is its last output
//
// Environment: BENCH_RUNS (default 15), BENCH_THROTTLED_RUNS (default 4, Fast 3G + 4× CPU), BENCH_CYCLES (500),
// BENCH_ONLY (a comma-separated subset of clicks, slow, many, memory, coverage), BENCH_VERBOSE=1 (each run's time).
import { fork } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, chromePath } from '../test/helpers/chromium.mjs';
import { renderReport } from './bench/report.mjs';
import { launcherAttributes, VARIANTS } from './bench/serve.mjs';

const started = performance.now();
const int = (v, d) => (v === undefined || v === '' ? d : Math.max(1, Number.parseInt(v, 10) || d));
const RUNS = int(process.env.BENCH_RUNS, 15);
const THROTTLED_RUNS = int(process.env.BENCH_THROTTLED_RUNS, 4);
const CYCLES = int(process.env.BENCH_CYCLES, 500);
const MANY = 1000;
const LATENCIES = [0, 100];
const PROBE = fileURLToPath(new URL('./bench/probe.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./bench/results.md', import.meta.url));

/**
 * DevTools' and Lighthouse's "Fast 3G" (Lighthouse `mobileSlow4G`, which it long called Fast 3G): 150 ms RTT,
 * 1.6 Mbps down, 750 kbps up, applied as DevTools throttling does, per request, with Lighthouse's adjustment factors
 * (latency × 3.75, throughput × 0.9): 562.5 ms, 1,474.56 kbps down, 675 kbps up (kbps of 1,024 bits).
 */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: Math.floor((1.6 * 1024 * 0.9 * 1024) / 8),
  uploadThroughput: Math.floor((750 * 0.9 * 1024) / 8),
};
const PROFILES = {
  none: { label: 'no throttling' },
  slow: { label: 'Fast 3G + 4× CPU', network: FAST_3G, cpu: 4 },
};

if (!existsSync(fileURLToPath(new URL('../dist/cdn/samesurf-launcher.js', import.meta.url)))) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(1);
}
const hasBundle = existsSync(fileURLToPath(new URL('../dist/cdn/samesurf-launcher.bundle.js', import.meta.url)));

const samples = new Map();
const add = (key, value) => {
  if (value === undefined || Number.isNaN(value)) return;
  if (!samples.has(key)) samples.set(key, []);
  samples.get(key).push(value);
};
const errors = [];
const sum = (files) => (files ?? []).reduce((a, f) => a + f.bytes, 0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

/** Rejects after `ms` with `what`: a run that hangs becomes a reported error, never a stuck bench. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} (no answer in ${ms / 1000} s)`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

/** Runs one measurement; an error is recorded with its label and the run counts as missing. */
async function attempt(label, fn) {
  const t0 = performance.now();
  try {
    const result = await fn();
    if (process.env.BENCH_VERBOSE) log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
    return result;
  } catch (err) {
    const message = `${label}: ${err?.message?.split('\n')[0] ?? err}`;
    errors.push(message);
    log(`ERROR ${message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The emulators (one per API latency) and the bench server, in a child process (scripts/bench/backend.mjs).
const backend = fork(fileURLToPath(new URL('./bench/backend.mjs', import.meta.url)), LATENCIES.map(String), {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ready = await new Promise((resolve, reject) => {
  backend.once('message', (m) => (m.ready ? resolve(m.ready) : reject(new Error(`bench backend: ${m.error}`))));
  backend.once('exit', (code) => reject(new Error(`bench backend exited (${code}) before it was ready`)));
});
const server = { url: ready.server };
const emulators = Object.fromEntries(Object.entries(ready.emulators).map(([lat, url]) => [lat, { url }]));
const pageUrl = (variant, lat = 0, below = false) => `${server.url}/p/${variant}-${lat}${below ? '-below' : ''}.html`;

const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_ARGS });
const chromiumVersion = browser.version();

/** Counts the page's requests in flight (its frames' included) and when the last one started or ended. */
function trackNetwork(page) {
  const t = { inflight: 0, count: 0, last: performance.now() };
  page.on('request', () => {
    t.inflight++;
    t.count++;
    t.last = performance.now();
  });
  const done = () => {
    t.inflight = Math.max(0, t.inflight - 1);
    t.last = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return t;
}

/**
 * A fresh context and page under `profile`, with the probe in it. Reduced motion for every variant: the figure is the
 * first frame with the dialog at full opacity, not the end of our 180 ms entrance (the floor has none).
 */
async function openPage(profile, { onButton } = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (onButton) await page.exposeBinding('__benchButtonPainted', (_source, info) => onButton(info));
    const net = trackNetwork(page);
    return { context, page, cdp, net, profile, close: () => context.close().catch(() => undefined) };
  } catch (err) {
    await context.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Waits until no request has been in flight for `ms`, then for the page's main thread to be idle (two full idle
 * periods, tried for at most `calmMs`); again if that brought new requests.
 */
async function settle(p, { ms = p.profile.network ? 500 : 300, calmMs = 5000, max = 60000 } = {}) {
  const end = performance.now() + max;
  for (;;) {
    while (p.net.inflight > 0 || performance.now() - p.net.last < ms) {
      if (performance.now() > end) throw new Error('the page never went quiet (requests kept coming)');
      await sleep(20);
    }
    const before = p.net.count;
    await p.page.evaluate((n) => window.__bench.calm(n), calmMs);
    if (p.net.count === before && p.net.inflight === 0) return;
  }
}

const timeoutFor = (profile) => (profile.network ? 90000 : 30000);

/** Clicks the launcher's button (trusted input: move, press, release) and waits for dialog number `k` painted. */
async function clickAndTime(p, k, profile) {
  const at = await p.page.evaluate(() => window.__bench.where());
  if (!at) throw new Error("the launcher's button is not on the page");
  await fastClick(p, at.x, at.y);
  const c = await within(
    p.page.evaluate((n) => window.__bench.waitDialog(n), k),
    timeoutFor(profile),
    `click ${k}: no dialog painted`,
  );
  return c.painted - c.down;
}

async function closeDialog(p, viaButton = false) {
  if (viaButton) {
    const at = await p.page.evaluate(() => window.__bench.where('minimise-button'));
    if (!at) throw new Error('the dialog has no minimise button');
    await fastClick(p, at.x, at.y);
  } else {
    await p.page.keyboard.press('Escape');
  }
  await p.page.evaluate(() => window.__bench.waitClosed());
}

/**
 * A trusted click as the mouse makes it (move, press, release), the three sent at once on the page's own CDP session
 * rather than one after another (as page.mouse.click does): press and release come a millisecond apart, so that the
 * time from the pointerdown is the page's, not the harness's; and the cold click lands as close to the first painted
 * frame as the harness can.
 */
async function fastClick(p, x, y) {
  const at = { x, y, button: 'left', clickCount: 1 };
  await Promise.all([
    p.cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }),
    p.cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }),
    p.cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }),
  ]);
}

/**
 * Cold click: navigate, and click the moment the page reports the launcher's button painted (nothing preloaded but
 * what the page fetched by itself by then). Also gives navigation → button painted.
 */
async function coldRun(pid, variant, lat) {
  const profile = PROFILES[pid];
  let painted;
  const button = new Promise((resolve) => (painted = resolve));
  const p = await openPage(profile, { onButton: (info) => painted(info) });
  try {
    await p.page.goto(pageUrl(variant, lat), { waitUntil: 'commit' });
    const info = await within(button, timeoutFor(profile), 'the launcher never painted');
    add(`nav.${pid}.${variant}`, info.t);
    await fastClick(p, info.x, info.y);
    const c = await within(
      p.page.evaluate(() => window.__bench.waitDialog(1)),
      timeoutFor(profile),
      'no dialog painted after the cold click',
    );
    add(`click.cold.${pid}.${lat}.${variant}`, c.painted - c.down);
    add(`lag.${pid}`, c.down - info.t);
  } finally {
    await p.close();
  }
}

/** Navigation → button painted only (the classic-script pages, the bare Lit). */
async function navRun(pid, variant) {
  const profile = PROFILES[pid];
  let painted;
  const button = new Promise((resolve) => (painted = resolve));
  const p = await openPage(profile, { onButton: (info) => painted(info) });
  try {
    await p.page.goto(pageUrl(variant, 0), { waitUntil: 'commit' });
    const info = await within(button, timeoutFor(profile), 'the launcher never painted');
    add(`nav.${pid}.${variant}`, info.t);
  } finally {
    await p.close();
  }
}

/**
 * Load, then idle: bytes at the load event and after idle; then (with `click`) the preloaded first click, and after
 * closing and idle again, the reopen.
 */
async function idleRun(pid, variant, lat, { below = false, click = true } = {}) {
  const profile = PROFILES[pid];
  const p = await openPage(profile);
  try {
    await p.page.goto(pageUrl(variant, lat, below), { waitUntil: 'load', timeout: timeoutFor(profile) });
    await settle(p);
    const r = await p.page.evaluate(() => ({
      atLoad: window.__bench.atLoad,
      after: window.__bench.js(),
      nav: window.__bench.buttonPainted,
    }));
    const where = below ? 'below' : 'visible';
    if (!below) add(`nav.${pid}.${variant}`, r.nav);
    if (pid === 'none') {
      add(`bytes.load.${variant}.${where}`, sum(r.atLoad));
      add(`bytes.idle.${variant}.${where}`, sum(r.after));
      if (variant === 'ours') filesSeen[where] = r.after.map((f) => f.file.replace(/^\/cdn\//, ''));
    }
    if (!click) return;
    add(`click.pre.${pid}.${lat}.${variant}`, await clickAndTime(p, 1, profile));
    await closeDialog(p);
    // Later: the room page has loaded, the page is idle again.
    await settle(p, { calmMs: 1000 });
    add(`click.reopen.${pid}.${lat}.${variant}`, await clickAndTime(p, 2, profile));
  } finally {
    await p.close();
  }
}
const filesSeen = {};

/**
 * After two forced garbage collections: the JS heap (V8), Blink's own heap (the DOM's objects), the nodes attached
 * to the document (shadow trees included, counted in the page), every live Node and JS event listener (CDP metrics:
 * detached nodes that leak count there too). The room page framed by a dialog shares the page's process and counts.
 */
async function snapshot(p) {
  await p.cdp.send('HeapProfiler.collectGarbage');
  await p.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, embedderHeapUsedSize } = await p.cdp.send('Runtime.getHeapUsage');
  const { metrics } = await p.cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  const nodes = await p.page.evaluate(() => window.__bench.countNodes());
  return {
    heap: usedSize,
    blink: embedderHeapUsedSize,
    nodes,
    liveNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}
async function taskSeconds(p) {
  const { metrics } = await p.cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

/** 1,000 launchers appended at once to a page that has loaded the variant's script and gone idle. */
async function manyRun(variant) {
  const p = await openPage(PROFILES.none);
  try {
    await p.cdp.send('Performance.enable');
    await p.page.goto(`${server.url}/p/many-${variant}.html`, { waitUntil: 'load' });
    await settle(p);
    if (variant !== 'ours') {
      // The references' bytes: one file each, loaded the same with or without an element on the page.
      const r = await p.page.evaluate(() => ({ atLoad: window.__bench.atLoad, after: window.__bench.js() }));
      add(`bytes.load.${variant}.visible`, sum(r.atLoad));
      add(`bytes.idle.${variant}.visible`, sum(r.after));
    }
    // One launcher first, on its own: what a page pays once (the code, compiled; for ours the launch chunk, fetched
    // once a launcher is seen) is measured apart, so that "per launcher" is what each further one adds.
    const empty = await snapshot(p);
    await p.page.evaluate(
      ([tag, attrs]) => window.__bench.appendMany(1, tag, attrs, 'Co-browse'),
      [VARIANTS[variant].tag, launcherAttributes(emulators[0].url)],
    );
    await settle(p);
    const base = await snapshot(p);
    add(`many.first.${variant}`, base.heap - empty.heap);
    const work0 = await taskSeconds(p);
    const paint = await p.page.evaluate(
      ([n, tag, attrs]) => window.__bench.appendMany(n, tag, attrs, 'Co-browse'),
      [MANY, VARIANTS[variant].tag, launcherAttributes(emulators[0].url)],
    );
    await settle(p);
    const work1 = await taskSeconds(p);
    const after = await snapshot(p);
    add(`many.paint.${variant}`, paint);
    add(`many.work.${variant}`, (work1 - work0) * 1000);
    add(`many.heap.${variant}`, (after.heap - base.heap) / MANY);
    if (after.blink !== undefined) add(`many.blink.${variant}`, (after.blink - base.blink) / MANY);
    add(`many.nodes.${variant}`, (after.nodes - base.nodes) / MANY);
  } finally {
    await p.close();
  }
}

/** CYCLES real click-open/close cycles through the UI; heap and nodes after the first, half-way and at the end. */
async function memoryLoop(variant) {
  const p = await openPage(PROFILES.none);
  try {
    await p.cdp.send('Performance.enable');
    await p.page.goto(pageUrl(variant, 0), { waitUntil: 'load' });
    await settle(p);
    await clickAndTime(p, 1, PROFILES.none);
    await closeDialog(p);
    await settle(p);
    const start = await snapshot(p);
    let mid;
    const opens = [];
    for (let i = 1; i <= CYCLES; i++) {
      opens.push(await clickAndTime(p, i + 1, PROFILES.none));
      await closeDialog(p, i % 2 === 1);
      if (i === Math.floor(CYCLES / 2)) {
        await settle(p);
        mid = await snapshot(p);
      }
    }
    await settle(p);
    const end = await snapshot(p);
    return { start, mid: mid ?? end, end, opens };
  } finally {
    await p.close();
  }
}

/**
 * Lighthouse's unused-JavaScript arithmetic on a loaded, idle page (no interaction): V8 function coverage, a byte is
 * unused when the innermost function range over it never ran; waste = unused share × the file's gzip bytes; flagged
 * from 20 KiB of waste (Lighthouse's threshold).
 */
async function coverageRun(below) {
  const p = await openPage(PROFILES.none);
  try {
    await p.cdp.send('Profiler.enable');
    await p.cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
    await p.page.goto(pageUrl('ours', 0, below), { waitUntil: 'load' });
    await settle(p);
    const { result } = await p.cdp.send('Profiler.takePreciseCoverage');
    const files = await p.page.evaluate(() => window.__bench.js());
    return files.map((f) => {
      const script = result.find((s) => s.url.endsWith(f.file));
      if (!script) return { file: f.file.replace(/^\/cdn\//, ''), bytes: f.bytes };
      let length = 0;
      for (const fn of script.functions) for (const r of fn.ranges) length = Math.max(length, r.endOffset);
      const unused = new Uint8Array(length);
      for (const fn of script.functions)
        for (const r of fn.ranges) if (r.count === 0) unused.fill(1, r.startOffset, r.endOffset);
      const unusedShare = unused.reduce((a, b) => a + b, 0) / Math.max(1, length);
      const wasted = unusedShare * f.bytes;
      return {
        file: f.file.replace(/^\/cdn\//, ''),
        bytes: f.bytes,
        unusedShare,
        wasted,
        flagged: wasted >= 20 * 1024,
      };
    });
  } finally {
    await p.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
const loadStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');
log(`${RUNS} runs, ${THROTTLED_RUNS} throttled, ${CYCLES} cycles; load average ${loadStart}`);
/** BENCH_ONLY=clicks,slow,many,memory,coverage: a part of the bench (while working on it); default all. */
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part);
let exitCode = 0;
const memory = {};
let coverage;
try {
  // No throttling: cold clicks, then load-and-idle pages (bytes, preloaded clicks, reopens), interleaved.
  for (let i = 0; i < (only('clicks') ? RUNS : 0); i++) {
    for (const lat of LATENCIES)
      for (const v of ['ours', 'floor'])
        await attempt(`cold click, ${v}, ${lat} ms, run ${i + 1}`, () => coldRun('none', v, lat));
    for (const lat of LATENCIES)
      for (const v of ['ours', 'floor'])
        await attempt(`idle page, ${v}, ${lat} ms, run ${i + 1}`, () => idleRun('none', v, lat));
    await attempt(`idle page, ours below the fold, run ${i + 1}`, () =>
      idleRun('none', 'ours', 0, { below: true, click: false }),
    );
    log(`no throttling: round ${i + 1}/${RUNS}`);
  }
  // Fast 3G + 4× CPU: the same, plus navigation → painted for the classic-script pages and the bare Lit.
  const classic = ['ours-iife', ...(hasBundle ? ['ours-bundle'] : []), 'lit'];
  for (let i = 0; i < (only('slow') ? THROTTLED_RUNS : 0); i++) {
    for (const lat of LATENCIES)
      for (const v of ['ours', 'floor'])
        await attempt(`Fast 3G cold click, ${v}, ${lat} ms, run ${i + 1}`, () => coldRun('slow', v, lat));
    for (const v of classic) await attempt(`Fast 3G navigation, ${v}, run ${i + 1}`, () => navRun('slow', v));
    for (const lat of LATENCIES)
      for (const v of ['ours', 'floor'])
        await attempt(`Fast 3G idle page, ${v}, ${lat} ms, run ${i + 1}`, () => idleRun('slow', v, lat));
    log(`Fast 3G + 4× CPU: round ${i + 1}/${THROTTLED_RUNS}`);
  }
  for (let i = 0; i < (only('many') ? RUNS : 0); i++) {
    for (const v of ['ours', 'lit', 'floor']) await attempt(`${MANY} launchers, ${v}, run ${i + 1}`, () => manyRun(v));
  }
  log(`${MANY} launchers: done`);
  for (const v of only('memory') ? ['ours', 'floor'] : [])
    memory[v] = await attempt(`memory loop, ${v}`, () => memoryLoop(v));
  log('memory loops: done');
  if (only('coverage'))
    coverage = {
      'visible, after idle': await attempt('coverage, visible', () => coverageRun(false)),
      'below the fold, after idle': await attempt('coverage, below the fold', () => coverageRun(true)),
    };
  for (const k of Object.keys(coverage ?? {})) if (!coverage[k]) delete coverage[k];
} catch (err) {
  errors.push(`the bench stopped: ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  await browser.close().catch(() => undefined);
  backend.disconnect();
}

const minutes = (performance.now() - started) / 60000;
const report = renderReport({
  meta: {
    date: new Date().toISOString().slice(0, 10),
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    ram: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    chromium: chromiumVersion,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart,
    loadEnd: os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / '),
    duration: `${minutes.toFixed(1)} min (build not included)`,
    runs: RUNS,
    throttledRuns: THROTTLED_RUNS,
    cycles: CYCLES,
    litBytes: ready.litBytes,
    floorBytes: ready.floorBytes,
    fast3g: `${FAST_3G.latency} ms added to each request, ${FAST_3G.downloadThroughput.toLocaleString('en-US')} B/s down, ${FAST_3G.uploadThroughput.toLocaleString('en-US')} B/s up (CDP Network.emulateNetworkConditions), CPU 4× slower (Emulation.setCPUThrottlingRate)`,
  },
  samples,
  profiles: PROFILES,
  latencies: LATENCIES,
  coverage,
  memory,
  cycles: CYCLES,
  many: MANY,
  belowFiles: filesSeen.below,
  visibleFiles: filesSeen.visible,
  errors,
});
console.log(report);
writeFileSync(RESULTS, `${report}\n`);
log(`written to scripts/bench/results.md`);
if (errors.length) exitCode = 1;
process.exit(exitCode);
