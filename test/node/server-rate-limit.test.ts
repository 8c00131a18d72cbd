import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSameSurfHandler,
  MemoryRateLimitStore,
  toNodeListener,
  type RateLimitStore,
  type SameSurfHandlerOptions,
} from '../../src/server/index.js';
import { useEmulator } from './helpers.js';
import { rawPost, serve } from './server-http.js';

const ctx = useEmulator();
const SITE = 'https://shop.example';
const tight = { capacity: 2, refillPerSecond: 0.01 };

function handler(extra: Partial<SameSurfHandlerOptions> = {}) {
  return createSameSurfHandler({
    apiKey: 'server-key',
    apiSecret: 'server-secret',
    baseUrl: ctx.emu.apiBase,
    log: () => undefined,
    rateLimit: tight,
    ...extra,
  });
}

/** Status of one create, as a runtime without a socket address (Next.js, Workers) would call the handler. */
async function status(h: ReturnType<typeof handler>, headers: Record<string, string> = {}, clientAddress?: string) {
  const res = await h(
    new Request(`${SITE}/samesurf/create`, {
      method: 'POST',
      headers: { Host: 'shop.example', Origin: SITE, 'Content-Type': 'application/json', ...headers },
      body: '{}',
    }),
    clientAddress === undefined ? undefined : { clientAddress },
  );
  await res.arrayBuffer();
  return res.status;
}

describe('the rate limit is keyed on the real client', () => {
  it('over node:http, on the socket address: each visitor has a bucket, and X-Forwarded-For is not believed', async () => {
    const { port } = await serve(toNodeListener(handler()));
    const from = async (localAddress: string, headers: Record<string, string> = {}) =>
      (await rawPost(port, '/samesurf/create', { Origin: `http://127.0.0.1:${port}`, ...headers }, { localAddress }))
        .status;
    assert.deepEqual([await from('127.0.0.2'), await from('127.0.0.2'), await from('127.0.0.2')], [200, 200, 429]);
    assert.equal(await from('127.0.0.3'), 200, 'another visitor is not limited by the first');
    assert.equal(
      await from('127.0.0.2', { 'X-Forwarded-For': '192.0.2.99' }),
      429,
      'a spoofed header gives no new bucket',
    );
  });

  it('behind a proxy (trustProxy), on the forwarded address: a stranger is not limited by another visitor', async () => {
    const h = handler({ trustProxy: 1 });
    const via = (client: string) => status(h, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': client });
    assert.deepEqual(
      [await via('198.51.100.1'), await via('198.51.100.1'), await via('198.51.100.1')],
      [200, 200, 429],
    );
    assert.equal(await via('198.51.100.2'), 200);
    // The visitor cannot escape by adding entries on the left: the proxy's own entry is the rightmost.
    assert.equal(await via('10.9.9.9, 198.51.100.1'), 429);
    assert.equal(
      await status(h, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.3' }, '::ffff:198.51.100.3'),
      200,
    );
  });

  it('on Workers, on CF-Connecting-IP only when clientAddressHeader says so', async () => {
    const warnings: string[] = [];
    const untrusted = handler({ log: (l) => warnings.push(l) });
    const cf = (ip: string) => ({ 'CF-Connecting-IP': ip });
    assert.deepEqual(
      [
        await status(untrusted, cf('192.0.2.1')),
        await status(untrusted, cf('192.0.2.2')),
        await status(untrusted, cf('192.0.2.3')),
      ],
      [200, 200, 429],
      'not trusted: one shared bucket',
    );
    const h = handler({ clientAddressHeader: 'cf-connecting-ip' });
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '2001:db8::7'])
      assert.equal(await status(h, cf(ip)), 200, ip);
    assert.equal(await status(h, cf('192.0.2.1')), 200);
    assert.equal(await status(h, cf('192.0.2.1')), 429);
  });

  it('past 10,000 clients, a newcomer is still limited (the table scan used to forget it at once)', async () => {
    const h = handler({ rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
    // A body that is not JSON is refused after the limit is taken and before the API is called.
    const take = async (clientAddress: string) => {
      const res = await h(
        new Request(`${SITE}/samesurf/create`, {
          method: 'POST',
          headers: { Host: 'shop.example', Origin: SITE },
          body: '{not json',
        }),
        { clientAddress },
      );
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < 10_000; i++) await take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    assert.deepEqual(
      [await take('192.0.2.200'), await take('192.0.2.200'), await take('192.0.2.200')],
      [400, 400, 429],
    );
  });

  it('::ffff:-mapped and plain IPv4 are one client', async () => {
    const h = handler();
    assert.equal(await status(h, {}, '::ffff:203.0.113.5'), 200);
    assert.equal(await status(h, {}, '203.0.113.5'), 200);
    assert.equal(await status(h, {}, '::FFFF:203.0.113.5'), 429);
  });
});

describe('a caller without an address', () => {
  it('is warned about once, through log', async () => {
    const lines: string[] = [];
    const h = handler({ log: (l) => lines.push(l), rateLimit: { capacity: 100, refillPerSecond: 1 } });
    for (let i = 0; i < 3; i++) assert.equal(await status(h), 200);
    const warnings = lines.filter((l) => /no client address/.test(l));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /trustProxy/);
    assert.match(warnings[0]!, /clientAddressHeader/);
  });

  it('is warned about on console.warn when the site gave no log', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const h = createSameSurfHandler({ apiKey: 'server-key', apiSecret: 'server-secret', baseUrl: ctx.emu.apiBase });
    assert.equal(await status(h), 200);
    assert.equal(await status(h), 200);
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0]!.arguments[0]), /no client address/);
  });
});

