// `npm run bench`: the servers the pages talk to, in a process of their own, so that an API answer never waits
// behind the harness's own work (Playwright's traffic with the browser). Started by scripts/bench.mjs with fork();
// sends { ready: { server, emulators, litBytes, floorBytes } } or { error }, and stops when the parent disconnects.
//   - one emulator per API latency, every API call (`*`) delayed by it through the emulator's own fault injection;
//   - the bench server (serve.mjs): dist/cdn, the reference elements, the pages.
import { buildReferences, gzipSize, pageHtml, startBenchServer, VARIANTS } from './serve.mjs';

const latencies = process.argv.slice(2).map(Number);

try {
  const { startEmulator } = await import('../../dist/emulator/index.js');
  const emulators = {};
  for (const lat of latencies) {
    const emu = await startEmulator({ testMode: true });
    if (lat > 0) emu.fault({ call: '*', delayMs: lat, count: 1_000_000_000 });
    emulators[lat] = emu;
  }
  const refs = await buildReferences();
  /** /p/<variant>-<latency>[-below].html and /p/many-<variant>.html */
  const pages = (pathname) => {
    const many = /^\/p\/many-([\w-]+)\.html$/.exec(pathname);
    if (many && VARIANTS[many[1]])
      return pageHtml({ variant: many[1], emulatorUrl: emulators[latencies[0]].url, many: true });
    const m = /^\/p\/(\w+(?:-iife|-bundle)?)-(\d+)(-below)?\.html$/.exec(pathname);
    if (!m || !VARIANTS[m[1]] || !emulators[m[2]]) return undefined;
    return pageHtml({ variant: m[1], emulatorUrl: emulators[m[2]].url, below: Boolean(m[3]) });
  };
  const server = await startBenchServer({ pages, refs });
  const stop = async () => {
    await server.close();
    for (const emu of Object.values(emulators)) await emu.close();
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send({
    ready: {
      server: server.url,
      emulators: Object.fromEntries(Object.entries(emulators).map(([lat, emu]) => [lat, emu.url])),
      litBytes: gzipSize(refs.get('/ref/bare-lit.js')),
      floorBytes: gzipSize(refs.get('/ref/floor.js')),
    },
  });
} catch (err) {
  process.send({ error: err?.stack ?? String(err) });
  process.exit(1);
}
