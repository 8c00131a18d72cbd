import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import jsrsasign from 'jsrsasign';
import { control, hsToken, noneToken, post, useEmulator } from './helpers.js';

const { KJUR } = jsrsasign;
const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function assertRefused(emu: Parameters<typeof post>[0], token: string | null, reason: RegExp) {
  const res = await post(emu, 'runningrooms', {}, token);
  assert.equal(res.status, 401);
  assert.equal(res.body.success, false);
  assert.equal(res.body.errorcode, 101);
  assert.match(res.body.error, reason);
}

describe('emulator: JWT checks', () => {
  const ctx = useEmulator();

  it('accepts a none token for a key that allows it, exactly as the vendor signs it', async () => {
    const vendor = KJUR.jws.JWS.sign('none', { typ: 'JWT' } as unknown as { alg: string }, {
      iat: now(),
      sub: 'demo-key',
    });
    assert.equal(vendor, await noneToken('demo-key'));
    const res = await post(ctx.emu, 'runningrooms', {}, vendor);
    assert.equal(res.status, 200);
    assert.equal(res.body.success, true);
  });

  it('accepts HS256 signed with the secret as utf8, for none-keys and HS256-only keys', async () => {
    assert.equal((await post(ctx.emu, 'runningrooms', {}, await hsToken('server-key', 'server-secret'))).status, 200);
    assert.equal((await post(ctx.emu, 'runningrooms', {}, await hsToken('demo-key', 'demo-secret'))).status, 200);
  });

  it('refuses none for a key that forbids it', async () => {
    await assertRefused(ctx.emu, await noneToken('server-key'), /none.*not enabled/);
  });

  it('refuses HS512 and RS256 even when otherwise well formed', async () => {
    const hs512 = KJUR.jws.JWS.sign(
      'HS512',
      { alg: 'HS512', typ: 'JWT' } as { alg: string },
      { iat: now(), sub: 'server-key' },
      { utf8: 'server-secret' } as unknown as string,
    );
    await assertRefused(ctx.emu, hs512, /HS512.*not accepted/);
    const rs256 = `${b64u({ alg: 'RS256', typ: 'JWT' })}.${b64u({ iat: now(), sub: 'server-key' })}.c2lnbmF0dXJl`;
    await assertRefused(ctx.emu, rs256, /RS256.*not accepted/);
  });

  it('refuses a bad signature, a none token with a signature and an alg swap', async () => {
    const wrongSecret = await hsToken('server-key', 'not-the-secret');
    await assertRefused(ctx.emu, wrongSecret, /signature is not valid/);
    const good = await hsToken('server-key', 'server-secret');
    const [, payload, sig] = good.split('.');
    await assertRefused(ctx.emu, `${b64u({ typ: 'JWT', alg: 'none' })}.${payload}.${sig}`, /none/);
    const tampered = `${good.split('.')[0]}.${b64u({ iat: now(), sub: 'demo-key' })}.${sig}`;
    await assertRefused(ctx.emu, tampered, /signature is not valid/);
  });

  it('refuses an unknown sub and a missing sub', async () => {
    await assertRefused(ctx.emu, await noneToken('no-such-key'), /unknown API key/);
    await assertRefused(ctx.emu, `${b64u({ typ: 'JWT', alg: 'none' })}.${b64u({ iat: now() })}.`, /no "sub"/);
  });

  it('refuses stale and future iat beyond 5 minutes, accepts within', async () => {
    await assertRefused(ctx.emu, await noneToken('demo-key', Date.now() - 6 * 60_000), /in the past/);
    await assertRefused(ctx.emu, await noneToken('demo-key', Date.now() + 6 * 60_000), /in the future/);
    assert.equal(
      (await post(ctx.emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 4 * 60_000))).status,
      200,
    );
    await assertRefused(ctx.emu, `${b64u({ typ: 'JWT', alg: 'none' })}.${b64u({ sub: 'demo-key' })}.`, /iat/);
  });

  it('refuses garbage, a missing header and a non-Bearer scheme', async () => {
    await assertRefused(ctx.emu, 'garbage', /three dot-separated parts/);
    await assertRefused(ctx.emu, 'a.b.c', /not base64url JSON/);
    await assertRefused(ctx.emu, `${b64u([1])}.${b64u('x')}.`, /not base64url JSON/);
    await assertRefused(ctx.emu, null, /Missing Authorization/);
    const res = await post(ctx.emu, 'runningrooms', {}, null, {
      headers: { Authorization: `Basic ${await noneToken()}` },
    });
    assert.equal(res.body.errorcode, 101);
    assert.match(res.body.error, /Bearer/);
  });
});

describe('emulator: configurable iat window', () => {
  const ctx = useEmulator({ iatSkewSeconds: 10 });
  it('applies the configured skew', async () => {
    await assertRefused(ctx.emu, await noneToken('demo-key', Date.now() - 20_000), /more than 10 s/);
    assert.equal(
      (await post(ctx.emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 5_000))).status,
      200,
    );
  });
});

