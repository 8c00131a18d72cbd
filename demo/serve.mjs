// `npm start`: the built element, the emulator and a small static server for the demo pages.
// Also used by the end-to-end tests and benchmarks (startDemo({ port: 0 })).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** The only folders the server shows. */
const MOUNTS = { '/demo/': 'demo', '/dist/': 'dist', '/e2e/': 'test/e2e/pages' };
export const SUPPORT_ROOM = '424242424';
/** The demo's stand-in for an agent's login: a cookie set by /demo/agent-sign-in (never do this for real). */
export const AGENT_COOKIE = 'samesurf-demo-agent=signed-in';
/**
 * How far the agent console may move the emulator's clock ahead, in all. Tokens are signed on the real clock, so the
 * demo's emulator takes an `iat` this far from its own (the API allows 5 minutes).
 */
const CLOCK_RANGE_S = 7 * 86_400;

/** The strict policy a careful site would send; the pages work under it. */
export function strictCsp(emulatorUrl, { self = false, media = false } = {}) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // The demo also talks to its own proxy (/samesurf/); the e2e pages use exactly the issue's policy.
    `connect-src ${self ? "'self' " : ''}${emulatorUrl}`,
    `frame-src ${emulatorUrl}`,
    // The agent's pages show recordings: their thumbnails, screenshots and videos come from the API's media links.
    `img-src 'self' data:${media ? ` ${emulatorUrl}` : ''}`,
    ...(media ? [`media-src ${emulatorUrl}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function startDemo({ port = 8000, emulatorPort = 8787, host = '127.0.0.1' } = {}) {
  if (!existsSync(join(ROOT, 'dist/cdn/samesurf-launcher.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm start does).');
  }
  const { startEmulator } = await import('../dist/emulator/index.js');
  const { AGENT_CALLS, createSameSurfHandler, toNodeListener } = await import('../dist/server/index.js');
  const emulator = await listenWithFallback(
    (p) =>
      startEmulator({
        port: p,
        testMode: true,
        iatSkewSeconds: CLOCK_RANGE_S,
        seed: [{ room: SUPPORT_ROOM, title: 'Support desk' }],
      }),
    emulatorPort,
  );

  // The site's own endpoint (samesurf-launcher/server): the key and secret stay here, never in the page.
  const proxy = toNodeListener(
    createSameSurfHandler({
      apiKey: 'server-key',
      apiSecret: 'server-secret',
      baseUrl: emulator.apiBase,
      policy: { create: { starturlPrefix: 'https://example.com/' }, createlimitedusetoken: { maxUsageLimit: 1 } },
      log: (line) => console.log(line),
    }),
  );

  // The agent console's own endpoint: the agent's calls, leader tokens from find, and an authorize hook that stands in
  // for the portal's login (a real one checks its session store, not a fixed cookie).
  const agentProxy = toNodeListener(
    createSameSurfHandler({
      apiKey: 'server-key',
      apiSecret: 'server-secret',
      baseUrl: emulator.apiBase,
      allow: [...AGENT_CALLS],
      policy: { find: { stripLeader: false }, create: { schedule: { allow: true, maxInvitees: 20 } } },
      // An agent's console refreshes its rooms and analytics: more than the visitors' default allows.
      rateLimit: { capacity: 60, refillPerSecond: 1 },
      authorize: ({ request }) =>
        (request.headers.get('cookie') ?? '').split(/;\s*/).includes(AGENT_COOKIE) || {
          deny: 'Agents only: sign in first.',
        },
      log: (line) => console.log(line),
    }),
  );

  /**
   * POST /demo/emulator-clock {"minutes": n}: the agent console's control, which moves the emulator's clock forward so
   * that a scheduled room comes due. JSON only, so that another site's form cannot post it (a preflight it would fail).
   */
  let movedS = 0;
  async function moveClock(req, res) {
    const reply = (status, body) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify(body));
    if (req.method !== 'POST') return reply(405, { error: 'POST a JSON body.' });
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return reply(415, { error: 'The body must be JSON (Content-Type: application/json).' });
    let minutes;
    try {
      let body = '';
      for await (const chunk of req) if ((body += chunk).length > 1024) throw new Error('too long');
      ({ minutes } = JSON.parse(body));
    } catch {
      return reply(400, { error: 'The body must be {"minutes": n}.' });
    }
    if (!Number.isInteger(minutes) || minutes < 1)
      return reply(400, { error: '"minutes" must be a whole number ≥ 1.' });
    if (movedS + minutes * 60 > CLOCK_RANGE_S)
      return reply(400, {
        error:
          "That is further than the demo's emulator takes tokens from (7 days): restart the demo (npm start) to begin again.",
      });
    const moved = await fetch(`${emulator.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: minutes * 60_000 }),
    });
    const answer = await moved.json();
    if (!moved.ok) return reply(502, { error: answer.error });
    movedS += minutes * 60;
    return reply(200, { now: answer.now });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (url.pathname.startsWith('/samesurf/')) {
      void proxy(req, res);
      return;
    }
    if (url.pathname.startsWith('/samesurf-agent/')) {
      void agentProxy(req, res);
      return;
    }
    if (url.pathname === '/demo/agent-sign-in' || url.pathname === '/demo/agent-sign-out') {
      const cookie = url.pathname.endsWith('in')
        ? `${AGENT_COOKIE}; Path=/`
        : `${AGENT_COOKIE.split('=')[0]}=; Path=/; Max-Age=0`;
      res.writeHead(303, { Location: '/demo/agent.html', 'Set-Cookie': `${cookie}; HttpOnly; SameSite=Lax` }).end();
      return;
    }
    if (url.pathname === '/demo/emulator-clock') {
      void moveClock(req, res);
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/demo/index.html' }).end();
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const mount = Object.keys(MOUNTS).find((m) => url.pathname.startsWith(m));
    const file = mount && normalize(join(ROOT, MOUNTS[mount], decodeURIComponent(url.pathname.slice(mount.length))));
    if (!file || !file.startsWith(join(ROOT, MOUNTS[mount])) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (extname(file) === '.html') {
      // The demo and the agent's e2e pages also talk to their own proxies.
      const agent = url.pathname.startsWith('/e2e/agent-') || url.pathname === '/demo/agent.html';
      headers['Content-Security-Policy'] = strictCsp(emulator.url, { self: mount === '/demo/' || agent, media: agent });
      import('node:fs/promises').then(async ({ readFile }) => {
        const html = (await readFile(file, 'utf8'))
          .replaceAll('{{EMULATOR}}', emulator.url)
          .replaceAll('{{SUPPORT_ROOM}}', SUPPORT_ROOM);
        res.writeHead(200, headers).end(html);
      });
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  const url = await listenWithFallback(
    (p) =>
      new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(p, host, () => ok(`http://${host}:${server.address().port}`));
      }),
    port,
  );
  return {
    url,
    emulator,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await emulator.close();
    },
  };
}

/** Tries the wished port, then any free one (a second `npm start` still works). */
async function listenWithFallback(listen, port) {
  try {
    return await listen(port);
  } catch (err) {
    if (port === 0 || err.code !== 'EADDRINUSE') throw err;
    return listen(0);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ port: Number(process.env.PORT ?? 8000) });
  console.log(`SameSurf emulator listening on ${demo.emulator.url}`);
  console.log(`Demo: ${demo.url}/demo/index.html`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
