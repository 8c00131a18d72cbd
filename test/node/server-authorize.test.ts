import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthorizeContext } from '../../src/server/authorize.js';
import { createSameSurfHandler } from '../../src/server/index.js';
import { useEmulator } from './helpers.js';
import { callProxy, PROXY_KEY, PROXY_SECRET, proxyFor, proxyKey } from './proxy-helpers.js';

const ctx = useEmulator({ keys: [proxyKey] });

const addRoom = (room: string) =>
  ctx.emu.state.addRoom({
    room,
    subscription: 'demo',
    title: null,
    starturl: null,
    bookmarks: [],
    session: {},
    disabledfeatures: [],
    createdAt: Date.now(),
  });
const leaderOf = (token: string) => ctx.emu.state.limitedTokens.get(token)!.isleader;

describe("authorize: the site's own check of every call", () => {
  it('sees the call, the body as it would be sent, the request and the client address; true lets it through', async () => {
    const seen: AuthorizeContext[] = [];
    const h = proxyFor(ctx.emu, {
      policy: { create: { title: 'Shop help' } },
      authorize: (c) => {
        seen.push(c);
        return true;
      },
    });
    const created = await callProxy(h, 'create', { title: 'mine' }, { Cookie: 'sid=abc' }, '198.51.100.44');
    assert.equal(created.status, 200);
    const invited = await callProxy(h, 'createlimitedusetoken', {
      room: created.body.room,
      usagelimit: 1,
      isleader: true,
      ticket: 'v1.1.x',
    });
    assert.equal(invited.status, 200);
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.call, 'create');
    assert.equal(seen[0]!.mode, 'proxy');
    assert.equal(seen[0]!.body.title, 'Shop help', 'after the policy');
    assert.equal(seen[0]!.request.headers.get('Cookie'), 'sid=abc');
    assert.equal(seen[0]!.clientAddress, '198.51.100.44');
    assert.deepEqual(
      seen[1]!.body,
      { room: created.body.room, usagelimit: 1, isleader: false },
      'leader rule applied, ticket gone',
    );
    assert.equal(leaderOf(invited.body.token), false, "true allows the call under the proxy's own rules");
  });

  it('a hook that edits the body in place and answers true changes nothing', async () => {
    const room = addRoom('515151003');
    const h = proxyFor(ctx.emu, {
      authorize: ({ body }) => {
        (body as Record<string, unknown>).isleader = true;
        return true;
      },
    });
    const res = await callProxy(h, 'createlimitedusetoken', { room: room.room, usagelimit: 1, isleader: true });
    assert.equal(res.status, 200);
    assert.equal(leaderOf(res.body.token), false);
  });

  it('false and { deny } refuse with 403 and send nothing', async () => {
    const rooms = ctx.emu.state.rooms.size;
    const no = await callProxy(proxyFor(ctx.emu, { authorize: () => false }), 'create', {});
    assert.equal(no.status, 403);
    assert.equal(no.body.error, 'This request is not allowed.');
    const reason = await callProxy(
      proxyFor(ctx.emu, { authorize: async () => ({ deny: 'Sign in to get help.' }) }),
      'create',
      {},
    );
    assert.equal(reason.status, 403);
    assert.equal(reason.body.error, 'Sign in to get help.');
    const both = await callProxy(
      proxyFor(ctx.emu, { authorize: () => ({ body: {}, deny: 'A deny wins.' }) as never }),
      'create',
      {},
    );
    assert.equal(both.status, 403);
    assert.equal(both.body.error, 'A deny wins.');
    assert.equal(ctx.emu.state.rooms.size, rooms);
  });

  it("an amended body is trusted (a leader invitation for the agent), then checked against the API's rules", async () => {
    const room = addRoom('515151001');
    const h = proxyFor(ctx.emu, {
      authorize: async ({ call, body }) =>
        call === 'createlimitedusetoken' ? { body: { ...body, isleader: true, usersname: 'Agent Ann' } } : true,
    });
    const res = await callProxy(h, 'createlimitedusetoken', { room: room.room, usagelimit: 1, isleader: false });
    assert.equal(res.status, 200);
    assert.equal(leaderOf(res.body.token), true);
    assert.equal(ctx.emu.state.limitedTokens.get(res.body.token)!.usersname, 'Agent Ann');

    const broken = proxyFor(ctx.emu, { authorize: ({ body }) => ({ body: { ...body, usagelimit: 0 } }) });
    const bad = await callProxy(broken, 'createlimitedusetoken', { room: room.room, usagelimit: 1, isleader: false });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errorcode, 125);
  });

  it('an amended body still loses a ticket, and allowLeader: false still wins', async () => {
    const room = addRoom('515151002');
    const forwarded: string[] = [];
    const h = proxyFor(ctx.emu, {
      policy: { createlimitedusetoken: { allowLeader: false } },
      authorize: ({ body }) => ({ body: { ...body, isleader: true, ticket: 'from-the-hook' } }),
      fetch: (input, init) => {
        forwarded.push(String(init?.body));
        return fetch(input, init);
      },
    });
    const res = await callProxy(h, 'createlimitedusetoken', { room: room.room, usagelimit: 1, isleader: true });
    assert.equal(res.status, 200);
    assert.equal(leaderOf(res.body.token), false);
    assert.equal(forwarded.length, 1);
    assert.equal(forwarded[0]!.includes('ticket'), false);
  });

  it('a hook that throws or answers nonsense refuses safely with a log line, never allows', async () => {
    const rooms = ctx.emu.state.rooms.size;
    for (const hook of [
      () => {
        throw new Error(`db down: ${PROXY_SECRET}`);
      },
      async () => Promise.reject(new TypeError('no session store')),
      () => undefined,
      () => 'yes',
      () => ({}),
      () => ({ body: 'x' }),
      () => [true],
    ]) {
      const lines: string[] = [];
      const res = await callProxy(proxyFor(ctx.emu, { authorize: hook as never }, lines), 'create', {});
      assert.equal(res.status, 500, String(hook));
      assert.equal(res.body.success, false);
      assert.equal(res.body.error, 'The co-browsing endpoint could not check this request.');
      assert.equal(lines.length, 1, String(hook));
      assert.match(lines[0]!, /^samesurf: create: authorize (threw \(\w+\)|answered neither)/);
      assert.equal(lines[0]!.includes(PROXY_SECRET), false, "the hook's error message is not logged");
    }
    assert.equal(ctx.emu.state.rooms.size, rooms, 'nothing reached the API');
  });
});

