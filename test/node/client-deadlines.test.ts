/**
 * The client's deadline and abort cover the whole call, the token included, and the reference's own rules
 * (scheduling, analyticsrooms' total, bookmark links) hold in the client and the emulator alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SameSurfClient, MAX_TIMEOUT_MS } from '../../src/api/client.js';
import { SameSurfError } from '../../src/api/errors.js';
import { control, useEmulator } from './helpers.js';

/** Settles with what `promise` gave, or says it is still pending after `ms` (a guard so a hang fails, not times out the suite). */
async function settled<T>(promise: Promise<T>, ms = 5000): Promise<{ value?: T; error?: unknown; pending?: true }> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<{ pending: true }>((r) => (timer = setTimeout(() => r({ pending: true }), ms)));
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      guard,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const never = () => new Promise<string>(() => undefined);

describe('client: one deadline for the whole call', () => {
  const ctx = useEmulator();
  const created = async () => ((await control(ctx.emu, 'stats', undefined, 'GET')).body.requests.create ?? 0) as number;

  it('a getToken that never answers times out within timeoutMs, and nothing is sent', async () => {
    await control(ctx.emu, 'reset');
    let seen: AbortSignal | undefined;
    const client = new SameSurfClient({
      baseUrl: ctx.emu.apiBase,
      timeoutMs: 150,
      getToken: ({ signal }) => {
        seen = signal;
        return never();
      },
    });
    const result = await settled(client.createRoom({}));
    assert.equal(result.pending, undefined, 'the call ended');
    assert.ok(result.error instanceof SameSurfError);
    assert.equal(result.error.kind, 'timeout');
    assert.equal(seen?.aborted, true, 'getToken was told to stop');
    assert.equal(await created(), 0, 'no request reached the API');
  });

  it('an abort before, during or right after the token ends the call as aborted with nothing sent', async () => {
    await control(ctx.emu, 'reset');
    const before = new AbortController();
    before.abort();
    let asked = 0;
    const counting = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key', getToken: undefined });
    const early = await settled(counting.createRoom({}, { signal: before.signal }));
    assert.equal((early.error as SameSurfError).kind, 'aborted');

    const during = new AbortController();
    const hanging = new SameSurfClient({
      baseUrl: ctx.emu.apiBase,
      getToken: () => {
        asked++;
        setTimeout(() => during.abort(), 20);
        return never();
      },
    });
    const mid = await settled(hanging.createRoom({}, { signal: during.signal }));
    assert.equal((mid.error as SameSurfError).kind, 'aborted');
    assert.equal(asked, 1);

    const after = new AbortController();
    const quick = new SameSurfClient({
      baseUrl: ctx.emu.apiBase,
      getToken: async () => {
        after.abort(); // the token arrives, but the caller gave up meanwhile
        return 'x.y.';
      },
    });
    const late = await settled(quick.createRoom({}, { signal: after.signal }));
    assert.equal((late.error as SameSurfError).kind, 'aborted');
    assert.equal(await created(), 0, 'none of the three sent a request');
  });

  it('a getToken that fails is a configuration error, not a timeout', async () => {
    const client = new SameSurfClient({
      baseUrl: ctx.emu.apiBase,
      getToken: () => Promise.reject(new Error('no session')),
    });
    const result = await settled(client.createRoom({}));
    assert.equal((result.error as SameSurfError).kind, 'config');
  });

  for (const timeoutMs of [Infinity, 3e9, 2 ** 31]) {
    it(`a timeout above the timer maximum (${timeoutMs}) waits instead of firing at once`, async () => {
      await control(ctx.emu, 'faults', { call: 'create', delayMs: 100 });
      const client = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key', timeoutMs });
      assert.equal(client.timeoutMs, MAX_TIMEOUT_MS);
      const result = await settled(client.createRoom({}));
      assert.equal(result.error, undefined, String((result.error as Error)?.message));
      assert.match(result.value!.room, /^\d+$/);
      await control(ctx.emu, 'faults', { call: 'find', delayMs: 100 });
      const perCall = await settled(client.findRoom({ room: result.value!.room }, { timeoutMs }));
      assert.equal(perCall.error, undefined);
    });
  }

  it('refuses a timeout that is not a positive number, per client and per call', async () => {
    assert.throws(() => new SameSurfClient({ timeoutMs: Number.NaN }), /timeoutMs/);
    const client = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key' });
    const result = await settled(client.createRoom({}, { timeoutMs: -1 }));
    assert.equal((result.error as SameSurfError).kind, 'config');
  });
});

describe("client and emulator: the reference's rules from the one per-call map", () => {
  const ctx = useEmulator();

  it('schedules a room from eventtime alone', async () => {
    const client = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key' });
    const res = await client.scheduleRoom({
      eventtime: new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    });
    assert.match(res.room, /^\d+$/);
    assert.ok(ctx.emu.state.findRoom(res.room)!.schedule);
  });

  it("gives analyticsrooms' total as a number though the wire has the reference's string", async () => {
    const client = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key' });
    await client.createRoom({});
    const res = await client.analyticsRooms();
    assert.equal(typeof res.total_rooms, 'number');
    assert.ok(res.total_rooms >= 1);
  });

  it('refuses bookmarks whose links are not http(s), before sending and on receipt', async () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative']) {
      const client = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key' });
      const checked = await settled(client.createRoom({ bookmarks: [{ name: 'x', link }] }));
      assert.equal((checked.error as SameSurfError).kind, 'validation', link);
      assert.equal((checked.error as SameSurfError).field, 'bookmarks[0].link');
      const raw = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key', validate: false });
      const received = await settled(raw.createRoom({ bookmarks: [{ name: 'x', link }] }));
      assert.equal((received.error as SameSurfError).kind, 'api', link);
      assert.match((received.error as SameSurfError).message, /bookmarks\[0\]\.link/);
    }
  });
});
