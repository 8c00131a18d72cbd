import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attr, control, noneToken, post, useEmulator, visit } from './helpers.js';

/** POSTs the room page's leave form, as the "Leave room" button does. */
async function leave(link: string, html: string) {
  const res = await fetch(`${new URL(link).origin}${attr(html, 'data-leave')}`, {
    method: 'POST',
    body: new URLSearchParams({ guid: attr(html, 'data-guid')! }),
  });
  assert.equal(res.status, 200);
}

describe('emulator: analytics computed from what happened', () => {
  const ctx = useEmulator();

  it('reports rooms, users and durations from real joins, leaves and ends', async () => {
    await control(ctx.emu, 'reset');
    // Each call gets a token for the emulator's clock, which this test moves.
    let skewMs = 0;
    const call = async (name: string, body?: unknown) =>
      post(ctx.emu, name, body, await noneToken('demo-key', Date.now() + skewMs));
    const advance = async (ms: number) => {
      await control(ctx.emu, 'clock', { advanceMs: ms });
      skewMs += ms;
    };

    const a = (await call('create', { starturl: 'https://shop.example/a', title: 'Alpha' })).body;
    await call('create', { starturl: 'https://docs.example/x', title: 'Beta' });
    const c = (await call('create', { starturl: 'https://shop.example/c', title: 'Gamma' })).body;

    await visit(a.privateinvitation); // the host enters
    await advance(60_000);
    const guest = await visit(`${a.publicinvitation}?name=Visitor`);
    await advance(3 * 60_000);
    await leave(a.publicinvitation, guest.html);
    await advance(60_000);
    await control(ctx.emu, `rooms/${a.room}/end`, { recordings: 2 });

    const rooms = (await call('analyticsrooms', {})).body;
    assert.equal(rooms.total_rooms, '3', "a string, as the reference's example shows it");
    assert.equal(rooms.rooms[0].room, c.room, 'newest first');
    const alpha = rooms.rooms.find((r: { room: string }) => r.room === a.room);
    assert.equal(alpha.title, 'Alpha');
    // The emulator's clock is the real one moved forward: a loaded machine may let a real second or two pass.
    const near = (actual: number, expected: number, slack: number, what: string) =>
      assert.ok(actual >= expected && actual <= expected + slack, `${what}: ${actual}, expected ${expected}`);
    near(alpha.duration, 300, 2, 'first join to last leave, in seconds');
    assert.equal(alpha.screenrecordings, 2);
    assert.match(alpha.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(rooms.rooms.find((r: { room: string }) => r.room === c.room).duration, 0);

    const paged = (await call('analyticsrooms', { skip: 1, take: 1 })).body;
    assert.equal(paged.rooms.length, 1, 'the example\'s "take" works as "limit"');
    assert.equal(paged.total_rooms, '3');

    const detail = (await call('roomanalytics', { room: a.room })).body;
    assert.equal(detail.title, 'Alpha');
    assert.deepEqual(
      detail.events.map((e: { type: string }) => e.type),
      ['start', 'url', 'join', 'join', 'leave', 'leave', 'end'],
    );
    assert.equal(detail.events[1].data, 'https://shop.example/a');
    assert.equal(detail.users.length, 2);
    const [u1, u2] = detail.users;
    assert.equal(u1.host, true);
    assert.equal(u1.name, 'Host');
    assert.equal(u2.host, false);
    assert.equal(u2.name, 'Visitor');
    assert.equal(u1.ipaddress, '127.0.0.1');
    near(Date.parse(u2.leftat) - Date.parse(u2.joinedat), 180_000, 2000, "the visitor's time");
    near(Date.parse(u1.leftat) - Date.parse(u1.joinedat), 300_000, 2000, 'the host left when the room ended');
    assert.match(u1.guid, /^[0-9A-F]{40}$/);

    const overview = (await call('analyticsoverview')).body;
    assert.equal(overview.rooms_total, 3);
    assert.equal(overview.rooms_thismonth, 3);
    assert.equal(overview.url_latest, 'https://shop.example/c');
    assert.equal(overview.url_most_popular, 'shop.example');
    assert.equal(overview.averageduration_alltime, 2, '(5 + 0 + 0) / 3 minutes, rounded');
    await advance(40 * 86_400_000);
    const later = (await call('analyticsoverview')).body;
    assert.equal(later.rooms_today, 0);
    assert.equal(later.rooms_thismonth, 0);
    assert.equal(later.rooms_total, 3);
  });

  it('keeps room versions apart when a number is reused', async () => {
    await control(ctx.emu, 'reset');
    await control(ctx.emu, 'rooms', { room: '123456789', title: 'First', ended: true });
    const second = await control(ctx.emu, 'rooms', { room: '123456789', title: 'Second' });
    assert.equal(second.body.version, 1);
    assert.equal((await post(ctx.emu, 'roomanalytics', { room: '123456789' })).body.title, 'First');
    assert.equal((await post(ctx.emu, 'roomanalytics', { room: '123456789', version: 1 })).body.title, 'Second');
    assert.equal((await post(ctx.emu, 'roomanalytics', { room: '123456789', version: 2 })).body.errorcode, 102);
  });

  it("lets the room's leader end the session from the room page, as the real room does; a follower may not", async () => {
    await control(ctx.emu, 'reset');
    const call = async (name: string, body?: unknown) => post(ctx.emu, name, body, await noneToken('demo-key'));
    const room = (await call('create', { title: 'Ended by its leader' })).body;
    const host = await visit(room.privateinvitation);
    const guest = await visit(`${room.publicinvitation}?name=Visitor`);
    assert.equal(attr(guest.html, 'action')?.endsWith('/end'), false, 'a follower is offered no end');
    const endPath = /action="([^"]*\/end)"/.exec(host.html)?.[1];
    assert.ok(endPath, "the leader's page offers it");
    const end = (html: string) =>
      fetch(`${new URL(room.privateinvitation).origin}${endPath}`, {
        method: 'POST',
        body: new URLSearchParams({ guid: attr(html, 'data-guid')! }),
      });

    const refused = await end(guest.html);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Only the leader/);
    assert.equal((await call('find', { room: room.room })).body.success, true, 'still running');

    const ended = await end(host.html);
    assert.equal(ended.status, 200);
    assert.equal(attr(await ended.text(), 'data-ended'), room.room);
    assert.equal((await call('find', { room: room.room })).body.errorcode, 103, 'ended');
    const row = (await call('analyticsrooms', {})).body.rooms.find((r: { room: string }) => r.room === room.room);
    assert.equal(row.screenrecordings, 1, 'its recording stored');
    const detail = (await call('roomanalytics', { room: room.room })).body;
    assert.ok(
      detail.users.every((u: { leftat: string | null }) => u.leftat !== null),
      'everyone left',
    );
    assert.equal((await end(host.html)).status, 404, 'once');
  });

  it('starts a scheduled room at its event time: in runningrooms, analyticsrooms, the timeline and the overview', async () => {
    await control(ctx.emu, 'reset');
    let skewMs = 0;
    const call = async (name: string, body?: unknown) =>
      post(ctx.emu, name, body, await noneToken('demo-key', Date.now() + skewMs));
    const before = (await call('analyticsoverview')).body.rooms_today;
    const at = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000); // ten minutes ahead, on the minute
    const eventtime = at.toISOString().slice(0, 19);
    const { room } = (await call('create', { eventtime, timezone: 'UTC', starturl: 'https://example.com/x' })).body;
    assert.equal((await call('analyticsoverview')).body.rooms_today, before, 'not counted before it starts');
    await control(ctx.emu, 'clock', { advanceMs: 15 * 60_000 });
    skewMs += 15 * 60_000;
    const started = at.toISOString().replace('.000Z', 'Z');
    const running = (await call('runningrooms', {})).body.rooms.find((r: { room: string }) => r.room === room);
    assert.equal(running.starttime, started);
    const listed = (await call('analyticsrooms', {})).body.rooms.find((r: { room: string }) => r.room === room);
    assert.equal(listed.date, started, 'the same start in analyticsrooms');
    const events = (await call('roomanalytics', { room })).body.events as { type: string; date: string }[];
    assert.deepEqual(
      events.slice(0, 2).map((e) => [e.type, e.date]),
      [
        ['start', started],
        ['url', started],
      ],
      'the timeline starts then too',
    );
    const overview = (await call('analyticsoverview')).body;
    assert.ok(overview.rooms_thismonth >= 1 && overview.rooms_total >= 1);
  });
});