/** A token signed with node:crypto alone, so no shared code with the emulator's own signer or verifier. */
function craft(header: Record<string, unknown>, claims: Record<string, unknown>, secret = 'server-secret'): string {
  const signingInput = `${b64u(header)}.${b64u(claims)}`;
  const sig = header.alg === 'none' ? '' : createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${sig}`;
}
const HS = { alg: 'HS256', typ: 'JWT' };
const emuNow = async (emu: Parameters<typeof post>[0]) => Math.floor(emu.state.now() / 1000);

describe('emulator: exp, nbf and crit (RFC 7519 §4.1.4/§4.1.5, RFC 7515 §4.1.11)', () => {
  // A 10 s window, so the edges of the clock tolerance can be seen.
  const ctx = useEmulator({ iatSkewSeconds: 10 });
  const ok = async (token: string) => {
    const res = await post(ctx.emu, 'runningrooms', {}, token);
    assert.equal(res.status, 200, res.text);
  };
  afterEach(() => control(ctx.emu, 'reset'));

  it('refuses an expired token, accepts one inside its exp and the clock tolerance', async () => {
    const t = await emuNow(ctx.emu);
    await assertRefused(ctx.emu, craft(HS, { iat: t, sub: 'server-key', exp: t - 11 }), /expired.*"exp"/);
    await ok(craft(HS, { iat: t, sub: 'server-key', exp: t + 60 }));
    await ok(craft(HS, { iat: t, sub: 'server-key', exp: t - 5 }));
    // Made by another library, the way the vendor's examples sign.
    const vendor = KJUR.jws.JWS.sign(
      'HS256',
      { alg: 'HS256', typ: 'JWT' } as { alg: string },
      { iat: t, sub: 'server-key', exp: t - 3600 },
      { utf8: 'server-secret' } as unknown as string,
    );
    await assertRefused(ctx.emu, vendor, /expired/);
  });

  it("judges exp by the emulator's movable clock", async () => {
    const t = await emuNow(ctx.emu);
    const token = craft({ alg: 'none', typ: 'JWT' }, { iat: t, sub: 'demo-key', exp: t + 30 });
    await ok(token);
    await control(ctx.emu, 'clock', { advanceMs: 45_000 });
    assert.equal((await post(ctx.emu, 'runningrooms', {}, token)).body.errorcode, 101);
    // A fresh iat, so only exp can be what is refused.
    const fresh = await emuNow(ctx.emu);
    const res = await post(
      ctx.emu,
      'runningrooms',
      {},
      craft({ alg: 'none', typ: 'JWT' }, { iat: fresh, sub: 'demo-key', exp: t + 30 }),
    );
    assert.equal(res.body.errorcode, 101);
    // The clock moved 45 s past a token that lived 30 s: at least 15 s ago, however slow this machine is.
    const ago = Number(/expired (\d+) s ago/.exec(res.body.error)?.[1]);
    assert.ok(ago >= 15, res.body.error);
  });

  it('refuses a token before its nbf, accepts it once the clock reaches it', async () => {
    const t = await emuNow(ctx.emu);
    const early = craft(HS, { iat: t, sub: 'server-key', nbf: t + 60 });
    await assertRefused(ctx.emu, early, /not valid yet.*"nbf"/);
    await ok(craft(HS, { iat: t, sub: 'server-key', nbf: t + 5 }));
    await control(ctx.emu, 'clock', { advanceMs: 55_000 });
    const later = await emuNow(ctx.emu);
    await ok(craft(HS, { iat: later, sub: 'server-key', nbf: t + 60 }));
  });

  it('refuses exp and nbf that are not NumericDates', async () => {
    const t = await emuNow(ctx.emu);
    for (const bad of ['2999-01-01', null, true, [t + 60], { t }, String(t + 60)]) {
      await assertRefused(ctx.emu, craft(HS, { iat: t, sub: 'server-key', exp: bad }), /"exp" must be a NumericDate/);
      await assertRefused(ctx.emu, craft(HS, { iat: t, sub: 'server-key', nbf: bad }), /"nbf" must be a NumericDate/);
    }
    await ok(craft(HS, { iat: t, sub: 'server-key', exp: t + 60.5, nbf: t - 0.5 }));
  });

  it('refuses any crit header: extensions it does not understand, and malformed crit lists', async () => {
    const t = await emuNow(ctx.emu);
    const claims = { iat: t, sub: 'server-key' };
    await assertRefused(
      ctx.emu,
      craft({ ...HS, crit: ['exp'], exp: t + 60 }, claims),
      /"exp".*critical.*understands no/,
    );
    await assertRefused(ctx.emu, craft({ alg: 'HS256', crit: ['b64'], b64: false }, claims), /"b64".*critical/);
    for (const [crit, reason] of [
      [[], /non-empty array/],
      ['exp', /non-empty array/],
      [[1], /non-empty array/],
      [[''], /non-empty array/],
      [['x', 'x'], /more than once/],
      [['alg'], /"alg".*defined by JWS/],
      [['missing'], /"missing".*not in the header/],
    ] as const) {
      await assertRefused(ctx.emu, craft({ ...HS, crit, x: 1 }, claims), reason);
    }
    // Made by another library: jsrsasign signs whatever header it is given.
    const vendor = KJUR.jws.JWS.sign(
      'HS256',
      { alg: 'HS256', typ: 'JWT', crit: ['http://example.com/ext'], 'http://example.com/ext': true } as { alg: string },
      claims,
      { utf8: 'server-secret' } as unknown as string,
    );
    await assertRefused(ctx.emu, vendor, /critical/);
    await ok(craft(HS, claims));
  });
});
