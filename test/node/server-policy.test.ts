import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RoomTickets, TICKET_LIFETIME_MS } from '../../src/server/ticket.js';
import type { JsonBody } from '../helpers/json.js';
import { useEmulator } from './helpers.js';
import { callProxy, PROXY_SECRET, proxyFor, proxyKey } from './proxy-helpers.js';

const ctx = useEmulator({ keys: [proxyKey] });

/** The leader flag of the invitation the emulator stored for an answer's token. */
const leaderOf = (answer: { body: JsonBody }) => {
  const stored = ctx.emu.state.limitedTokens.get(answer.body.token);
  assert.ok(stored, `the emulator stored the invitation (${JSON.stringify(answer.body)})`);
  return stored.isleader;
};

describe("proxy: leader invitations only into the visitor's own room", () => {
  it('a room ticket from create grants a leader invitation into that room, and the API never sees the ticket', async () => {
    const forwarded: string[] = [];
    const h = proxyFor(ctx.emu, {
      fetch: (input, init) => {
        forwarded.push(String(init?.body));
        return fetch(input, init);
      },
    });
    const created = await callProxy(h, 'create', {});
    assert.equal(created.status, 200);
    assert.match(created.body.ticket, /^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
    const named = await callProxy(h, 'createlimitedusetoken', {
      room: created.body.room,
      usagelimit: 1,
      isleader: true,
      usersname: 'Ann',
      ticket: created.body.ticket,
    });
    assert.equal(named.status, 200);
    assert.equal(leaderOf(named), true);
    assert.equal(ctx.emu.state.limitedTokens.get(named.body.token)!.usersname, 'Ann');
    assert.equal(
      forwarded.some((body) => body.includes('ticket')),
      false,
      'the ticket is stripped before the API',
    );
  });

  it('without a valid ticket for the room, isleader becomes false', async () => {
    const h = proxyFor(ctx.emu);
    const mine = await callProxy(h, 'create', {});
    const theirs = await callProxy(h, 'create', {});
    const ask = (ticket?: unknown) =>
      callProxy(h, 'createlimitedusetoken', { room: theirs.body.room, usagelimit: 1, isleader: true, ticket });

    const none = await ask();
    assert.equal(none.status, 200);
    assert.equal(leaderOf(none), false, 'no ticket');
    assert.equal(leaderOf(await ask(mine.body.ticket)), false, "another room's ticket");
    const [v, expiry, mac] = theirs.body.ticket.split('.');
    const flipped = `${v}.${expiry}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    assert.equal(leaderOf(await ask(flipped)), false, 'a forged MAC');
    assert.equal(leaderOf(await ask(`${v}.${Number(expiry) + 3600}.${mac}`)), false, 'a lengthened expiry');
    const expired = await new RoomTickets(PROXY_SECRET, () => Date.now() - TICKET_LIFETIME_MS - 1000).issue(
      theirs.body.room,
    );
    assert.equal(leaderOf(await ask(expired)), false, 'an expired ticket');
    const otherKey = await new RoomTickets('some-other-ticket-secret').issue(theirs.body.room);
    assert.equal(leaderOf(await ask(otherKey)), false, 'a ticket under another key');
    assert.equal(leaderOf(await ask({ room: theirs.body.room })), false, 'not a string');
    // The right ticket, for contrast: the same request succeeds as leader.
    assert.equal(leaderOf(await ask(theirs.body.ticket)), true);
  });

  it("a room the visitor did not create (the demo's printed support room) gets no leader", async () => {
    const room = ctx.emu.state.addRoom({
      room: '424242000',
      subscription: 'demo',
      title: null,
      starturl: null,
      bookmarks: [],
      session: {},
      disabledfeatures: [],
      createdAt: Date.now(),
    });
    const res = await callProxy(proxyFor(ctx.emu), 'createlimitedusetoken', {
      room: room.room,
      usagelimit: 1,
      isleader: true,
    });
    assert.equal(res.status, 200);
    assert.equal(leaderOf(res), false);
  });

  it('stripLeader: no leader link, so no ticket', async () => {
    const res = await callProxy(proxyFor(ctx.emu, { policy: { create: { stripLeader: true } } }), 'create', {});
    assert.equal(res.status, 200);
    assert.equal(res.body.privateinvitation, undefined);
    assert.equal(res.body.ticket, undefined);
  });

  it('allowLeader: false wins over a valid ticket', async () => {
    const h = proxyFor(ctx.emu, { policy: { createlimitedusetoken: { allowLeader: false } } });
    const created = await callProxy(h, 'create', {});
    const res = await callProxy(h, 'createlimitedusetoken', {
      room: created.body.room,
      usagelimit: 1,
      isleader: true,
      ticket: created.body.ticket,
    });
    assert.equal(leaderOf(res), false);
  });

  it("a ticketSecret of its own: tickets signed with the API secret's key do not pass", async () => {
    const h = proxyFor(ctx.emu, { ticketSecret: 'a-separate-ticket-secret-0123' });
    const created = await callProxy(h, 'create', {});
    const ok = await callProxy(h, 'createlimitedusetoken', {
      room: created.body.room,
      usagelimit: 1,
      isleader: true,
      ticket: created.body.ticket,
    });
    assert.equal(leaderOf(ok), true);
    const fromApiSecret = await new RoomTickets(PROXY_SECRET).issue(created.body.room);
    const no = await callProxy(h, 'createlimitedusetoken', {
      room: created.body.room,
      usagelimit: 1,
      isleader: true,
      ticket: fromApiSecret,
    });
    assert.equal(leaderOf(no), false);
  });
});

describe('proxy: no mail relay', () => {
  const schedule = {
    starturl: 'https://shop.test/',
    eventtime: '2030-02-22T16:30:00Z',
    invitees: 'victim1@example.net,victim2@example.net',
    invitemessage: 'Your account is locked: click here',
  };

  it('refuses scheduling fields from the browser by default, naming the field', async () => {
    const h = proxyFor(ctx.emu);
    const before = ctx.emu.state.rooms.size;
    for (const field of ['invitees', 'invitemessage', 'eventtime', 'timezone', 'lengthinminutes'] as const) {
      const body = {
        eventtime: '2030-02-22T16:30:00Z',
        [field]:
          field === 'lengthinminutes'
            ? 30
            : field === 'timezone'
              ? 'Europe/London'
              : schedule[field as keyof typeof schedule],
      };
      if (field !== 'eventtime') delete (body as Record<string, unknown>).eventtime;
      const res = await callProxy(h, 'create', body);
      assert.equal(res.status, 403, field);
      assert.match(res.body.error, new RegExp(`"${field}"`), field);
    }
    const all = await callProxy(h, 'create', schedule);
    assert.equal(all.status, 403);
    assert.equal(ctx.emu.state.rooms.size, before, 'no room made, nobody mailed');
  });

  it('schedule.allow lets the page schedule, with at most maxInvitees addresses', async () => {
    const h = proxyFor(ctx.emu, { policy: { create: { schedule: { allow: true, maxInvitees: 2 } } } });
    const ok = await callProxy(h, 'create', schedule);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ctx.emu.state.findRoom(ok.body.room)!.schedule!.invitees, [
      'victim1@example.net',
      'victim2@example.net',
    ]);
    const three = await callProxy(h, 'create', {
      ...schedule,
      invitees: 'a@example.net, b@example.net ,c@example.net',
    });
    assert.equal(three.status, 403);
    assert.match(three.body.error, /"invitees" may list at most 2 addresses/);
    const defaultMax = proxyFor(ctx.emu, { policy: { create: { schedule: { allow: true } } } });
    assert.equal(
      (await callProxy(defaultMax, 'create', schedule)).status,
      403,
      'one address unless maxInvitees says more',
    );
    assert.equal((await callProxy(defaultMax, 'create', { ...schedule, invitees: 'a@example.net' })).status, 200);
  });
});

describe('proxy: starturlPrefix compares parsed URLs', () => {
  it('refuses look-alike hosts, user info and paths outside the prefix', async () => {
    const h = proxyFor(ctx.emu, {
      policy: {
        create: {
          starturlPrefix: ['https://example.com', 'https://help.example.com/docs', 'https://shop.example/app/'],
        },
      },
    });
    for (const starturl of [
      'https://example.com.evil.com/',
      'https://example.com@evil.com/',
      'https://example.com-evil.net/',
      'https://user:pass@example.com/',
      'http://example.com/',
      'https://example.com:8443/',
      'https://help.example.com/docsevil',
      'https://help.example.com/docs/../admin',
      'https://help.example.com/docs/%2e%2e/admin',
      'https://shop.example/app',
      'https://shop.example/application',
      'not a url',
    ]) {
      const res = await callProxy(h, 'create', { starturl });
      assert.equal(res.status, 403, starturl);
      assert.match(res.body.error, /starturl must begin with/, starturl);
    }
  });

  it("admits the prefix's origin and what is at or under its path, and forwards what it checked", async () => {
    const h = proxyFor(ctx.emu, {
      policy: {
        create: {
          starturlPrefix: ['https://example.com', 'https://help.example.com/docs', 'https://shop.example/app/'],
        },
      },
    });
    for (const [starturl, stored] of [
      ['https://example.com/any/page?x=1', 'https://example.com/any/page?x=1'],
      ['https://EXAMPLE.com:443', 'https://example.com/'],
      ['https://help.example.com/docs', 'https://help.example.com/docs'],
      ['https://help.example.com/docs/faq#top', 'https://help.example.com/docs/faq#top'],
      ['https://shop.example/app/cart', 'https://shop.example/app/cart'],
    ]) {
      const res = await callProxy(h, 'create', { starturl });
      assert.equal(res.status, 200, starturl);
      assert.equal(ctx.emu.state.findRoom(res.body.room)!.starturl, stored);
    }
  });
});

describe('proxy: find keeps the leader token from the page by default', () => {
  it('strips leadertoken unless the site says find: { stripLeader: false }', async () => {
    const created = await callProxy(proxyFor(ctx.emu), 'create', {});
    const h = proxyFor(ctx.emu, { allow: ['create', 'find'] });
    const found = await callProxy(h, 'find', { room: created.body.room });
    assert.equal(found.status, 200);
    assert.equal(found.body.room, created.body.room);
    assert.equal(found.body.leadertoken, undefined, 'whoever knows a room number does not get its leader token');
    assert.match(found.body.publicinvitation, /\/realtime\//);
    const open = proxyFor(ctx.emu, { allow: ['find'], policy: { find: { stripLeader: false } } });
    assert.equal(
      (await callProxy(open, 'find', { room: created.body.room })).body.leadertoken,
      created.body.leadertoken,
    );
  });
});

describe('proxy: the page sets only what the site allows in a room', () => {
  const phishing = [{ name: 'Log in', link: 'https://evil.test/phish' }];
  const cookie = {
    cookies: [{ domain: 'example.com', path: '/', name: 'sid', value: 'ATTACKER', secure: true, httponly: true }],
  };

  it('refuses session (cookies, storage) and bookmarks from the page by default, naming the field', async () => {
    const h = proxyFor(ctx.emu);
    for (const [field, body] of [
      ['session', { session: cookie }],
      ['bookmarks', { bookmarks: phishing }],
    ] as const) {
      const res = await callProxy(h, 'create', body);
      assert.equal(res.status, 403, field);
      assert.match(res.body.error, new RegExp(`"${field}" is not accepted`));
    }
  });

  it('allows them when the site says so, and forces its own bookmarks', async () => {
    const open = proxyFor(ctx.emu, { policy: { create: { allowSession: true, allowBookmarks: true } } });
    const res = await callProxy(open, 'create', { session: cookie, bookmarks: phishing });
    assert.equal(res.status, 200);
    const room = ctx.emu.state.findRoom(res.body.room)!;
    assert.deepEqual(room.bookmarks, phishing);
    assert.equal(room.session.cookies![0]!.value, 'ATTACKER');
    const own = [{ name: 'Help', link: 'https://shop.test/help' }];
    const forced = await callProxy(proxyFor(ctx.emu, { policy: { create: { bookmarks: own } } }), 'create', {
      bookmarks: phishing,
    });
    assert.equal(forced.status, 200);
    assert.deepEqual(ctx.emu.state.findRoom(forced.body.room)!.bookmarks, own);
  });

  it('refuses fields the call does not have, instead of passing them on unchecked', async () => {
    const h = proxyFor(ctx.emu);
    for (const [call, body, field] of [
      ['create', { Invitees: 'a@example.net' }, 'Invitees'],
      ['create', { EventTime: '2030-01-01T00:00:00Z' }, 'EventTime'],
      ['createlimitedusetoken', { room: '1', usagelimit: 1, isleader: false, extra: 1 }, 'extra'],
    ] as const) {
      const res = await callProxy(h, call, body);
      assert.equal(res.status, 403, field);
      assert.match(res.body.error, new RegExp(`"${field}" is not a parameter of ${call}`));
    }
  });
});

describe('proxy: never follows a redirect from the API', () => {
  it('answers 502 and never re-sends the body elsewhere', async () => {
    const { createServer } = await import('node:http');
    let hits = 0;
    const elsewhere = createServer((req, res) => {
      hits++;
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"success":true,"room":"1","privateinvitation":"x"}');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}/steal`;
    const upstream = createServer((req, res) => res.writeHead(307, { Location: target }).end());
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    try {
      const h = proxyFor(ctx.emu, {
        baseUrl: `http://127.0.0.1:${(upstream.address() as { port: number }).port}/api/v3`,
      });
      const res = await callProxy(h, 'create', {});
      assert.equal(res.status, 502);
      assert.equal(res.body.ticket, undefined);
      assert.equal(hits, 0, 'the redirect target was never asked');
    } finally {
      upstream.closeAllConnections();
      elsewhere.closeAllConnections();
      await new Promise((r) => upstream.close(r));
      await new Promise((r) => elsewhere.close(r));
    }
  });
});
