import { expect } from '@open-wc/testing';
import { ERROR_CODES, SameSurfClient, SameSurfError } from '../src/api/index.js';
import { apiBase, freshKey, inject, requestCounts, reset } from './helpers/emulator.js';

async function failure(promise: Promise<unknown>): Promise<SameSurfError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(SameSurfError);
    return e as SameSurfError;
  }
  throw new Error('expected the call to fail');
}

const future = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);

describe('SameSurfClient errors', () => {
  let client: SameSurfClient;
  /** Skips client-side checks, so the emulator's own refusals can be seen. */
  let raw: SameSurfClient;
  beforeEach(async () => {
    await reset();
    client = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key', maxRetries: 0 });
    raw = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key', maxRetries: 0, validate: false });
  });

  it('delivers every error code the emulator produces as a SameSurfError with that code', async () => {
    const room = (await client.createRoom()).room;
    const ended = (await client.createRoom()).room;
    const { control } = await import('./helpers/emulator.js');
    await control(`rooms/${ended}/end`, { recordings: 0 });
    const resellerToken = async () => {
      const { signJwt, claimsFor } = await import('../src/api/jwt.js');
      return signJwt('HS256', claimsFor('reseller-key'), 'reseller-secret');
    };
    const reseller = new SameSurfClient({ baseUrl: apiBase, getToken: resellerToken, validate: false });
    await reseller.resellerCreateSubscription({ name: 'Taken', licensecount: 1 });
    const sched = (extra: object) =>
      raw.scheduleRoom({ starturl: 'https://a.example', eventtime: `${future()}Z`, ...extra });

    // Thunks, so that no promise is left rejected before the loop awaits it.
    const cases: [number, () => Promise<unknown>][] = [
      [100, () => raw.createLimitedUseToken({ room, usagelimit: 1, isleader: 'yes' as unknown as boolean })],
      [101, () => new SameSurfClient({ baseUrl: apiBase, apiKey: 'server-key' }).runningRooms()],
      [102, () => raw.findRoom({ room: '999999999' })],
      [103, () => raw.findRoom({ room: ended })],
      [104, () => sched({ invitees: 'not-an-address' })],
      [105, () => raw.scheduleRoom({ eventtime: `${future()}Z`, starturl: 'not a url' })],
      [106, () => raw.scheduleRoom({ starturl: 'https://a.example', eventtime: future() })],
      [107, () => sched({ eventtime: future(), timezone: 'Nowhere/Land' })],
      [108, () => sched({ eventtime: 'tomorrow' })],
      [109, () => raw.screenRecordingPublicLink({ room })],
      [111, () => raw.screenRecordingImage({ room, width: -1 })],
      [112, () => raw.deleteLimitedUseToken({ token: 'NOPE' })],
      [114, () => reseller.resellerCreateSubscription({ name: 'Taken', licensecount: 1 })],
      [115, () => reseller.resellerCreateApiKey({ subscription: '' })],
      [116, () => raw.resellerCreateSubscription({ name: 'N', licensecount: 1 })],
      [117, () => reseller.resellerCreateApiKey({ subscription: 'demo' })],
      [118, () => reseller.resellerDeleteSubscription({ name: 'Missing' })],
      [
        121,
        () =>
          reseller.resellerCreateSubscription({
            name: 'Bad',
            licensecount: 1,
            configuration_overrides: [{ key: 'x' as 'welcome_active', value: '1' }],
          }),
      ],
      [122, () => sched({ eventtime: '2001-01-01T00:00:00Z' })],
      [123, () => sched({ lengthinminutes: 0 })],
      [124, () => reseller.resellerCreateSubscription({ name: 'Zero', licensecount: 0 })],
      [125, () => raw.createLimitedUseToken({ room, usagelimit: 0, isleader: true })],
    ];
    for (const [code, call] of cases) {
      const e = await failure(call());
      expect(e.kind, `code ${code}`).to.equal('api');
      expect(e.errorcode, e.message).to.equal(code);
      expect(e.status, `code ${code}`).to.be.a('number');
      expect(e.message).to.contain(`(errorcode ${code})`);
      expect(e.message).to.match(/^SameSurf [a-z/]+: /);
    }
  });

  it('delivers codes only a fault can produce, and uses our table when the API gives no text', async () => {
    for (const code of [113, 119, 120]) {
      await inject({ call: 'runningrooms', errorcode: code, error: '' });
      const e = await failure(client.runningRooms());
      expect(e.errorcode).to.equal(code);
      expect(e.status).to.equal(200, '200 with success:false is a failure');
      expect(e.message).to.contain(ERROR_CODES[code]!);
    }
    await inject({ call: 'create', errorcode: 101, error: 'Vendor says no', status: 401 });
    const e = await failure(client.createRoom());
    expect(e.message).to.equal('SameSurf create: Vendor says no (errorcode 101)');
    expect(e.status).to.equal(401);
    expect(e.call).to.equal('create');
  });

  it('tells a timeout from a dropped connection, and both from an unreachable host', async () => {
    await inject({ call: 'runningrooms', delayMs: 1500 });
    const slow = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key', timeoutMs: 200, maxRetries: 0 });
    const timeout = await failure(slow.runningRooms());
    expect(timeout.kind).to.equal('timeout');
    expect(timeout.message).to.contain('No answer within 200 ms');
    expect(timeout.isNetworkError).to.equal(true);

    await inject({ call: 'runningrooms', drop: true });
    const dropped = await failure(client.runningRooms());
    expect(dropped.kind).to.equal('connection');
    expect(dropped.status).to.equal(undefined);

    const offline = new SameSurfClient({ baseUrl: 'http://127.0.0.1:9/api/v3', apiKey: 'demo-key', maxRetries: 0 });
    expect((await failure(offline.runningRooms())).kind).to.equal('connection');
  });

  it('handles malformed JSON, an empty body, HTTP 500 and 429 with Retry-After', async () => {
    await inject(
      { call: 'find', malformed: true },
      { call: 'find', empty: true },
      { call: 'find', status: 500 },
      { call: 'find', status: 429, retryAfter: 3 },
      { call: 'find', status: 502, empty: true },
    );
    const malformed = await failure(client.findRoom({ room: '1' }));
    expect([malformed.kind, malformed.status]).to.deep.equal(['parse', 200]);
    expect(malformed.message).to.contain('not a JSON object');
    const empty = await failure(client.findRoom({ room: '1' }));
    expect(empty.kind).to.equal('parse');
    expect(empty.message).to.contain('empty body');
    const server = await failure(client.findRoom({ room: '1' }));
    expect([server.kind, server.status]).to.deep.equal(['http', 500]);
    expect(server.message).to.contain('HTTP 500');
    const busy = await failure(client.findRoom({ room: '1' }));
    expect([busy.kind, busy.status, busy.retryAfterSeconds]).to.deep.equal(['http', 429, 3]);
    const gateway = await failure(client.findRoom({ room: '1' }));
    expect([gateway.kind, gateway.status]).to.deep.equal(['http', 502]);
  });

  it('retries a read after a 500 or a drop, but never a call that creates', async () => {
    const retrying = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key', maxRetries: 2 });
    await inject({ call: 'runningrooms', status: 500 }, { call: 'runningrooms', drop: true });
    expect((await retrying.runningRooms()).success).to.equal(true);
    expect((await requestCounts()).runningrooms).to.equal(3);

    await inject({ call: 'create', status: 503 });
    expect((await failure(retrying.createRoom())).status).to.equal(503);
    await inject({ call: 'create', drop: true });
    expect((await failure(retrying.createRoom())).kind).to.equal('connection');
    await inject({ call: 'createlimitedusetoken', status: 500 });
    await failure(retrying.createLimitedUseToken({ room: '123', usagelimit: 1, isleader: true }));
    const counts = await requestCounts();
    expect(counts.create).to.equal(2, 'each create sent once');
    expect(counts.createlimitedusetoken).to.equal(1);
  });

  it("stops on the caller's AbortSignal", async () => {
    await inject({ call: 'runningrooms', delayMs: 2000 });
    const controller = new AbortController();
    const pending = client.runningRooms({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).to.equal('aborted');
    controller.abort();
    expect((await failure(client.runningRooms({}, { signal: controller.signal }))).kind).to.equal('aborted');
  });

  it('validates before sending, naming the field', async () => {
    const { apikey } = await freshKey();
    const c = new SameSurfClient({ baseUrl: apiBase, apiKey: apikey });
    const usage = await failure(c.createLimitedUseToken({ room: '1', usagelimit: 0, isleader: true }));
    expect([usage.kind, usage.field, usage.errorcode]).to.deep.equal(['validation', 'usagelimit', 125]);
    expect(usage.message).to.equal(
      'SameSurf createlimitedusetoken: "usagelimit" must be a whole number of at least 1 (got 0).',
    );
    const room = await failure(c.findRoom({} as { room: string }));
    expect([room.field, room.errorcode]).to.deep.equal(['room', 102]);
    expect(room.message).to.contain('"room" is required');
    const feature = await failure(c.createRoom({ disabledfeatures: ['MODE_TELEPORT' as 'MODE_LOGOUT'] }));
    expect(feature.field).to.equal('disabledfeatures[0]');
    expect(feature.message).to.contain('must be one of MODE_DOCUMENT_SHARE');
    const leader = await failure(c.createLimitedUseToken({ room: '1', usagelimit: 1 } as never));
    expect(leader.field).to.equal('isleader');
    const noTime = await failure(c.scheduleRoom({ starturl: 'https://a.example' } as never));
    expect([noTime.field, noTime.errorcode]).to.deep.equal(['eventtime', 108]);
    const width = await failure(c.screenRecordingImage({ room: '1', width: 0 }));
    expect(width.field).to.equal('width');
    expect(await requestCounts()).to.deep.equal({}, 'nothing was sent');
  });

  it('refuses bad client options with a config error', () => {
    const config = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect((e as SameSurfError).kind).to.equal('config');
        return (e as SameSurfError).message;
      }
      throw new Error('expected a config error');
    };
    expect(config(() => new SameSurfClient({ apiKey: 'k', getToken: () => 't' }))).to.contain(
      'either apiKey or getToken',
    );
    expect(config(() => new SameSurfClient({ apiKey: ' ' }))).to.contain('apiKey must be a non-empty string');
    expect(config(() => new SameSurfClient({ timeoutMs: 0 }))).to.contain('timeoutMs');
  });
});
