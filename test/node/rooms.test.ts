import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attr, control, post, useEmulator, visit } from './helpers.js';

describe('emulator: rooms', () => {
  const ctx = useEmulator();

  it('creates a room that runningrooms and find then show, with the documented link names', async () => {
    await control(ctx.emu, 'reset');
    const created = await post(ctx.emu, 'create', { starturl: 'https://example.com/pricing', title: 'Demo' });
    assert.equal(created.status, 200);
    const { room, token, leadertoken, privateinvitation, publicinvitation } = created.body;
    assert.match(room, /^\d{9}$/);
    assert.match(token, /^[0-9A-F]{12}$/);
    assert.notEqual(token, leadertoken);
    assert.equal(privateinvitation, `${ctx.emu.url}/realtime/${room}/${leadertoken}`);
    assert.equal(publicinvitation, `${ctx.emu.url}/realtime/${room}/${token}`);

    const running = await post(ctx.emu, 'runningrooms', {});
    assert.equal(running.body.totalrooms, 1);
    assert.deepEqual(Object.keys(running.body.rooms[0]).sort(), [
      'privateinvitation',
      'publicinvitation',
      'room',
      'starttime',
      'title',
    ]);
    assert.equal(running.body.rooms[0].room, room);
    assert.equal(running.body.rooms[0].title, 'Demo');
    // The vendor's runningrooms example swaps the names.
    assert.equal(running.body.rooms[0].publicinvitation, privateinvitation);

    const found = await post(ctx.emu, 'find', { room });
    assert.deepEqual(found.body, { room, token, leadertoken, publicinvitation, success: true });
  });

  it('pages runningrooms with skip and limit', async () => {
    await control(ctx.emu, 'reset');
    const rooms = [];
    for (let i = 0; i < 5; i++) rooms.push((await post(ctx.emu, 'create', { title: `R${i}` })).body.room);
    const page = await post(ctx.emu, 'runningrooms', { skip: 1, limit: 2 });
    assert.equal(page.body.totalrooms, 5);
    assert.deepEqual(
      page.body.rooms.map((r: { room: string }) => r.room),
      rooms.slice(1, 3),
    );
  });

  it('keeps subscriptions apart: another subscription cannot find the room', async () => {
    const { body: key } = await control(ctx.emu, 'keys', {});
    const { body: room } = await post(ctx.emu, 'create', {});
    const { noneToken } = await import('./helpers.js');
    const other = await post(ctx.emu, 'find', { room: room.room }, await noneToken(key.apikey));
    assert.equal(other.body.errorcode, 102);
    assert.equal(other.status, 404);
  });

  it('answers 102 for an unknown room and 103 once a room has ended', async () => {
    assert.equal((await post(ctx.emu, 'find', { room: '999999999' })).body.errorcode, 102);
    const { body } = await post(ctx.emu, 'create', {});
    await control(ctx.emu, `rooms/${body.room}/end`);
    const ended = await post(ctx.emu, 'find', { room: body.room });
    assert.equal(ended.body.errorcode, 103);
    assert.equal(
      (await post(ctx.emu, 'createlimitedusetoken', { room: body.room, usagelimit: 1, isleader: false })).body
        .errorcode,
      103,
    );
    assert.equal((await visit(body.privateinvitation)).status, 410);
    const running = await post(ctx.emu, 'runningrooms', {});
    assert.ok(!running.body.rooms.some((r: { room: string }) => r.room === body.room));
  });

  it('validates create: start URL, features, bookmarks, session', async () => {
    const bad = async (body: unknown, code: number, field: RegExp) => {
      const res = await post(ctx.emu, 'create', body);
      assert.equal(res.body.errorcode, code, JSON.stringify(res.body));
      assert.match(res.body.error, field);
    };
    await bad({ starturl: 'javascript:alert(1)' }, 105, /"starturl"/);
    await bad({ disabledfeatures: ['MODE_TELEPORT'] }, 100, /"disabledfeatures\[0\]"/);
    await bad({ bookmarks: [{ name: 'x' }] }, 100, /"bookmarks\[0\]\.link" is required/);
    await bad(
      { session: { cookies: [{ domain: 'a', path: '/', name: 'n', value: 'v', secure: 'yes', httponly: true }] } },
      100,
      /secure/,
    );
    await bad({ title: 42 }, 100, /"title" must be a string/);
    const ok = await post(ctx.emu, 'create', {
      starturl: 'https://example.com',
      bookmarks: [{ name: 'Home', link: 'https://example.com' }],
      session: {
        cookies: [{ domain: 'example.com', path: '/', name: 'a', value: 'b', secure: true, httponly: true }],
        storage: [{ domain: 'example.com', name: 'k', value: 'v' }],
      },
      disabledfeatures: ['TOOLS_VIDEO_CHAT'],
    });
    assert.equal(ok.status, 200);
  });
});