describe('MemoryRateLimitStore', () => {
  const limit = { capacity: 3, refillPerSecond: 1 };

  it('stays bounded past 50,000 clients, with O(1) work per take (no scan of the table)', () => {
    const store = new MemoryRateLimitStore({ maxClients: 1000, now: () => 0 });
    // Every walk over a Map (for…of, keys(), entries(), forEach) steps a Map iterator: count the steps.
    const iteratorProto = Object.getPrototypeOf(new Map().keys()) as { next: (...a: unknown[]) => unknown };
    const next = iteratorProto.next;
    let steps = 0;
    iteratorProto.next = function (this: unknown, ...a: unknown[]) {
      steps++;
      return next.apply(this, a);
    };
    let largest = 0;
    try {
      for (let i = 0; i < 50_000; i++) {
        store.take(`client-${i}`, limit);
        store.take(`client-${i}`, limit);
        largest = Math.max(largest, store.size);
      }
    } finally {
      iteratorProto.next = next;
    }
    assert.equal(largest, 1000);
    // A scan would be ~1,000 steps a take (the store before: 40 million for 24,000 takes at 12,000 clients).
    assert.equal(steps, 0, 'no walk over the table');
  });

  it('forgets the least recently seen client first, and a forgotten client starts with a full bucket', () => {
    const store = new MemoryRateLimitStore({ maxClients: 3, now: () => 0 });
    for (let i = 0; i < 3; i++) assert.equal(store.take('a', limit).ok, true);
    assert.deepEqual(store.take('a', limit), { ok: false, retryAfterSeconds: 1 });
    store.take('b', limit);
    store.take('c', limit);
    store.take('a', limit); // a is the most recent again: b goes next
    store.take('d', limit);
    assert.equal(store.take('a', limit).ok, false, 'a was kept, still empty');
    store.take('e', limit);
    store.take('f', limit);
    store.take('g', limit); // a is pushed out now
    assert.equal(store.size, 3);
    assert.deepEqual(
      [store.take('a', limit).ok, store.take('a', limit).ok, store.take('a', limit).ok, store.take('a', limit).ok],
      [true, true, true, false],
    );
  });

  it('refills with time and says when the next token comes', () => {
    let now = 0;
    const store = new MemoryRateLimitStore({ now: () => now });
    const slow = { capacity: 2, refillPerSecond: 0.1 };
    store.take('a', slow);
    store.take('a', slow);
    assert.deepEqual(store.take('a', slow), { ok: false, retryAfterSeconds: 10 });
    now += 4000;
    assert.deepEqual(store.take('a', slow), { ok: false, retryAfterSeconds: 6 });
    now += 6000;
    assert.equal(store.take('a', slow).ok, true);
    now -= 60_000; // a clock that steps back gives nothing away
    assert.equal(store.take('a', slow).ok, false);
  });

  it('refuses a maxClients it cannot keep', () => {
    for (const maxClients of [0, -1, 1.5, NaN])
      assert.throws(() => new MemoryRateLimitStore({ maxClients }), /maxClients/);
  });
});