describe('authorize that never answers', () => {
  it('is a refusal after timeoutMs, with a log line, and nothing is sent', async () => {
    const lines: string[] = [];
    let sent = 0;
    const h = proxyFor(
      ctx.emu,
      {
        timeoutMs: 100,
        authorize: () => new Promise<boolean>(() => undefined),
        fetch: (input, init) => {
          sent++;
          return fetch(input, init);
        },
      },
      lines,
    );
    const res = await callProxy(h, 'create', {});
    assert.equal(res.status, 500);
    assert.equal(sent, 0);
    assert.match(lines.join('\n'), /authorize did not answer within 100 ms/);
  });
});

describe("authorize with a cookie session (the README's support desk)", () => {
  // What a site keeps: sessions by cookie, and which customer and agent each support ticket's room belongs to.
  const sessions = new Map([
    ['sid-agent', { user: 'agent-1', agent: true }],
    ['sid-cust', { user: 'cust-7', agent: false }],
    ['sid-other', { user: 'cust-8', agent: false }],
  ]);
  const supportRooms = new Map<string, { customer: string; agent: string }>();
  const sessionOf = (request: Request) =>
    sessions.get(/(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? '');

  const h = () =>
    proxyFor(ctx.emu, {
      allow: ['createlimitedusetoken'],
      authorize: async ({ body, request }) => {
        const me = sessionOf(request);
        if (!me) return { deny: 'Please sign in.' };
        const ticket = supportRooms.get(String(body.room));
        if (!ticket) return { deny: 'There is no support session in that room.' };
        if (me.agent && ticket.agent === me.user) return { body: { ...body, isleader: true } };
        if (ticket.customer === me.user) return true; // a follower's invitation, as the proxy forwards it
        return { deny: 'That support session is not yours.' };
      },
    });

  it("the agent leads, the ticket's customer follows, everyone else is refused", async () => {
    const room = addRoom('616161001');
    supportRooms.set(room.room, { customer: 'cust-7', agent: 'agent-1' });
    const ask = (cookie?: string) =>
      callProxy(
        h(),
        'createlimitedusetoken',
        { room: room.room, usagelimit: 1, isleader: true },
        cookie ? { Cookie: `theme=dark; sid=${cookie}` } : {},
      );

    const agent = await ask('sid-agent');
    assert.equal(agent.status, 200);
    assert.equal(leaderOf(agent.body.token), true);
    const customer = await ask('sid-cust');
    assert.equal(customer.status, 200);
    assert.equal(leaderOf(customer.body.token), false);
    assert.equal((await ask('sid-other')).body.error, 'That support session is not yours.');
    assert.equal((await ask()).status, 403);
    const elsewhere = await callProxy(
      h(),
      'createlimitedusetoken',
      { room: '616161999', usagelimit: 1, isleader: false },
      { Cookie: 'sid=sid-cust' },
    );
    assert.equal(elsewhere.body.error, 'There is no support session in that room.');
  });
});

describe('authorize in token mode', () => {
  it('token mode does not start without authorize', () => {
    assert.throws(
      () => createSameSurfHandler({ apiKey: PROXY_KEY, apiSecret: PROXY_SECRET, tokens: true }),
      /"tokens: true" needs "authorize"/,
    );
  });

  it('is asked about the call the token is for, and its refusal means no token', async () => {
    const seen: AuthorizeContext[] = [];
    const h = proxyFor(ctx.emu, {
      tokens: true,
      authorize: (c) => {
        seen.push(c);
        return c.request.headers.get('Cookie') === 'sid=ok' || { deny: 'Sign in first.' };
      },
    });
    const refused = await callProxy(h, 'token', { call: 'create' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'Sign in first.');
    assert.equal(refused.body.token, undefined);
    const minted = await callProxy(h, 'token', { call: 'createlimitedusetoken' }, { Cookie: 'sid=ok' });
    assert.equal(minted.status, 200);
    assert.match(minted.body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(
      seen.map((c) => [c.call, c.mode]),
      [
        ['create', 'token'],
        ['createlimitedusetoken', 'token'],
      ],
    );
    const throwing = proxyFor(ctx.emu, {
      tokens: true,
      authorize: () => {
        throw new Error('x');
      },
    });
    assert.equal((await callProxy(throwing, 'token', { call: 'create' })).status, 500);
  });
});
