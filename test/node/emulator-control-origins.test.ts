import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { JsonBody } from '../helpers/json.js';
import { post, useEmulator } from './helpers.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: JsonBody;
}

/** A request with exactly these headers (fetch would not send a foreign Host or Sec-Fetch-*). */
function call(
  emu: RunningEmulator,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  const { hostname, port } = new URL(emu.url);
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        method,
        path: `/__emulator/${path}`,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d));
        res.on('end', () => {
          let parsed: JsonBody = {};
          try {
            parsed = JSON.parse(data);
          } catch {
            /* an empty preflight answer */
          }
          resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const EVIL = { Origin: 'http://evil.test' };
const preflight = (origin: string) => ({
  Origin: origin,
  'Access-Control-Request-Method': 'POST',
  'Access-Control-Request-Headers': 'content-type',
});

function assertRefused(reply: Reply, reason: RegExp) {
  assert.equal(reply.status, 403, JSON.stringify(reply.body));
  assert.equal(reply.headers['access-control-allow-origin'], undefined);
  assert.equal(reply.body.success, false);
  assert.match(reply.body.error, reason);
}

describe('emulator: control endpoints refuse other origins by default', () => {
  const ctx = useEmulator();

  it('refuses a foreign page: reset, keys, faults, stats and their preflights', async () => {
    const { emu } = ctx;
    assertRefused(
      await call(emu, 'POST', 'reset', EVIL),
      /origin http:\/\/evil\.test may not use the control endpoints.*controlOrigins/,
    );
    const keys = await call(emu, 'POST', 'keys', EVIL, {});
    assertRefused(keys, /evil\.test/);
    assert.equal(keys.body.apisecret, undefined);
    assertRefused(await call(emu, 'POST', 'faults', EVIL, { call: 'create', status: 503 }), /evil\.test/);
    assertRefused(await call(emu, 'GET', 'stats', EVIL), /evil\.test/);
    assertRefused(await call(emu, 'POST', 'clock', EVIL, { advanceMs: 1 }), /evil\.test/);
    for (const path of ['reset', 'keys', 'faults'])
      assertRefused(await call(emu, 'OPTIONS', path, preflight('http://evil.test')), /evil\.test/);
    // Nothing happened: no fault queued, the clock not moved.
    assert.deepEqual((await call(emu, 'GET', 'faults')).body.faults, []);
    assert.equal((await post(emu, 'create', {})).status, 200);
  });

  it('refuses a browser request without Origin that comes from another site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      assertRefused(await call(ctx.emu, 'GET', 'stats', { 'Sec-Fetch-Site': site }), /another site/);
    }
    // Typed into the address bar, or from the emulator's own pages.
    for (const site of ['none', 'same-origin'])
      assert.equal((await call(ctx.emu, 'GET', 'stats', { 'Sec-Fetch-Site': site })).status, 200);
  });

  it('refuses a Host that is not the emulator (DNS rebinding), with or without Origin', async () => {
    const port = new URL(ctx.emu.url).port;
    assertRefused(
      await call(ctx.emu, 'GET', 'stats', { Host: `rebind.evil.test:${port}` }),
      /Host "rebind\.evil\.test:\d+".*DNS rebinding/,
    );
    assertRefused(
      await call(ctx.emu, 'POST', 'keys', { Host: `evil.test:${port}`, Origin: `http://evil.test:${port}` }, {}),
      /Host/,
    );
    assertRefused(await call(ctx.emu, 'GET', 'stats', { Host: `x@127.0.0.1:${port}` }), /Host/);
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `dev.localhost:${port}`,
      '127.0.0.1',
    ]) {
      assert.equal((await call(ctx.emu, 'GET', 'stats', { Host: host })).status, 200, host);
    }
  });

  it('answers callers without Origin (Node, curl) as before', async () => {
    const keys = await call(ctx.emu, 'POST', 'keys', {}, {});
    assert.equal(keys.status, 200);
    assert.match(keys.body.apisecret, /^[0-9a-f]{32}$/);
    assert.equal((await call(ctx.emu, 'POST', 'reset')).status, 200);
  });

  it('leaves the API to its own allowedOrigins (any, by default)', async () => {
    const res = await post(ctx.emu, 'runningrooms', {}, undefined, { headers: EVIL });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://evil.test');
  });
});

describe('emulator: controlOrigins', () => {
  const ctx = useEmulator({
    controlOrigins: ['http://localhost:8000', 'http://127.0.0.1:8000'],
    allowedOrigins: ['https://shop.example'],
  });

  it('answers the listed origins with CORS, refuses the rest', async () => {
    for (const origin of ['http://localhost:8000', 'http://127.0.0.1:8000']) {
      const pre = await call(ctx.emu, 'OPTIONS', 'faults', preflight(origin));
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], origin);
      assert.match(String(pre.headers['access-control-allow-methods']), /POST/);
      assert.match(String(pre.headers['access-control-allow-headers']), /Content-Type/);
      const keys = await call(ctx.emu, 'POST', 'keys', { Origin: origin, 'Sec-Fetch-Site': 'cross-site' }, {});
      assert.equal(keys.status, 200);
      assert.equal(keys.headers['access-control-allow-origin'], origin);
      assert.match(String(keys.headers.vary), /Origin/);
    }
    assertRefused(await call(ctx.emu, 'POST', 'reset', { Origin: 'http://localhost:8001' }), /localhost:8001/);
    assertRefused(await call(ctx.emu, 'OPTIONS', 'reset', preflight('http://localhost:8001')), /localhost:8001/);
    // The API's list is its own: allowed there is not allowed here, and the other way round.
    assertRefused(await call(ctx.emu, 'POST', 'reset', { Origin: 'https://shop.example' }), /shop\.example/);
    assert.equal(
      (await post(ctx.emu, 'runningrooms', {}, undefined, { headers: { Origin: 'http://localhost:8000' } })).status,
      403,
    );
  });

  it('refuses what is not a list of origins, naming the option', async () => {
    for (const bad of [
      ['*'],
      ['http://localhost:8000/'],
      ['localhost:8000'],
      ['null'],
      'http://localhost:8000' as unknown as string[],
    ]) {
      const started = await startEmulator({ testMode: true, controlOrigins: bad }).catch((err: Error) => err);
      if (!(started instanceof Error)) await started.close();
      assert.ok(started instanceof Error, JSON.stringify(bad));
      assert.match(started.message, /controlOrigins/);
    }
  });
});
