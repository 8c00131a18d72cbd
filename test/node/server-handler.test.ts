import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSameSurfHandler, toNodeListener, type SameSurfHandlerOptions } from '../../src/server/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const SECRET = 'proxy-secret-7f3a9c-never-echoed';
const SITE = 'http://shop.test';
/** Every answer any handler gave in this file, to search for the secret at the end. */
const seen: string[] = [];
const logLines: string[] = [];

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({
    keys: [{ apikey: 'proxy-key', apisecret: SECRET, allowNone: false, reseller: false, subscription: 'demo' }],
  });
});
after(async () => {
  await emu.close();
  const all = seen.join('\n') + logLines.join('\n');
  assert.ok(seen.length > 20, 'many answers were checked');
  assert.equal(all.includes(SECRET), false, 'the secret never appears in a body, a header or a log line');
});

function handler(extra: Partial<SameSurfHandlerOptions> = {}) {
  return createSameSurfHandler({
    apiKey: 'proxy-key',
    apiSecret: SECRET,
    baseUrl: emu.apiBase,
    rateLimit: false,
    log: (l) => logLines.push(l),
    ...extra,
  });
}

async function send(
  h: ReturnType<typeof handler>,
  path: string,
  body?: unknown,
  init: RequestInit & { client?: string } = {},
) {
  const headers = new Headers({
    'Content-Type': 'application/json',
    Origin: SITE,
    ...(init.headers as Record<string, string>),
  });
  const res = await h(
    new Request(`${SITE}/samesurf/${path}`, {
      method: init.method ?? 'POST',
      headers,
      body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body ?? {}),
    }),
    { clientAddress: init.client ?? '203.0.113.7' },
  );
  const text = await res.text();
  seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

describe('createSameSurfHandler: proxy mode', () => {
  it('forwards an allowed call with an HS256 token the emulator accepts, and returns the answer', async () => {
    const res = await send(handler(), 'create', { starturl: 'https://shop.test/cart' });
    assert.equal(res.status, 200);
    assert.equal(res.body.success, true);
    assert.match(res.body.room, /^\d{9}$/);
    assert.ok(res.body.privateinvitation && res.body.leadertoken, 'unchanged without a policy');
    assert.equal(res.headers.get('access-control-allow-origin'), SITE);
    assert.equal(emu.state.findRoom(res.body.room)!.subscription, 'demo');
  });

  it('refuses calls outside the allowlist with 403 JSON, and allows more when told', async () => {
    for (const call of ['runningrooms', 'analyticsoverview', 'reseller/createapikey', 'nonsense']) {
      const res = await send(handler(), call, {});
      assert.equal(res.status, 403, call);
      assert.equal(res.body.success, false);
      assert.match(res.body.error, /not allowed/);
    }
    const wider = await send(handler({ allow: ['create', 'runningrooms'] }), 'runningrooms', {});
    assert.equal(wider.status, 200);
    assert.equal(typeof wider.body.totalrooms, 'number');
  });

  it("passes the API's own refusals through", async () => {
    const res = await send(handler(), 'createlimitedusetoken', { room: '999999999', usagelimit: 1, isleader: false });
    assert.equal(res.status, 404);
    assert.equal(res.body.errorcode, 102);
  });

  it('checks requests against the reference before forwarding', async () => {
    const res = await send(handler(), 'createlimitedusetoken', { room: '1', usagelimit: 0, isleader: true });
    assert.equal(res.status, 400);
    assert.equal(res.body.errorcode, 125);
    const bad = await send(handler(), 'create', '{not json');
    assert.equal(bad.status, 400);
    const get = await send(handler(), 'create', undefined, { method: 'GET' });
    assert.equal(get.status, 405);
  });
});

