import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createSameSurfHandler, toNodeListener, type SameSurfHandlerOptions } from '../../src/server/index.js';
import { normaliseAddress, requestIdentity, type IdentityOptions } from '../../src/server/request-identity.js';
import { useEmulator } from './helpers.js';
import { mountAtSamesurf, rawPost, serve } from './server-http.js';

const ctx = useEmulator();
const handler = (extra: Partial<SameSurfHandlerOptions> = {}) =>
  createSameSurfHandler({
    apiKey: 'server-key',
    apiSecret: 'server-secret',
    baseUrl: ctx.emu.apiBase,
    rateLimit: false,
    ...extra,
  });

/** A handler-level call: the URL, the headers and the socket address exactly as given. */
async function call(
  h: ReturnType<typeof handler>,
  url: string,
  headers: Record<string, string>,
  clientAddress = '203.0.113.7',
) {
  const res = await h(
    new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' }),
    { clientAddress },
  );
  return { status: res.status, acao: res.headers.get('access-control-allow-origin'), body: await res.json() };
}

const identity = (
  headers: Record<string, string>,
  options: IdentityOptions,
  socket = '10.0.0.1',
  url = 'http://shop.example/samesurf/create',
) => requestIdentity(new Request(url, { headers }), socket, options);

describe("the handler's own origin never comes from the request path", () => {
  it('over node:http, the target //evil.test/samesurf/create from a page on evil.test gets 403 and no CORS header', async () => {
    const { port } = await serve(toNodeListener(handler()));
    for (const path of [
      '//evil.test/samesurf/create',
      'http://evil.test/samesurf/create',
      '/\\evil.test/samesurf/create',
    ]) {
      const res = await rawPost(port, path, { Origin: 'http://evil.test' });
      assert.equal(res.status, 403, path);
      assert.equal(res.headers['access-control-allow-origin'], undefined, path);
      assert.match(res.body.error, /origin may not/);
    }
    // The path changes nothing for the site's own page: its origin is the Host header's.
    const own = await rawPost(port, '//evil.test/samesurf/create', { Origin: `http://127.0.0.1:${port}` });
    assert.equal(own.status, 200);
    assert.equal(own.headers['access-control-allow-origin'], `http://127.0.0.1:${port}`);
  });

  it('at the handler level the Host header decides, not the URL', async () => {
    const h = handler();
    const evil = await call(h, 'http://evil.test/samesurf/create', { Host: 'shop.test', Origin: 'http://evil.test' });
    assert.equal(evil.status, 403);
    assert.equal(evil.acao, null);
    const own = await call(h, 'http://evil.test/samesurf/create', { Host: 'shop.test', Origin: 'http://shop.test' });
    assert.equal(own.status, 200);
    assert.equal(own.acao, 'http://shop.test');
  });

  it('refuses a missing Origin, "null", and case, suffix, scheme, port and slash variants of its own', async () => {
    const h = handler();
    const variants = [
      undefined,
      'null',
      'HTTP://SHOP.TEST',
      'http://SHOP.test',
      'http://shop.test.evil.test',
      'http://evil-shop.test',
      'https://shop.test',
      'http://shop.test:8080',
      'http://shop.test/',
      'http://shop.tes',
    ];
    for (const origin of variants) {
      const res = await call(h, 'http://shop.test/samesurf/create', {
        Host: 'shop.test',
        ...(origin === undefined ? {} : { Origin: origin }),
      });
      assert.equal(res.status, 403, String(origin));
      assert.equal(res.acao, null, String(origin));
    }
  });

  it('refuses every Origin when the Host header cannot be a host (a path or userinfo in it)', async () => {
    const h = handler();
    for (const host of ['shop.test/x', 'evil.test@shop.test', 'shop.test?x', 'shop.test#x']) {
      const res = await call(h, 'http://shop.test/samesurf/create', { Host: host, Origin: 'http://shop.test' });
      assert.equal(res.status, 403, host);
    }
  });
});

