/** The running emulator's own methods, for other people's tests: reset, fault, advanceClock, requests. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SameSurfClient } from '../../src/api/client.js';
import { SameSurfError } from '../../src/api/errors.js';
import { useEmulator } from './helpers.js';

describe('startEmulator(): methods for tests in the same process', () => {
  const ctx = useEmulator({ seed: [{ room: '424242424', title: 'Support desk' }] });
  const client = () => new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'demo-key', maxRetries: 0 });

  it('fault() queues faults exactly as the control endpoint does, and refuses a misspelt one', async () => {
    ctx.emu.fault({ call: 'create', status: 503 }, { call: 'find', errorcode: 102 });
    await assert.rejects(client().createRoom({}), (e: SameSurfError) => e.status === 503);
    await assert.rejects(client().findRoom({ room: '424242424' }), (e: SameSurfError) => e.errorcode === 102);
    assert.throws(() => ctx.emu.fault({ call: 'craete', status: 503 }), /Unknown call "craete"/);
    assert.throws(() => ctx.emu.fault({ stauts: 503 } as never), /stauts/);
  });

  it('requests() counts calls; reset() brings back the start state, seeds included, and clears pending faults', async () => {
    ctx.emu.reset();
    await client().createRoom({});
    assert.deepEqual(ctx.emu.requests(), { create: 1 });
    ctx.emu.fault({ call: 'runningrooms', status: 500 });
    ctx.emu.reset();
    assert.deepEqual(ctx.emu.requests(), {});
    const running = await client().runningRooms();
    assert.deepEqual(
      running.rooms.map((r) => r.room),
      ['424242424'],
      'only the seeded room, and no fault left',
    );
  });

  it("advanceClock() moves the emulator's time (a token signed now is then too old), and refuses a jump out of range", async () => {
    ctx.emu.reset();
    ctx.emu.advanceClock(10 * 60_000);
    await assert.rejects(client().runningRooms(), (e: SameSurfError) => e.errorcode === 101);
    ctx.emu.reset();
    await client().runningRooms();
    assert.throws(() => ctx.emu.advanceClock(1e300), /advanceMs/);
  });
});
