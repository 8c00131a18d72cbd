import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsrsasign from 'jsrsasign';
import { hsToken, noneToken, post, useEmulator } from './helpers.js';

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
    const vendor = KJUR.jws.JWS.sign('none', { typ: 'JWT' } as unknown as { alg: string }, { iat: now(), sub: 'demo-key' });
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
    const hs512 = KJUR.jws.JWS.sign('HS512', { alg: 'HS512', typ: 'JWT' } as { alg: string }, { iat: now(), sub: 'server-key' }, { utf8: 'server-secret' } as unknown as string);
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
    assert.equal((await post(ctx.emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 4 * 60_000))).status, 200);
    await assertRefused(ctx.emu, `${b64u({ typ: 'JWT', alg: 'none' })}.${b64u({ sub: 'demo-key' })}.`, /iat/);
  });

  it('refuses garbage, a missing header and a non-Bearer scheme', async () => {
    await assertRefused(ctx.emu, 'garbage', /three dot-separated parts/);
    await assertRefused(ctx.emu, 'a.b.c', /not base64url JSON/);
    await assertRefused(ctx.emu, `${b64u([1])}.${b64u('x')}.`, /not base64url JSON/);
    await assertRefused(ctx.emu, null, /Missing Authorization/);
    const res = await post(ctx.emu, 'runningrooms', {}, null, { headers: { Authorization: `Basic ${await noneToken()}` } });
    assert.equal(res.body.errorcode, 101);
    assert.match(res.body.error, /Bearer/);
  });
});

describe('emulator: configurable iat window', () => {
  const ctx = useEmulator({ iatSkewSeconds: 10 });
  it('applies the configured skew', async () => {
    await assertRefused(ctx.emu, await noneToken('demo-key', Date.now() - 20_000), /more than 10 s/);
    assert.equal((await post(ctx.emu, 'runningrooms', {}, await noneToken('demo-key', Date.now() - 5_000))).status, 200);
  });
});
