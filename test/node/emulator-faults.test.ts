import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CALLS } from '../../src/emulator/calls/index.js';
import { control, post, useEmulator } from './helpers.js';

describe('emulator: fault specs are strict', () => {
  const ctx = useEmulator();
  afterEach(() => control(ctx.emu, 'reset'));

  const refused = async (spec: unknown, reason: RegExp) => {
    const res = await control(ctx.emu, 'faults', spec);
    assert.equal(res.status, 400, JSON.stringify(spec));
    assert.equal(res.body.success, false);
    assert.match(res.body.error, reason);
    assert.deepEqual((await control(ctx.emu, 'faults', undefined, 'GET')).body.faults, [], 'nothing queued');
  };

  it('refuses an unknown field, naming it and the known ones', async () => {
    await refused({ call: 'create', stauts: 503 }, /Unknown fault field "stauts".*status/);
    await refused({ call: 'create', errorCode: 102 }, /"errorCode".*errorcode/);
    await refused({ call: 'create', status: 503, retry_after: 3 }, /"retry_after"/);
  });

  it('refuses a misspelt call, listing the calls; * stays allowed', async () => {
    await refused({ call: 'craete', status: 503 }, /Unknown call "craete".*\*, realtime, runningrooms, create, find/);
    const res = await control(ctx.emu, 'faults', { call: 'craete', status: 503 });
    for (const call of Object.keys(CALLS)) assert.ok(res.body.error.includes(call), call);
    assert.equal((await control(ctx.emu, 'faults', { call: '*', status: 503 })).status, 200);
    assert.equal((await post(ctx.emu, 'find', { room: '1' })).status, 503);
    assert.equal((await control(ctx.emu, 'faults', { call: 'reseller/createapikey', status: 503 })).status, 200);
  });

  it('refuses a fault that would do nothing', async () => {
    await refused({ call: 'create' }, /does nothing/);
    await refused({ call: 'create', malformed: false }, /does nothing/);
    await refused({ call: 'create', count: 0, status: 503 }, /"count" must be a whole number ≥ 1/);
    await refused({ call: 'create', error: 'text but no code' }, /"error".*"errorcode"/);
    await refused({ call: 'create', retryAfter: 3, delayMs: 10 }, /"retryAfter".*answer/);
  });

  it('refuses a delay or Retry-After longer than a timer or an HTTP delta-seconds can hold', async () => {
    await refused({ call: 'create', delayMs: 2 ** 31 }, /"delayMs" must be a whole number from 0 to 2147483647/);
    await refused(
      { call: 'create', status: 503, retryAfter: 1e21 },
      /"retryAfter" must be a whole number from 0 to 2147483647/,
    );
    assert.equal(
      (await control(ctx.emu, 'faults', { call: 'create', status: 503, delayMs: 1, retryAfter: 2 ** 31 - 1 })).status,
      200,
    );
  });

  it('refuses a patch of "success", pointing to errorcode', async () => {
    await refused({ call: 'create', patch: { success: false } }, /"patch" may not set "success".*"errorcode"/);
  });

  it('refuses an empty list', async () => {
    await refused([], /empty list/);
  });

  it('names the faulty entry of a list and queues none of it', async () => {
    await refused(
      [
        { call: 'create', status: 503 },
        { call: 'find', stauts: 500 },
      ],
      /Fault 2 of 2: Unknown fault field "stauts"/,
    );
  });

  it('still takes every kind of fault the README lists', async () => {
    const specs = [
      { call: 'create', count: 2, delayMs: 10 },
      { call: 'find', status: 500 },
      { call: 'find', status: 429, retryAfter: 3 },
      { call: 'find', errorcode: 101, error: 'Vendor says no', status: 401 },
      { call: 'runningrooms', malformed: true },
      { call: 'runningrooms', empty: true },
      { call: 'runningrooms', drop: true },
      { call: 'create', patch: { privateinvitation: 'javascript:alert(1)' } },
      { status: 502, empty: true },
    ];
    const res = await control(ctx.emu, 'faults', specs);
    assert.equal(res.status, 200, res.body.error);
    assert.equal(res.body.faults.length, specs.length);
  });
});
