import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { parseDuration } from '../../src/emulator/duration.js';
import { noneToken, post } from './helpers.js';

/** Starts `samesurf-emulator` with `args`; resolves with its URL once it listens. */
function startCli(args: string[]): Promise<{ child: ChildProcess; emu: RunningEmulator }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
      assert.equal(
        (await post(emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 4 * 60_000))).status,
        200,
      );
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
    const { child, emu } = await startCli([
      '--test-mode',
      '--control-origins',
      'http://localhost:8000, http://127.0.0.1:8000',
    ]);
    try {
      const reset = (origin?: string) =>
        fetch(`${emu.url}/__emulator/reset`, { method: 'POST', headers: origin ? { Origin: origin } : {} });
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
    const results = await Promise.all(
      ['*', 'localhost:8000', 'http://localhost:8000/'].map((v) => refusedCli(['--test-mode', '--control-origins', v])),
    );
    for (const { code, stderr } of results) {
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--control-origins takes origins such as http:\/\/localhost:8000/);
    }
  });
});

describe('emulator: --iat-skew too large to be a number', () => {
  it('names the flag, not the API option', async () => {
    const { code, stderr } = await refusedCli(['--iat-skew', `${'9'.repeat(400)}h`]);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /--iat-skew must be a duration/);
    assert.doesNotMatch(stderr, /iatSkewSeconds/);
  });
});

describe('emulator: --port', () => {
  it('takes only decimal digits from 0 to 65535, naming the flag (exit 2)', async () => {
    const bad = ['', '0x1F90', '1e3', '-1', '65536', '80.0', ' 80', '+80', '99999999999999999999'];
    const results = await Promise.all(bad.map((v) => refusedCli([`--port=${v}`])));
    results.forEach(({ code, stderr }, i) => {
      assert.equal(code, 2, `${JSON.stringify(bad[i])}: ${stderr}`);
      assert.match(stderr, /--port must be 0 to 65535, in decimal digits/);
    });
  });
});

describe('emulator: --allowed-origins', () => {
  const fromOrigin = (emu: RunningEmulator, origin: string) =>
    post(emu, 'runningrooms', {}, undefined, { headers: { Origin: origin } });

  it('takes * alone as any origin', async () => {
    const { child, emu } = await startCli(['--allowed-origins', '*']);
    try {
      const res = await fromOrigin(emu, 'https://shop.example');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    } finally {
      child.kill();
    }
  });

  it('takes a list of origins, and no other', async () => {
    const { child, emu } = await startCli(['--allowed-origins', 'https://shop.example, http://localhost:3000']);
    try {
      assert.equal((await fromOrigin(emu, 'http://localhost:3000')).status, 200);
      assert.equal((await fromOrigin(emu, 'https://evil.example')).status, 403);
    } finally {
      child.kill();
    }
  });

  it('refuses what is not an origin, and * in a list, naming the flag (exit 2)', async () => {
    const bad = ['junk', '', 'https://shop.example/', '*,https://shop.example', 'https://shop.example,'];
    const results = await Promise.all(bad.map((v) => refusedCli(['--allowed-origins', v])));
    results.forEach(({ code, stderr }, i) => {
      assert.equal(code, 2, `${JSON.stringify(bad[i])}: ${stderr}`);
      assert.match(stderr, /--allowed-origins takes \* \(any origin\) or origins such as https:\/\/shop\.example/);
    });
  });
});

describe('emulator: allowedOrigins option', () => {
  it('refuses what is not * or a list of origins, naming the option', async () => {
    for (const bad of [['junk'], ['*'], ['*', 'https://shop.example'], 'https://shop.example', [42]]) {
      const started = await startEmulator({ allowedOrigins: bad as never }).catch((err: Error) => err);
      if (!(started instanceof Error)) await started.close();
      assert.ok(started instanceof Error, `started with ${JSON.stringify(bad)}`);
      assert.match(started.message, /^startEmulator: allowedOrigins/);
    }
    for (const good of ['*' as const, [], ['https://shop.example']])
      await (await startEmulator({ allowedOrigins: good })).close();
  });
});

describe('emulator: --seed on the command line', () => {
  const seedFile = (content: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'emu-seed-')), 'seed.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('refuses a wrong entry, naming the flag, the entry and the field (exit 2)', async () => {
    const cases: [unknown, RegExp][] = [
      [[{ room: '555000111' }, { room: 4242 }], /--seed .*seed\.json: entry 2 of 2: Seed room field "room"/],
      [[{ ended: 'no' }], /--seed .*: entry 1 of 1: Seed room field "ended" must be true or false/],
      [[{ tilte: 'Desk' }], /--seed .*: entry 1 of 1: Unknown seed room field "tilte"/],
      [[{ subscription: 'nope' }], /--seed .*: entry 1 of 1: Seed room field "subscription".*"nope"/],
      [{ room: '1' }, /--seed .* must hold a JSON array/],
    ];
    const results = await Promise.all(cases.map(([content]) => refusedCli(['--seed', seedFile(content)])));
    results.forEach(({ code, stderr }, i) => {
      assert.equal(code, 2, stderr);
      assert.match(stderr, cases[i]![1]);
    });
  });

  it('creates the rooms it lists', async () => {
    const { child, emu } = await startCli(['--seed', seedFile([{ room: '555000111', title: 'Desk', recordings: 2 }])]);
    try {
      const res = await post(emu, 'screenrecordingthumbnail', { room: '555000111', recording: 1 });
      assert.equal(res.status, 200, res.text);
    } finally {
      child.kill();
    }
  });
});
