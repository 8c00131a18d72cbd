/**
 * The Redis store against a real redis-server that this file starts on 127.0.0.1 at a free port, without
 * persistence, and stops at the end. Skipped, saying why, only where redis-server is not installed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createSameSurfHandler, type SameSurfHandlerOptions } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { useEmulator } from './helpers.js';

const installed = spawnSync('redis-server', ['--version']).status === 0;
const skip = installed
  ? false
  : 'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

describe('createRedisStore against a real redis-server', () => {
  const ctx = useEmulator();
  let server: ChildProcess;
  let port: number;
  const clients: Redis[] = [];
  /** A connection of its own, as another process would have. */
  const connect = () => {
    const c = new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });
    clients.push(c);
    return c;
  };

  before(async () => {
    if (skip) return;
    port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('Ready to accept connections')) resolve();
      });
      server.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((r) => server.once('exit', r));
  });

  const limit = { capacity: 10, refillPerSecond: 0.01 };
  /** Each test says it is skipped and why, so that the count shows it. */
  const test = (name: string, fn: () => Promise<void> | void) => it(name, { skip }, fn);

  test('never over-grants: 50 concurrent takes from two connections on a bucket of 10 get exactly 10', async () => {
    const a = createRedisStore(connect());
    const b = createRedisStore(connect());
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).take('ip:198.51.100.1', limit)),
    );
    assert.equal(results.filter((r) => r.ok).length, 10);
    for (const r of results.filter((r) => !r.ok)) assert.deepEqual(r, { ok: false, retryAfterSeconds: 100 });
  });

  test('two handler instances (two processes) share one limit', async () => {
    const options = (redis: Redis): SameSurfHandlerOptions => ({
      apiKey: 'server-key',
      apiSecret: 'server-secret',
      baseUrl: ctx.emu.apiBase,
      log: () => undefined,
      rateLimit: { capacity: 3, refillPerSecond: 0.01, store: createRedisStore(redis, { prefix: 'shop:rl:' }) },
    });
    const first = createSameSurfHandler(options(connect()));
    const second = createSameSurfHandler(options(connect()));
    const send = async (h: typeof first, clientAddress: string) => {
      const res = await h(
        new Request('https://shop.example/samesurf/create', {
          method: 'POST',
          headers: { Origin: 'https://shop.example' },
          body: '{}',
        }),
        { clientAddress },
      );
      await res.arrayBuffer();
      return [res.status, res.headers.get('retry-after')];
    };
    assert.deepEqual(await send(first, '203.0.113.1'), [200, null]);
    assert.deepEqual(await send(second, '203.0.113.1'), [200, null]);
    assert.deepEqual(await send(first, '203.0.113.1'), [200, null]);
    // Limited through either instance; Retry-After is the time to one token (100 s at 0.01/s), less the real
    // seconds that passed since the bucket emptied (a loaded machine can take a few).
    for (const h of [second, first]) {
      const [status, retryAfter] = await send(h, '203.0.113.1');
      assert.equal(status, 429);
      assert.ok(Number(retryAfter) >= 90 && Number(retryAfter) <= 100, `Retry-After ${retryAfter}`);
    }
    assert.deepEqual(await send(second, '203.0.113.2'), [200, null], 'another client has its own bucket');
    assert.equal(await clients.at(-1)!.exists('shop:rl:ip:203.0.113.1'), 1, 'the prefix is used');
  });

  test('a key expires when its bucket would be full again, and a forgotten bucket is a full one', async () => {
    const redis = connect();
    const store = createRedisStore(redis);
    const fast = { capacity: 2, refillPerSecond: 20 };
    assert.equal((await store.take('ip:expiring', fast)).ok, true);
    const ttl = await redis.pttl('samesurf:rl:ip:expiring');
    assert.ok(ttl > 0 && ttl <= 50, `one token short at 20/s: full in 50 ms (pttl ${ttl})`);
    const slow = { capacity: 3, refillPerSecond: 0.5 };
    await store.take('ip:slow', slow);
    await store.take('ip:slow', slow);
    const slowTtl = await redis.pttl('samesurf:rl:ip:slow');
    assert.ok(slowTtl > 2000 && slowTtl <= 4000, `two tokens short at 0.5/s: full in 4 s (pttl ${slowTtl})`);
    await redis.del('samesurf:rl:ip:slow');
    assert.deepEqual(
      await Promise.all([1, 2, 3, 4].map(() => store.take('ip:slow', slow))).then((r) => r.map((x) => x.ok)),
      [true, true, true, false],
    );
  });

  test('loads the script again after SCRIPT FLUSH (EVALSHA, then EVAL on NOSCRIPT)', async () => {
    const redis = connect();
    const store = createRedisStore(redis);
    await redis.script('FLUSH');
    assert.equal((await store.take('ip:flushed', limit)).ok, true);
    assert.deepEqual(await redis.hgetall('samesurf:rl:ip:flushed').then((h) => Number(h.tokens)), 9);
  });

  test('a store whose connection is gone makes the handler answer 503', async () => {
    const redis = connect();
    await redis.quit();
    const lines: string[] = [];
    const h = createSameSurfHandler({
      apiKey: 'server-key',
      apiSecret: 'server-secret',
      baseUrl: ctx.emu.apiBase,
      log: (l) => lines.push(l),
      rateLimit: { capacity: 3, refillPerSecond: 1, store: createRedisStore(redis) },
    });
    const res = await h(
      new Request('https://shop.example/samesurf/create', {
        method: 'POST',
        headers: { Origin: 'https://shop.example' },
        body: '{}',
      }),
      { clientAddress: '203.0.113.9' },
    );
    assert.equal(res.status, 503);
    assert.match(lines.join('\n'), /rate-limit store failed/);
  });

  test('refuses something that is not an ioredis client', () => {
    assert.throws(() => createRedisStore({} as never), /ioredis client/);
  });
});