describe('emulator: scheduled rooms', () => {
  const ctx = useEmulator();
  const future = new Date(Date.now() + 2 * 86_400_000);
  const isoLocal = future.toISOString().slice(0, 19);

  it('accepts UTC, IANA zones and the dd/MM/yyyy form; a scheduled room runs from its time', async () => {
    await control(ctx.emu, 'reset');
    const utc = await post(ctx.emu, 'create', {
      starturl: 'https://a.example',
      eventtime: `${isoLocal}Z`,
      lengthinminutes: 30,
      invitees: 'a@example.com, b@example.org',
      invitemessage: 'See you',
    });
    assert.equal(utc.status, 200, utc.text);
    const zoned = await post(ctx.emu, 'create', {
      starturl: 'https://a.example',
      eventtime: isoLocal,
      timezone: 'America/New_York',
    });
    assert.equal(zoned.status, 200, zoned.text);
    const [d, t] = [
      future.toISOString().slice(0, 10).split('-').reverse().join('/'),
      future.toISOString().slice(11, 19),
    ];
    const dmy = await post(ctx.emu, 'create', { starturl: 'https://a.example', eventtime: `${d}T${t}Z` });
    assert.equal(dmy.status, 200, dmy.text);
    const at = async (eventtime: string, timezone: string) =>
      ctx.emu.state.findRoom(
        (await post(ctx.emu, 'create', { starturl: 'https://a.example', eventtime, timezone })).body.room,
      )!.schedule!.at;
    assert.equal(await at('2031-01-15T10:00:00', 'America/New_York'), Date.UTC(2031, 0, 15, 15));
    assert.equal(await at('2031-07-01T10:00:00', 'Europe/London'), Date.UTC(2031, 6, 1, 9));
    assert.equal(await at('2031-07-01T10:00:00+02:00', 'Asia/Tokyo'), Date.UTC(2031, 6, 1, 8));

    assert.equal((await post(ctx.emu, 'runningrooms', {})).body.totalrooms, 0);
    await control(ctx.emu, 'clock', { advanceMs: 2 * 86_400_000 + 60_000 });
    // New York is behind UTC: that room is not due yet.
    const running = await post(
      ctx.emu,
      'runningrooms',
      {},
      await (await import('./helpers.js')).noneToken('demo-key', Date.now() + 2 * 86_400_000 + 60_000),
    );
    assert.equal(running.body.totalrooms, 2);
    assert.ok(!running.body.rooms.some((r: { room: string }) => r.room === zoned.body.room));
  });

  it('refuses each bad schedule with its code', async () => {
    await control(ctx.emu, 'reset');
    const code = async (body: Record<string, unknown>) =>
      (await post(ctx.emu, 'create', { starturl: 'https://a.example', ...body })).body.errorcode;
    assert.equal(await code({ eventtime: 'next tuesday' }), 108);
    assert.equal(await code({ eventtime: '2030-02-30T10:00:00Z' }), 108);
    assert.equal(await code({ eventtime: isoLocal }), 106);
    assert.equal(await code({ eventtime: isoLocal, timezone: 'Mars/Olympus' }), 107);
    assert.equal(await code({ eventtime: '2001-01-01T10:00:00Z' }), 122);
    assert.equal(await code({ eventtime: `${isoLocal}Z`, lengthinminutes: 0 }), 123);
    assert.equal(await code({ eventtime: `${isoLocal}Z`, invitees: 'a@example.com, not-an-address' }), 104);
    assert.equal(await code({ eventtime: `${isoLocal}Z`, starturl: 'not a url' }), 105);
  });

  it("schedules a room from eventtime alone: the reference's only required parameter", async () => {
    const only = await post(ctx.emu, 'create', { eventtime: `${isoLocal}Z` });
    assert.equal(only.status, 200, only.text);
    const room = ctx.emu.state.findRoom(only.body.room)!;
    assert.equal(room.starturl, null);
    assert.ok(room.schedule, 'a scheduled room');
  });
});

