import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startEmulator } from '../../src/emulator/index.js';
import { control, post, useEmulator } from './helpers.js';

const ROOM = '555000222';

describe('emulator: the clock control refuses what would break the clock', () => {
  const ctx = useEmulator();
  afterEach(() => control(ctx.emu, 'reset'));

  it('refuses a move past the dates JavaScript can hold, naming advanceMs, and keeps the clock', async () => {
    const before = await control(ctx.emu, 'clock', { advanceMs: 0 });
    for (const advanceMs of [1e16, 1e300, -1e300, -1e16, 8.64e15]) {
      const res = await control(ctx.emu, 'clock', { advanceMs });
      assert.equal(res.status, 400, `${advanceMs}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.error, /"advanceMs"/);
    }
    const after = await control(ctx.emu, 'clock', { advanceMs: 0 });
    assert.ok(Date.parse(after.body.now) - Date.parse(before.body.now) < 60_000, 'the clock was not moved');
    assert.equal((await post(ctx.emu, 'runningrooms', {})).status, 200, 'tokens still accepted');
  });

  it('refuses a body that is not { advanceMs }', async () => {
    assert.match((await control(ctx.emu, 'clock', { advanceMS: 1000 })).body.error, /Unknown field "advanceMS"/);
    assert.match((await control(ctx.emu, 'clock', [1000])).body.error, /JSON object/);
    assert.equal((await control(ctx.emu, 'clock', { advanceMs: 60_000 })).status, 200);
  });
});

describe('emulator: seeding rooms is strict', () => {
  const ctx = useEmulator();
  afterEach(() => control(ctx.emu, 'reset'));

  const refused = async (seed: unknown, reason: RegExp) => {
    const res = await control(ctx.emu, 'rooms', seed);
    assert.equal(res.status, 400, JSON.stringify(seed));
    assert.equal(res.body.success, false);
    assert.match(res.body.error, reason);
    assert.equal(
      (await control(ctx.emu, `rooms/${ROOM}`, undefined, 'GET')).status,
      404,
      `${JSON.stringify(seed)}: nothing seeded`,
    );
  };

  it('refuses wrong types, naming the field', async () => {
    await refused({ room: ROOM, ended: 'no' }, /"ended" must be true or false/);
    await refused({ room: 555000222 }, /"room" must be a string of 1 to 12 digits/);
    await refused({ room: ROOM, title: 42 }, /"title" must be a string/);
    await refused({ room: ROOM, starturl: 42 }, /"starturl" must be a string/);
    await refused(
      { room: ROOM, starturl: 'javascript:alert(1)' },
      /"starturl" must be an absolute http: or https: URL/,
    );
    await refused({ room: ROOM, subscription: 7 }, /"subscription" must be a string/);
    await refused({ room: ROOM, recordings: '3' }, /"recordings" must be a whole number from 0 to 100/);
    await refused({ room: ROOM, recordings: 1.5 }, /"recordings"/);
    await refused({ room: ROOM, recordings: -1 }, /"recordings"/);
    await refused({ room: ROOM, recordings: 101 }, /"recordings" must be a whole number from 0 to 100/);
  });

  it('refuses an unknown field, naming it and the known ones', async () => {
    await refused({ room: ROOM, tilte: 'Desk' }, /Unknown seed room field "tilte".*title/);
  });

  it('refuses a body that is not an object, and a contradiction', async () => {
    assert.match((await control(ctx.emu, 'rooms', [1, 2])).body.error, /must be a JSON object/);
    assert.equal((await control(ctx.emu, 'rooms', [1, 2])).status, 400);
    await refused({ room: ROOM, ended: false, recordings: 2 }, /"recordings".*"ended": false/);
  });

  it('still seeds what the README lists', async () => {
    const res = await control(ctx.emu, 'rooms', {
      room: ROOM,
      title: 'Desk',
      starturl: 'https://example.com/',
      recordings: 100,
      subscription: 'demo',
    });
    assert.equal(res.status, 200, res.body.error);
    const stored = await control(ctx.emu, `rooms/${ROOM}`, undefined, 'GET');
    assert.deepEqual(
      [stored.body.title, stored.body.starturl, stored.body.ended],
      ['Desk', 'https://example.com/', true],
    );
    assert.equal((await control(ctx.emu, 'rooms', {})).status, 200, 'every field may be left out');
    assert.equal((await control(ctx.emu, 'rooms', { room: '555000333', ended: false })).status, 200);
  });
});

describe('emulator: ending a room', () => {
  const ctx = useEmulator();
  afterEach(() => control(ctx.emu, 'reset'));

  it('caps recordings at 100 and refuses more, ending nothing', async () => {
    await control(ctx.emu, 'rooms', { room: ROOM });
    for (const recordings of [101, 2_000_000, 1e300]) {
      const res = await control(ctx.emu, `rooms/${ROOM}/end`, { recordings });
      assert.equal(res.status, 400, String(recordings));
      assert.match(res.body.error, /"recordings" must be a whole number from 0 to 100/);
    }
    assert.equal((await control(ctx.emu, `rooms/${ROOM}`, undefined, 'GET')).body.ended, false);
    assert.equal((await control(ctx.emu, `rooms/${ROOM}/end`, { recordings: 100 })).body.recordings, 100);
  });

  it('refuses an unknown field instead of ending with the default', async () => {
    await control(ctx.emu, 'rooms', { room: ROOM });
    const res = await control(ctx.emu, `rooms/${ROOM}/end`, { recording: 3 });
    assert.equal(res.status, 400);
    assert.match(res.body.error, /Unknown field "recording".*recordings/);
    assert.equal((await control(ctx.emu, `rooms/${ROOM}`, undefined, 'GET')).body.ended, false);
  });
});

describe('emulator: fresh keys', () => {
  const ctx = useEmulator();

  it('refuses flags that are not booleans instead of reading them as the default', async () => {
    const res = await control(ctx.emu, 'keys', { allowNone: 'no' });
    assert.equal(res.status, 400);
    assert.match(res.body.error, /"allowNone" must be true or false/);
    assert.match((await control(ctx.emu, 'keys', { resseller: true })).body.error, /Unknown field "resseller"/);
    assert.equal((await control(ctx.emu, 'keys', { allowNone: false, reseller: true })).body.reseller, true);
  });
});

describe('emulator: the seed option', () => {
  const startRefused = async (seed: unknown, reason: RegExp) => {
    const started = await startEmulator({ seed: seed as never }).catch((err: Error) => err);
    if (!(started instanceof Error)) await started.close();
    assert.ok(started instanceof Error, `started with ${JSON.stringify(seed)}`);
    assert.match(started.message, reason);
  };

  it('refuses a wrong seed entry, naming the entry and the field', async () => {
    await startRefused(
      [{ room: ROOM }, { room: ROOM, tilte: 'x' }],
      /^startEmulator: seed\[1\]: Unknown seed room field "tilte"/,
    );
    await startRefused([{ room: 4242 }], /^startEmulator: seed\[0\]: .*"room"/);
    await startRefused([{ ended: 'no' }], /seed\[0\]: .*"ended" must be true or false/);
    await startRefused([{ recordings: 3e6 }], /seed\[0\]: .*"recordings" must be a whole number from 0 to 100/);
    await startRefused({ room: ROOM }, /^startEmulator: seed must be an array/);
  });

  it('refuses an entry that cannot be created, naming it, before listening', async () => {
    await startRefused([{ subscription: 'nope' }], /^startEmulator: seed\[0\]: .*"subscription".*"nope"/);
    await startRefused([{ room: ROOM }, { room: ROOM }], /^startEmulator: seed\[1\]: Room 555000222 is still running/);
  });
});