describe('createSameSurfHandler: policy', () => {
  it('create: forces starturl, title and disabledfeatures', async () => {
    const h = handler({
      policy: {
        create: { starturl: 'https://shop.test/fixed', title: 'Shop help', disabledfeatures: ['TOOLS_VIDEO_CHAT'] },
      },
    });
    const res = await send(h, 'create', {
      starturl: 'https://evil.test',
      title: 'x',
      disabledfeatures: ['MODE_LOGOUT'],
    });
    const room = emu.state.findRoom(res.body.room)!;
    assert.equal(room.starturl, 'https://shop.test/fixed');
    assert.equal(room.title, 'Shop help');
    assert.deepEqual(room.disabledfeatures.sort(), ['MODE_LOGOUT', 'TOOLS_VIDEO_CHAT']);
  });

  it('create: starturlPrefix allows matching URLs, fills a missing one, refuses others', async () => {
    const h = handler({ policy: { create: { starturlPrefix: ['https://shop.test/', 'https://help.shop.test/'] } } });
    const ok = await send(h, 'create', { starturl: 'https://help.shop.test/faq' });
    assert.equal(emu.state.findRoom(ok.body.room)!.starturl, 'https://help.shop.test/faq');
    const filled = await send(h, 'create', {});
    assert.equal(emu.state.findRoom(filled.body.room)!.starturl, 'https://shop.test/');
    const refused = await send(h, 'create', { starturl: 'https://evil.test/' });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error, /must begin with https:\/\/shop\.test\//);
  });

  it('create: stripLeader keeps the leader token and link from the browser', async () => {
    const res = await send(handler({ policy: { create: { stripLeader: true } } }), 'create', {});
    assert.equal(res.body.leadertoken, undefined);
    assert.equal(res.body.privateinvitation, undefined);
    assert.match(res.body.publicinvitation, /\/realtime\//);
  });

  it('createlimitedusetoken: a fixed room, a cap on usagelimit, and no leaders', async () => {
    const room = emu.state.addRoom({
      room: '777000111',
      subscription: 'demo',
      title: null,
      starturl: null,
      bookmarks: [],
      session: {},
      disabledfeatures: [],
      createdAt: Date.now(),
    });
    const h = handler({ policy: { createlimitedusetoken: { room: room.room, maxUsageLimit: 2, allowLeader: false } } });
    const ok = await send(h, 'createlimitedusetoken', { room: '123', usagelimit: 2, isleader: true });
    assert.equal(ok.status, 200);
    assert.match(ok.body.link, new RegExp(`/realtime/${room.room}/`));
    const token = emu.state.limitedTokens.get(ok.body.token)!;
    assert.equal(token.isleader, false);
    const over = await send(h, 'createlimitedusetoken', { room: room.room, usagelimit: 3, isleader: false });
    assert.equal(over.status, 403);
    assert.match(over.body.error, /at most 2/);
  });
});

describe('createSameSurfHandler: defences', () => {
  it('checks Origin: same origin by default, a list when given', async () => {
    const evil = await send(handler(), 'create', {}, { headers: { Origin: 'https://evil.test' } });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const listed = handler({ allowedOrigins: ['https://partner.test'] });
    assert.equal((await send(listed, 'create', {}, { headers: { Origin: 'https://partner.test' } })).status, 200);
    assert.equal((await send(listed, 'create', {}, { headers: { Origin: SITE } })).status, 403);
    const preflight = await send(listed, 'create', undefined, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.test' },
    });
    assert.equal(preflight.status, 204);
  });

  it('limits each client with a token bucket: 429 with Retry-After', async () => {
    const h = handler({ rateLimit: { capacity: 2, refillPerSecond: 0.1 } });
    assert.equal((await send(h, 'create', {}, { client: '198.51.100.1' })).status, 200);
    assert.equal((await send(h, 'create', {}, { client: '198.51.100.1' })).status, 200);
    const third = await send(h, 'create', {}, { client: '198.51.100.1' });
    assert.equal(third.status, 429);
    assert.equal(third.headers.get('retry-after'), '10');
    assert.equal(
      (await send(h, 'create', {}, { client: '198.51.100.2' })).status,
      200,
      'another client has its own bucket',
    );
  });

  it('limits the body size', async () => {
    const res = await send(handler({ maxBodyBytes: 1024 }), 'create', { title: 'x'.repeat(5000) });
    assert.equal(res.status, 413);
  });

  it('turns an unreachable or broken upstream into a safe 502', async () => {
    const down = await send(handler({ baseUrl: 'http://127.0.0.1:9/api/v3' }), 'create', {});
    assert.equal(down.status, 502);
    assert.equal(down.body.error, 'The co-browsing service could not be reached.');
    const html = await send(
      handler({ fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 500 }) }),
      'create',
      {},
    );
    assert.equal(html.status, 502);
    assert.match(logLines.join('\n'), /without JSON/);
  });

  it('refuses to run in a page or without credentials', () => {
    assert.throws(() => createSameSurfHandler({ apiKey: 'k', apiSecret: '' }), /"apiSecret" is required/);
  });
});

describe('createSameSurfHandler: token mode', () => {
  it('mints a working HS256 token for an allowed call, only when turned on', async () => {
    const off = await send(handler(), 'token', { call: 'create' });
    assert.equal(off.status, 403);
    const h = handler({ tokens: true, authorize: () => true });
    const res = await send(h, 'token', { call: 'create' });
    assert.equal(res.status, 200);
    const header = JSON.parse(Buffer.from(res.body.token.split('.')[0], 'base64url').toString());
    assert.equal(header.alg, 'HS256');
    const api = await fetch(`${emu.apiBase}/create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${res.body.token}` },
      body: '{}',
    });
    assert.equal(api.status, 200);
    assert.equal(
      (await send(h, 'token', { call: 'runningrooms' })).status,
      403,
      'no token for a call the site does not allow',
    );
  });
});

describe('toNodeListener', () => {
  it('serves the handler over node:http, also behind a body parser', async () => {
    const listener = toNodeListener(handler({ allowedOrigins: '*' }));
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/parsed/')) {
        // As express.json() leaves it: the stream read, the object on req.body.
        let raw = '';
        req.on('data', (d) => (raw += d));
        req.on('end', () => {
          (req as typeof req & { body: unknown }).body = JSON.parse(raw);
          void listener(req, res);
        });
        return;
      }
      void listener(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/samesurf/create', '/parsed/samesurf/create']) {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'http://anywhere.test' },
          body: JSON.stringify({ title: 'Over HTTP' }),
        });
        const text = await res.text();
        seen.push(text);
        assert.equal(res.status, 200, text);
        assert.equal(emu.state.findRoom(JSON.parse(text).room)!.title, 'Over HTTP');
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
