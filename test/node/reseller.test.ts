import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SameSurfClient, SameSurfError } from '../../src/api/index.js';
import { hsToken, post, useEmulator } from './helpers.js';

describe('emulator: reseller calls', () => {
  const ctx = useEmulator();
  const reseller = () =>
    new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'reseller-key', apiSecret: 'reseller-secret' });
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 0,
      (e: SameSurfError) => e.errorcode,
    );

  it('creates a subscription, mints a working key, and deleting it revokes the key', async () => {
    const client = reseller();
    assert.deepEqual(
      await client.resellerCreateSubscription({
        name: 'Acme',
        licensecount: 3,
        configuration_overrides: [{ key: 'communications_active', value: 'false' }],
        bookmarks: [{ name: 'Acme', link: 'https://acme.example' }],
        disabledfeatures: ['MODE_SCREEN_SHARE'],
      }),
      { success: true },
    );
    assert.equal(await codeOf(client.resellerCreateSubscription({ name: 'Acme', licensecount: 1 })), 114);

    const { apikey, apisecret } = await client.resellerCreateApiKey({ subscription: 'Acme' });
    assert.ok(apikey && apisecret);
    const acme = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: apikey, apiSecret: apisecret });
    const room = await acme.createRoom({ title: 'Acme room' });
    assert.equal((await acme.runningRooms()).totalrooms, 1, 'sees only its own rooms');
    assert.deepEqual(
      ctx.emu.state.findRoom(room.room)!.disabledfeatures,
      ['MODE_SCREEN_SHARE'],
      'subscription defaults apply',
    );
    // A minted key has no none algorithm.
    const none = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: apikey });
    assert.equal(await codeOf(none.runningRooms()), 101);

    assert.deepEqual(await client.resellerDeleteSubscription({ name: 'Acme' }), { success: true });
    assert.equal(await codeOf(acme.runningRooms()), 101);
    assert.equal(await codeOf(client.resellerDeleteSubscription({ name: 'Acme' })), 118);
    assert.equal(await codeOf(client.resellerCreateApiKey({ subscription: 'Acme' })), 118);
  });

  it("refuses reseller calls for non-reseller keys (116) and other resellers' subscriptions (117)", async () => {
    const plain = new SameSurfClient({ baseUrl: ctx.emu.apiBase, apiKey: 'server-key', apiSecret: 'server-secret' });
    assert.equal(await codeOf(plain.resellerCreateSubscription({ name: 'X', licensecount: 1 })), 116);
    const res = await post(
      ctx.emu,
      'reseller/createapikey',
      { subscription: 'demo' },
      await hsToken('reseller-key', 'reseller-secret'),
    );
    assert.equal(res.status, 403);
    assert.equal(res.body.errorcode, 117);
  });

  it("validates names, licence counts and overrides, and accepts the example's disabled_features", async () => {
    const token = await hsToken('reseller-key', 'reseller-secret');
    const code = async (call: string, body: unknown) =>
      (await post(ctx.emu, `reseller/${call}`, body, token)).body.errorcode;
    assert.equal(await code('createsubscription', { licensecount: 1 }), 115);
    assert.equal(await code('createsubscription', { name: 'Y', licensecount: 0 }), 124);
    assert.equal(
      await code('createsubscription', {
        name: 'Y',
        licensecount: 1,
        configuration_overrides: [{ key: 'nope', value: '1' }],
      }),
      121,
    );
    assert.equal(await code('deletesubscription', {}), 115);
    assert.equal(await code('createapikey', {}), 115);
    const quirk = await post(
      ctx.emu,
      'reseller/createsubscription',
      { name: 'Quirk', licensecount: 2, disabled_features: ['MODE_VIDEO_SHARE'] },
      token,
    );
    assert.equal(quirk.status, 200, quirk.text);
    assert.deepEqual(ctx.emu.state.subscriptions.get('Quirk')!.disabledfeatures, ['MODE_VIDEO_SHARE']);
  });
});