describe('trustProxy', () => {
  const behindTls = {
    Host: 'shop.example',
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-For': '198.51.100.23',
    Origin: 'https://shop.example',
  };

  it("behind a TLS-terminating proxy, the site's own https page gets 200 (only with trustProxy)", async () => {
    assert.equal(
      (await call(handler(), 'http://shop.example/samesurf/create', behindTls)).status,
      403,
      'https page, http hop',
    );
    const res = await call(handler({ trustProxy: 1 }), 'http://shop.example/samesurf/create', behindTls);
    assert.equal(res.status, 200);
    assert.equal(res.acao, 'https://shop.example');
    const viaHost = {
      Host: '10.0.0.5:3000',
      'X-Forwarded-Host': 'shop.example',
      'X-Forwarded-Proto': 'https',
      Origin: 'https://shop.example',
    };
    assert.equal((await call(handler({ trustProxy: 1 }), 'http://10.0.0.5:3000/samesurf/create', viaHost)).status, 200);
    const rfc = {
      Host: '10.0.0.5:3000',
      Forwarded: 'for=198.51.100.23;proto=https;host=shop.example',
      Origin: 'https://shop.example',
    };
    assert.equal((await call(handler({ trustProxy: true }), 'http://10.0.0.5:3000/samesurf/create', rfc)).status, 200);
  });

  it('without trustProxy, forwarded headers are ignored entirely', async () => {
    const h = handler();
    const spoofs: Record<string, string>[] = [
      { 'X-Forwarded-Host': 'evil.test', 'X-Forwarded-Proto': 'https', Origin: 'https://evil.test' },
      { Forwarded: 'host=evil.test;proto=https', Origin: 'https://evil.test' },
      { 'X-Forwarded-Proto': 'https', Origin: 'https://shop.test' },
    ];
    for (const headers of spoofs) {
      assert.equal(
        (await call(h, 'http://shop.test/samesurf/create', { Host: 'shop.test', ...headers })).status,
        403,
        JSON.stringify(headers),
      );
    }
    assert.deepEqual(identity({ 'X-Forwarded-For': '1.2.3.4', Forwarded: 'for=5.6.7.8' }, {}), {
      origin: 'http://shop.example',
      clientAddress: '10.0.0.1',
    });
    assert.deepEqual(
      identity({ 'X-Forwarded-For': '1.2.3.4' }, { trustProxy: 0 }).clientAddress,
      '10.0.0.1',
      '0 proxies is no proxy',
    );
  });

  it('a hop count reads X-Forwarded-For from the right: what the client added on the left is ignored', () => {
    const xff = { 'X-Forwarded-For': '6.6.6.6, 198.51.100.4, 10.0.0.2' };
    assert.equal(identity(xff, { trustProxy: 1 }).clientAddress, '10.0.0.2');
    assert.equal(identity(xff, { trustProxy: 2 }).clientAddress, '198.51.100.4');
    assert.equal(identity(xff, { trustProxy: 5 }).clientAddress, '6.6.6.6', 'fewer entries than hops: the furthest');
    assert.equal(identity(xff, { trustProxy: true }).clientAddress, '6.6.6.6', 'true trusts every entry');
    assert.equal(identity({}, { trustProxy: 1 }).clientAddress, '10.0.0.1', 'no header: the socket');
    // Lists of proto and host are read the same way: a client-sent value left of the proxy's is not the origin.
    const appended = { 'X-Forwarded-Proto': 'http, https', 'X-Forwarded-Host': 'evil.test, shop.example' };
    assert.equal(identity(appended, { trustProxy: 1 }).origin, 'https://shop.example');
  });

  it('reads RFC 7239 Forwarded: quoted values, IPv6 in brackets, ports, several elements, unknown', () => {
    const fwd = {
      Forwarded:
        'for="[2001:DB8:cafe::17]:4711";proto=https;host="shop.example:8443", For=192.0.2.43:51000;by=10.0.0.9',
    };
    assert.deepEqual(identity(fwd, { trustProxy: 1 }), {
      origin: 'https://shop.example:8443',
      clientAddress: '192.0.2.43',
    });
    assert.equal(identity(fwd, { trustProxy: 2 }).clientAddress, '2001:db8:cafe::17');
    assert.equal(
      identity({ Forwarded: 'for=unknown' }, { trustProxy: 1 }).clientAddress,
      '10.0.0.1',
      'the proxy does not know it: the nearest known hop',
    );
    assert.equal(
      identity({ Forwarded: 'for="_gazonk"' }, { trustProxy: 1 }).clientAddress,
      '_gazonk',
      'an obfuscated node still keys the limit',
    );
    assert.equal(
      identity({ Forwarded: 'for=192.0.2.1, for="[::ffff:192.0.2.60]"' }, { trustProxy: 1 }).clientAddress,
      '192.0.2.60',
    );
    assert.equal(
      identity({ Forwarded: 'proto=https;host=evil.test/x' }, { trustProxy: 1 }).origin,
      undefined,
      'a host with a path is no host',
    );
  });

  it('reads one family only: a Forwarded header is ignored when the proxy writes X-Forwarded-*', () => {
    const both = { 'X-Forwarded-For': '198.51.100.4', Forwarded: 'for=6.6.6.6;host=evil.test;proto=https' };
    assert.deepEqual(identity(both, { trustProxy: 1 }), {
      origin: 'http://shop.example',
      clientAddress: '198.51.100.4',
    });
  });

  it('takes a platform header only when told (clientAddressHeader), and normalises addresses', () => {
    const cf = { 'CF-Connecting-IP': '2001:DB8::1' };
    const worker = (options: IdentityOptions) =>
      requestIdentity(new Request('https://shop.example/samesurf/create', { headers: cf }), undefined, options);
    assert.equal(worker({}).clientAddress, undefined);
    assert.equal(worker({ clientAddressHeader: 'cf-connecting-ip' }).clientAddress, '2001:db8::1');
    assert.equal(worker({ trustProxy: 1 }).clientAddress, undefined, 'trustProxy alone does not read it');
    assert.equal(normaliseAddress('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(normaliseAddress('[::1]:8080'), '::1');
    assert.equal(normaliseAddress('203.0.113.9:443'), '203.0.113.9');
    assert.equal(normaliseAddress('x'.repeat(5000))!.length, 100, 'a key of bounded size');
  });

  it('refuses options it cannot use, naming them', () => {
    for (const trustProxy of [-1, 1.5, 'yes', NaN]) {
      assert.throws(() => handler({ trustProxy: trustProxy as never }), /trustProxy/);
    }
    assert.throws(() => handler({ clientAddressHeader: 'cf connecting ip' }), /clientAddressHeader/);
  });
});

/** The object passed to createSameSurfHandler in the README's fenced block that contains `marker`. */
function readmeOptions(marker: string, env: Record<string, string>): SameSurfHandlerOptions {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes(marker));
  assert.ok(block, `README has a js block with ${marker}`);
  const start = block.indexOf('createSameSurfHandler(') + 'createSameSurfHandler('.length;
  let depth = 1;
  let end = start;
  while (depth > 0 && end < block.length) {
    const c = block[end++];
    if (c === '(') depth++;
    if (c === ')') depth--;
  }
  // The README's own text, evaluated with the environment its snippet reads.
  return new Function('process', 'env', `return (${block.slice(start, end - 1)});`)({ env }, env);
}

describe('the README examples behind a TLS-terminating proxy, as written', () => {
  const env = { SAMESURF_KEY: 'server-key', SAMESURF_SECRET: 'server-secret' };

  it("Express: mounted at /samesurf over node:http, X-Forwarded-Proto https, the shop's page gets 200", async () => {
    const options = readmeOptions("from 'express'", env);
    const { port } = await serve(
      mountAtSamesurf(toNodeListener(createSameSurfHandler({ ...options, baseUrl: ctx.emu.apiBase }))),
    );
    // nginx: proxy_set_header Host $host; X-Forwarded-Proto $scheme; X-Forwarded-For $proxy_add_x_forwarded_for.
    const headers = {
      Host: 'shop.example',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-For': '198.51.100.23',
      Origin: 'https://shop.example',
    };
    const res = await rawPost(port, '/samesurf/create', headers, {
      body: JSON.stringify({ starturl: 'https://shop.example/cart' }),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers['access-control-allow-origin'], 'https://shop.example');
    assert.equal(ctx.emu.state.findRoom(res.body.room)!.starturl, 'https://shop.example/cart');
    const byHost = {
      Host: '127.0.0.1',
      'X-Forwarded-Host': 'shop.example',
      'X-Forwarded-Proto': 'https',
      Origin: 'https://shop.example',
    };
    assert.equal((await rawPost(port, '/samesurf/create', byHost)).status, 200, 'a proxy that sends X-Forwarded-Host');
  });

  it('Next.js: the route handler, X-Forwarded-Proto https, gets 200', async () => {
    const options = readmeOptions('POST', env);
    const h = createSameSurfHandler({ ...options, baseUrl: ctx.emu.apiBase });
    const res = await h(
      new Request('http://shop.example/samesurf/create', {
        method: 'POST',
        headers: {
          Host: 'shop.example',
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-For': '198.51.100.23',
          Origin: 'https://shop.example',
          'Content-Type': 'application/json',
        },
        body: '{}',
      }),
    );
    assert.equal(res.status, 200, await res.clone().text());
  });

  it('Workers: each visitor is limited on its CF-Connecting-IP, not all together', async () => {
    const options = readmeOptions('fetch(request, env)', env);
    const h = createSameSurfHandler({
      ...options,
      baseUrl: ctx.emu.apiBase,
      rateLimit: { capacity: 1, refillPerSecond: 0.01 },
      log: () => undefined,
    });
    const visit = async (ip: string) => {
      const res = await h(
        new Request('https://shop.example/samesurf/create', {
          method: 'POST',
          headers: { Host: 'shop.example', Origin: 'https://shop.example', 'CF-Connecting-IP': ip },
          body: '{}',
        }),
      );
      await res.arrayBuffer();
      return res.status;
    };
    assert.deepEqual(
      [await visit('192.0.2.10'), await visit('192.0.2.11'), await visit('192.0.2.10')],
      [200, 200, 429],
    );
  });
});
