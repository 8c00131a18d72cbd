import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { parseDuration } from '../../src/emulator/duration.js';
import { noneToken, post } from './helpers.js';

/** Starts `samesurf-emulator` with `args`; resolves with its URL once it listens. */
function startCli(args: string[]): Promise<{ child: ChildProcess; emu: RunningEmulator }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve({ child, emu: { url, apiBase: `${url}/api/v3` } as RunningEmulator });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

/** Runs the CLI expecting it to refuse its arguments; resolves with exit code and stderr. */
function refusedCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  // Should it start after all, stop it: the assertion on the exit code then fails.
  child.stdout.on('data', () => child.kill());
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('emulator: durations', () => {
  it('reads seconds, s, m, h and ms', () => {
    assert.equal(parseDuration('300'), 300);
    assert.equal(parseDuration('300s'), 300);
    assert.equal(parseDuration('5m'), 300);
    assert.equal(parseDuration('1h'), 3600);
    assert.equal(parseDuration('1500ms'), 1.5);
    assert.equal(parseDuration('0'), 0);
    assert.equal(parseDuration('2.5m'), 150);
    assert.equal(parseDuration(' 10s '), 10);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'abc', '5x', '-5', '5 m', 'm', '1e3', 'Infinity', 'NaN', '0x10', '1.', '.5', '5mm', '1d']) {
      assert.equal(parseDuration(bad), undefined, bad);
    }
  });
});

describe('emulator: --iat-skew on the command line', () => {
  it('takes 5m as five minutes, and the iat check stays on', async () => {
    const { child, emu } = await startCli(['--iat-skew', '5m']);
    try {
      assert.equal((await post(emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 4 * 60_000))).status, 200);
      const stale = await post(emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 6 * 60_000));
      assert.equal(stale.body.errorcode, 101);
      assert.match(stale.body.error, /more than 300 s allowed/);
    } finally {
      child.kill();
    }
  });

  it('takes 1500ms as a second and a half', async () => {
    const { child, emu } = await startCli(['--iat-skew', '1500ms']);
    try {
      const stale = await post(emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 60_000));
      assert.match(stale.body.error, /more than 1\.5 s allowed/);
    } finally {
      child.kill();
    }
  });

  it('refuses a duration it cannot read, naming the flag (exit 2)', async () => {
    const results = await Promise.all(['abc', '5x', '', 'Infinity'].map((v) => refusedCli(['--iat-skew', v])));
    for (const { code, stderr } of results) {
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--iat-skew must be a duration such as 300, 300s, 5m, 1h or 1500ms/);
    }
  });
});

describe('emulator: iatSkewSeconds option', () => {
  it('refuses NaN, negative, infinite and non-numbers with a message naming the option', async () => {
    for (const bad of [NaN, -1, Infinity, '300' as unknown as number]) {
      const started = await startEmulator({ iatSkewSeconds: bad }).catch((err: Error) => err);
      if (!(started instanceof Error)) await started.close();
      assert.ok(started instanceof Error, `started with ${bad}`);
      assert.match(started.message, /iatSkewSeconds must be a finite number of seconds ≥ 0/);
    }
    const emu = await startEmulator({ iatSkewSeconds: 0 });
    await emu.close();
  });
});

describe('emulator: --control-origins on the command line', () => {
  it('lets the listed page origins use the control endpoints, and no other', async () => {
    const { child, emu } = await startCli(['--test-mode', '--control-origins', 'http://localhost:8000, http://127.0.0.1:8000']);
    try {
      const reset = (origin?: string) => fetch(`${emu.url}/__emulator/reset`, { method: 'POST', headers: origin ? { Origin: origin } : {} });
      const allowed = await reset('http://127.0.0.1:8000');
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
      assert.equal((await reset('http://localhost:8000')).status, 200);
      const evil = await reset('http://evil.test');
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      assert.equal((await reset()).status, 200);
    } finally {
      child.kill();
    }
  });

  it('refuses what is not an origin, naming the flag (exit 2)', async () => {
    const results = await Promise.all(['*', 'localhost:8000', 'http://localhost:8000/'].map((v) => refusedCli(['--test-mode', '--control-origins', v])));
    for (const { code, stderr } of results) {
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--control-origins takes origins such as http:\/\/localhost:8000/);
    }
  });
});