describe('rateLimit.store', () => {
  it("takes the site's own store, sync or async, keyed per client, with the limit", async () => {
    const seen: string[] = [];
    const store: RateLimitStore = {
      async take(key, limit) {
        seen.push(`${key} ${limit.capacity}/${limit.refillPerSecond}`);
        return key === 'ip:198.51.100.66' ? { ok: false, retryAfterSeconds: 42 } : { ok: true };
      },
    };
    const h = handler({ rateLimit: { capacity: 5, refillPerSecond: 0.5, store } });
    assert.equal(await status(h, {}, '198.51.100.65'), 200);
    const res = await h(
      new Request(`${SITE}/samesurf/create`, {
        method: 'POST',
        headers: { Host: 'shop.example', Origin: SITE },
        body: '{}',
      }),
      { clientAddress: '198.51.100.66' },
    );
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '42');
    assert.deepEqual(seen, ['ip:198.51.100.65 5/0.5', 'ip:198.51.100.66 5/0.5']);
  });

  it('a store that fails refuses with 503 and a log line, not an unlimited pass', async () => {
    const lines: string[] = [];
    const h = handler({
      log: (l) => lines.push(l),
      rateLimit: {
        ...tight,
        store: {
          take: async () => {
            throw new Error('connection lost');
          },
        },
      },
    });
    assert.equal(await status(h, {}, '198.51.100.70'), 503);
    assert.match(lines.join('\n'), /rate-limit store failed \(connection lost\)/);
  });

  it('refuses limits and stores it cannot use, naming them', () => {
    assert.throws(() => handler({ rateLimit: { capacity: 0, refillPerSecond: 1 } }), /rateLimit\.capacity/);
    assert.throws(() => handler({ rateLimit: { capacity: 5, refillPerSecond: 0 } }), /rateLimit\.refillPerSecond/);
    assert.throws(
      () => handler({ rateLimit: { capacity: 5, refillPerSecond: 1, store: {} as RateLimitStore } }),
      /rateLimit\.store/,
    );
  });
});

describe('a shared store that is down', () => {
  const silent: RateLimitStore = { take: () => new Promise(() => undefined) };
  const failing: RateLimitStore = { take: async () => Promise.reject(new Error('connect ECONNREFUSED')) };

  it('a store that never answers is a 503 after rateLimit.timeoutMs, logged even without a log option', async () => {
    const warned: unknown[][] = [];
    const { warn } = console;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const h = handler({ log: undefined, rateLimit: { ...tight, store: silent, timeoutMs: 50 } });
      assert.equal(await status(h, {}, '198.51.100.60'), 503);
      assert.match(String(warned.at(-1)?.[0]), /rate-limit store failed \(the store did not answer within 50 ms\)/);
    } finally {
      console.warn = warn;
    }
  });

  it("a store that fails is a 503 through the site's log", async () => {
    const lines: string[] = [];
    const h = handler({ log: (l) => lines.push(l), rateLimit: { ...tight, store: failing } });
    assert.equal(await status(h, {}, '198.51.100.61'), 503);
    assert.match(lines.join('\n'), /rate-limit store failed \(connect ECONNREFUSED\)/);
  });

  it('refuses a rateLimit.timeoutMs that is not a sane number of milliseconds', () => {
    for (const timeoutMs of [0, -1, Number.NaN, 2 ** 31, '100']) {
      assert.throws(() => handler({ rateLimit: { ...tight, timeoutMs: timeoutMs as number } }), /rateLimit\.timeoutMs/);
    }
  });
});
