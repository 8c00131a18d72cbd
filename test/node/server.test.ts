import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startEmulator } from '../../src/emulator/index.js';
import { control, hsToken, noneToken, post, useEmulator } from './helpers.js';

describe('emulator: HTTP behaviour', () => {
  const ctx = useEmulator();

  it('answers a CORS preflight for Authorization + JSON from any origin by default', async () => {
    const res = await fetch(`${ctx.emu.apiBase}/create`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(res.headers.get('access-control-allow-headers')!, /Authorization/);
    assert.match(res.headers.get('access-control-allow-headers')!, /Content-Type/);
    assert.match(res.headers.get('access-control-allow-methods')!, /POST/);
    const actual = await post(ctx.emu, 'runningrooms', {}, undefined, { headers: { Origin: 'https://shop.example' } });
    assert.equal(actual.headers.get('access-control-allow-origin'), 'https://shop.example');
  });

  it('refuses bad input with clear JSON errors and keeps running', async () => {
    const invalid = await post(ctx.emu, 'create', '{"starturl": ');
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.error, /not valid JSON/);
    const array = await post(ctx.emu, 'create', '[1,2]');
    assert.match(array.body.error, /JSON object/);
    const wrongType = await post(ctx.emu, 'runningrooms', { skip: 'two' });
    assert.match(wrongType.body.error, /"skip" must be a whole number/);
    const unknown = await post(ctx.emu, 'teleport', {});
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error, /Unknown call "teleport"/);
    const get = await fetch(`${ctx.emu.apiBase}/create`);
    assert.equal(get.status, 405);
    assert.match(((await get.json()) as { error: string }).error, /POST/);
    const elsewhere = await fetch(`${ctx.emu.url}/nothing/here`);
    assert.equal(elsewhere.status, 404);
    assert.equal(((await elsewhere.json()) as { success: boolean }).success, false);
    assert.equal((await post(ctx.emu, 'runningrooms', {})).status, 200, 'still serving');
  });

  it('limits the body size', async () => {
    const huge = JSON.stringify({ title: 'x'.repeat(100_000) });
    const res = await post(ctx.emu, 'create', huge);
    assert.equal(res.status, 413);
    assert.match(res.body.error, /larger than 65536 bytes/);
    const enormous = await post(ctx.emu, 'create', 'x'.repeat(3_000_000)).catch((e: Error) => e);
    assert.ok(enormous instanceof Error || enormous.status === 413);
    assert.equal((await post(ctx.emu, 'runningrooms', {})).status, 200, 'still serving');
  });

  it('injects faults for the next N requests to a call, then behaves', async () => {
    await control(ctx.emu, 'faults', [
      { call: 'find', count: 2, errorcode: 100, status: 503, retryAfter: 7 },
      { call: 'runningrooms', malformed: true },
    ]);
    const f1 = await post(ctx.emu, 'find', { room: '1' });
    assert.equal(f1.status, 503);
    assert.equal(f1.headers.get('retry-after'), '7');
    assert.equal((await post(ctx.emu, 'find', { room: '1' })).status, 503);
    assert.equal((await post(ctx.emu, 'find', { room: '1' })).body.errorcode, 102, 'fault used up');
    assert.equal((await post(ctx.emu, 'runningrooms', {})).text, '{"success": tru');
    await control(ctx.emu, 'faults', { call: 'runningrooms', drop: true });
    await assert.rejects(post(ctx.emu, 'runningrooms', {}));
    const bad = await control(ctx.emu, 'faults', { call: 'x', count: -1 });
    assert.equal(bad.status, 400);
    const stats = await control(ctx.emu, 'stats', undefined, 'GET');
    assert.ok(stats.body.requests.find >= 3);
  });
});

describe('emulator: restricted origins and test mode off', () => {
  it('refuses origins not on the list and hides control endpoints without test mode', async () => {
    const emu = await startEmulator({ allowedOrigins: ['https://allowed.example'] });
    try {
      const pre = await fetch(`${emu.apiBase}/create`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(pre.status, 403);
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
      const evil = await post(emu, 'runningrooms', {}, undefined, { headers: { Origin: 'https://evil.example' } });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const good = await post(emu, 'runningrooms', {}, undefined, { headers: { Origin: 'https://allowed.example' } });
      assert.equal(good.headers.get('access-control-allow-origin'), 'https://allowed.example');
      const ctl = await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
      assert.equal(ctl.status, 404);
      assert.match(((await ctl.json()) as { error: string }).error, /--test-mode/);
    } finally {
      await emu.close();
    }
  });
});

describe('emulator: command line', () => {
  it('prints its URL, serves the API and takes extra keys from --keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify([{ apikey: 'file-key', apisecret: 'file-secret' }]));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', '--keys', keys], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('\n')) resolve(out.trim());
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const match = /^SameSurf emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      assert.ok(match, line);
      const emu = { url: match[1]!, apiBase: `${match[1]}/api/v3` } as Parameters<typeof post>[0];
      assert.equal((await post(emu, 'runningrooms', {}, await hsToken('file-key', 'file-secret'))).status, 200);
      assert.equal((await post(emu, 'runningrooms', {}, await noneToken('file-key'))).body.errorcode, 101);
    } finally {
      child.kill();
    }
  });

  it('explains a bad flag instead of crashing', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', 'banana'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(err, /--port must be 0 to 65535/);
  });
});
