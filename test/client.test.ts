import { expect } from '@open-wc/testing';
import { SameSurfClient, SameSurfError, type CallName } from '../src/api/index.js';
import { claimsFor, signJwt } from '../src/api/jwt.js';
import { apiBase, base, endRoom, freshKey, requestCounts, reset } from './helpers/emulator.js';

/** What a page's own server would do: mint an HS256 token (here in the test, never in product code). */
const serverMinted = (key: string, secret: string) => () => signJwt('HS256', claimsFor(key), secret);
const decode = (part: string) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));

describe('SameSurfClient against the emulator (cross-origin)', () => {
  beforeEach(reset);

  it('runs every room call with a none-algorithm key', async () => {
    expect(new URL(apiBase).origin).to.not.equal(location.origin);
    const { apikey } = await freshKey();
    const client = new SameSurfClient({ baseUrl: apiBase, apiKey: apikey });

    const created = await client.createRoom({
      starturl: 'https://example.com/pricing',
      title: 'Pricing tour',
      bookmarks: [{ name: 'Home', link: 'https://example.com' }],
      session: { cookies: [{ domain: 'example.com', path: '/', name: 'a', value: 'b', secure: true, httponly: true }] },
      disabledfeatures: ['TOOLS_AUDIO_CHAT'],
    });
    expect(created.success).to.equal(true);
    expect(created.room).to.match(/^\d{9}$/);
    expect(created.privateinvitation).to.equal(`${base}/realtime/${created.room}/${created.leadertoken}`);
    expect(created.publicinvitation).to.equal(`${base}/realtime/${created.room}/${created.token}`);

    const running = await client.runningRooms({ skip: 0, limit: 10 });
    expect(running.totalrooms).to.equal(1);
    expect(running.rooms[0]!.title).to.equal('Pricing tour');

    const found = await client.findRoom({ room: created.room });
    expect(found.token).to.equal(created.token);
    expect(found.leadertoken).to.equal(created.leadertoken);

    const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    const scheduled = await client.scheduleRoom({
      starturl: 'https://example.com',
      eventtime: future,
      timezone: 'Europe/London',
      lengthinminutes: 45,
      invitees: 'a@example.com,b@example.com',
      invitemessage: 'Hello',
    });
    expect(scheduled.room).to.match(/^\d{9}$/);

    const invitation = await client.createLimitedUseToken({
      room: created.room,
      usagelimit: 1,
      isleader: false,
      usersname: 'Ana',
    });
    expect(invitation.link).to.equal(`${base}/realtime/${created.room}/${invitation.token}`);
    // As a visitor's browser opens it (the room page sends no CORS headers, as the real one).
    await fetch(invitation.link, { mode: 'no-cors' });
    expect(await client.deleteLimitedUseToken({ token: invitation.token })).to.deep.equal({ success: true });

    await endRoom(created.room, 2);
    const video = await client.screenRecordingPublicLink({ room: created.room, recording: 1, validfor: 5 });
    expect((await fetch(video.link)).headers.get('content-type')).to.equal('video/webm');
    const thumb = await client.screenRecordingThumbnail({ room: created.room });
    expect((await fetch(thumb.link)).headers.get('content-type')).to.equal('image/png');
    const image = await client.screenRecordingImage({ room: created.room, width: 640 });
    const bitmap = await createImageBitmap(await (await fetch(image.link)).blob());
    expect([bitmap.width, bitmap.height]).to.deep.equal([640, 360]);

    const overview = await client.analyticsOverview();
    expect(overview.rooms_total).to.equal(2);
    expect(overview.url_latest).to.equal('https://example.com');
    const rooms = await client.analyticsRooms({ skip: 0, limit: 5 });
    expect(rooms.total_rooms).to.equal(2);
    expect(rooms.rooms.find((r) => r.room === created.room)!.screenrecordings).to.equal(2);
    const detail = await client.roomAnalytics({ room: created.room });
    expect(detail.title).to.equal('Pricing tour');
    expect(detail.users.map((u) => u.name)).to.deep.equal(['Ana']);
  });

  it('runs the reseller calls with server-minted HS256 tokens through getToken', async () => {
    const calls: CallName[] = [];
    const mint = serverMinted('reseller-key', 'reseller-secret');
    const client = new SameSurfClient({
      baseUrl: apiBase,
      getToken: ({ call }) => {
        calls.push(call);
        return mint();
      },
    });
    expect(
      await client.resellerCreateSubscription({
        name: 'Browser Co',
        licensecount: 2,
        disabledfeatures: ['MODE_LOGOUT'],
      }),
    ).to.deep.equal({ success: true });
    const { apikey, apisecret } = await client.resellerCreateApiKey({ subscription: 'Browser Co' });
    const customer = new SameSurfClient({ baseUrl: apiBase, getToken: serverMinted(apikey, apisecret) });
    expect((await customer.createRoom()).room).to.match(/^\d{9}$/);
    expect(await client.resellerDeleteSubscription({ name: 'Browser Co' })).to.deep.equal({ success: true });
    expect(calls).to.deep.equal([
      'reseller/createsubscription',
      'reseller/createapikey',
      'reseller/deletesubscription',
    ]);
  });

  it('signs a fresh none token for every request, exactly as the vendor example does', async () => {
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('Authorization')!);
      return fetch(input, init);
    };
    const client = new SameSurfClient({ baseUrl: apiBase, apiKey: 'demo-key', fetch: recordingFetch });
    const realNow = Date.now;
    try {
      const t0 = realNow();
      Date.now = () => t0;
      await client.runningRooms();
      Date.now = () => t0 + 61_000;
      await client.runningRooms().catch(() => undefined);
    } finally {
      Date.now = realNow;
    }
    expect(seen).to.have.length(2);
    const [first, second] = seen.map((h) => h.replace(/^Bearer /, ''));
    expect(first!.endsWith('.')).to.equal(true, 'unsigned: header.payload. with the trailing dot');
    const [header, payload, signature] = first!.split('.');
    expect(decode(header!)).to.deep.equal({ typ: 'JWT', alg: 'none' });
    expect(Object.keys(decode(payload!))).to.deep.equal(['iat', 'sub']);
    expect(decode(payload!).sub).to.equal('demo-key');
    expect(signature).to.equal('');
    expect(decode(second!.split('.')[1]!).iat - decode(payload!).iat).to.equal(61);
  });

  it('accepts an HS256 token from getToken for an HS256-only key', async () => {
    const client = new SameSurfClient({ baseUrl: apiBase, getToken: serverMinted('server-key', 'server-secret') });
    expect((await client.runningRooms()).success).to.equal(true);
  });

  it('refuses an API secret in a browser page before anything is sent', () => {
    let error: unknown;
    try {
      new SameSurfClient({ baseUrl: apiBase, apiKey: 'server-key', apiSecret: 'server-secret' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(SameSurfError);
    expect((error as SameSurfError).kind).to.equal('config');
    expect((error as SameSurfError).message).to.match(/secret must never be used in a browser page/);
  });

  it('sends no Authorization with no auth configured (for a proxy that adds it) and passes extra headers', async () => {
    let sent: Headers | undefined;
    const client = new SameSurfClient({
      baseUrl: apiBase,
      headers: { 'X-Requested-With': 'samesurf' },
      fetch: (input, init) => {
        sent = new Headers(init?.headers);
        return fetch(input, { ...init, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const error = await client.runningRooms().catch((e: SameSurfError) => e);
    expect(sent!.has('Authorization')).to.equal(false);
    expect(sent!.get('X-Requested-With')).to.equal('samesurf');
    expect((error as SameSurfError).errorcode).to.equal(101);
    expect((error as SameSurfError).message).to.match(/Missing Authorization header/);
  });

  it('reports a token source that fails or gives nothing as a config error', async () => {
    const failing = new SameSurfClient({ baseUrl: apiBase, getToken: () => Promise.reject(new Error('server down')) });
    const e1 = (await failing.createRoom().catch((e) => e)) as SameSurfError;
    expect(e1.kind).to.equal('config');
    expect((e1.cause as Error).message).to.equal('server down');
    const empty = new SameSurfClient({ baseUrl: apiBase, getToken: () => '' });
    expect(((await empty.createRoom().catch((e) => e)) as SameSurfError).message).to.match(
      /getToken returned no token/,
    );
    expect((await requestCounts()).create ?? 0).to.equal(0);
  });
});