describe('emulator: limited-use invitations and the room page', () => {
  const ctx = useEmulator();

  it('makes the leader-token visitor the leader and the token visitor a follower', async () => {
    const { body } = await post(ctx.emu, 'create', { title: '<b>Ünïcode & "quotes"</b>' });
    const leader = await visit(body.privateinvitation);
    assert.equal(leader.status, 200);
    assert.equal(attr(leader.html, 'data-role'), 'leader');
    assert.equal(attr(leader.html, 'data-room'), body.room);
    assert.ok(leader.html.includes('&lt;b&gt;Ünïcode &amp; &quot;quotes&quot;&lt;/b&gt;'), 'title is escaped');
    const follower = await visit(`${body.publicinvitation}?name=Ana`);
    assert.equal(attr(follower.html, 'data-role'), 'follower');
    assert.equal(attr(follower.html, 'data-user'), 'Ana');
    assert.match(leader.headers.get('content-security-policy')!, /frame-ancestors \*/);
    assert.equal(leader.headers.get('x-frame-options'), null);
  });

  it('enforces usagelimit, isleader for the first visitor, usersname, and deletion', async () => {
    const { body: room } = await post(ctx.emu, 'create', {});
    const { body: inv } = await post(ctx.emu, 'createlimitedusetoken', {
      room: room.room,
      usagelimit: 2,
      isleader: true,
      usersname: 'Jo',
    });
    assert.match(inv.token, /^[0-9A-F]{12}$/);
    assert.equal(inv.link, `${ctx.emu.url}/realtime/${room.room}/${inv.token}`);
    const first = await visit(inv.link);
    assert.equal(attr(first.html, 'data-role'), 'leader');
    assert.equal(attr(first.html, 'data-user'), 'Jo');
    const second = await visit(inv.link);
    assert.equal(attr(second.html, 'data-role'), 'follower', 'only the first to enter leads');
    const third = await visit(inv.link);
    assert.equal(third.status, 410);
    assert.match(third.html, /used up/);

    const { body: other } = await post(ctx.emu, 'createlimitedusetoken', {
      room: room.room,
      usagelimit: 5,
      isleader: false,
    });
    assert.equal(attr((await visit(other.link)).html, 'data-role'), 'follower');
    const del = await post(ctx.emu, 'deletelimitedusetoken', { token: other.token });
    assert.deepEqual(del.body, { success: true });
    const afterDelete = await visit(other.link);
    assert.equal(afterDelete.status, 410);
    assert.match(afterDelete.html, /deleted/);
    assert.equal((await post(ctx.emu, 'deletelimitedusetoken', { token: other.token })).body.errorcode, 112);
  });

  it('refuses bad invitation requests with their codes', async () => {
    const { body: room } = await post(ctx.emu, 'create', {});
    const code = async (body: unknown) => (await post(ctx.emu, 'createlimitedusetoken', body)).body.errorcode;
    assert.equal(await code({ room: room.room, usagelimit: 0, isleader: true }), 125);
    assert.equal(await code({ room: room.room, usagelimit: 1.5, isleader: true }), 125);
    assert.equal(await code({ usagelimit: 1, isleader: true }), 102);
    assert.equal(await code({ room: '123', usagelimit: 1, isleader: true }), 102);
    assert.equal(await code({ room: room.room, usagelimit: 1, isleader: 'yes' }), 100);
    assert.equal((await post(ctx.emu, 'deletelimitedusetoken', {})).body.errorcode, 112);
  });

  it('shows clear error pages for links that do not work', async () => {
    const { body: room } = await post(ctx.emu, 'create', {});
    const wrong = await visit(`${ctx.emu.url}/realtime/${room.room}/NOTATOKEN`);
    assert.equal(wrong.status, 404);
    assert.match(wrong.html, /Invalid invitation/);
    assert.equal((await visit(`${ctx.emu.url}/realtime/123/ABC`)).status, 404);
  });
});

describe('emulator: configurable realtime origin', () => {
  const ctx = useEmulator({ realtimeOrigin: 'http://localhost:1' });
  it('writes links on that origin', async () => {
    const { body } = await post(ctx.emu, 'create', {});
    assert.equal(body.publicinvitation, `http://localhost:1/realtime/${body.room}/${body.token}`);
  });
});
