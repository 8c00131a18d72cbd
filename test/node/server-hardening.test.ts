/**
 * Defects an outside security test found in samesurf-launcher/server: the rate limit per IPv6 address, misspelt
 * options, call and rule names that are Object.prototype's, and the error type of construction problems.
 * Every call here stops before the API (a body that is not JSON, or a refusing authorize hook): no network.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSameSurfHandler,
  MemoryRateLimitStore,
  type RateLimitStore,
  type SameSurfHandlerOptions,
} from '../../src/server/index.js';
import { canonicalIp, clientNetwork, parseIp } from '../../src/server/ip-address.js';
import { rateLimitKey } from '../../src/server/rate-limit.js';
import { requestIdentity, type IdentityOptions } from '../../src/server/request-identity.js';

const SITE = 'https://shop.example';
const base = { apiKey: 'server-key', apiSecret: 'server-secret' };
const noNetwork: typeof fetch = async () => {
  throw new Error('these tests never reach the API');
};
const handler = (extra: Partial<SameSurfHandlerOptions> = {}) =>
  createSameSurfHandler({
    ...base,
    baseUrl: 'http://127.0.0.1:9/api/v3',
    fetch: noNetwork,
    log: () => undefined,
    ...extra,
  });

/** One create whose body is not JSON: 400 once the limit let it through, 429 when it did not. */
async function take(
  h: ReturnType<typeof handler>,
  clientAddress: string | undefined,
  headers: Record<string, string> = {},
) {
  const res = await h(
    new Request(`${SITE}/samesurf/create`, {
      method: 'POST',
      headers: { Host: 'shop.example', Origin: SITE, ...headers },
      body: '{not json',
    }),
    clientAddress === undefined ? undefined : { clientAddress },
  );
  await res.arrayBuffer();
  return res.status;
}

const identity = (headers: Record<string, string>, options: IdentityOptions) =>
  requestIdentity(new Request(`${SITE}/samesurf/create`, { headers }), '10.0.0.1', options).clientAddress;

describe('A. the IP address parser (no node:net: the handler runs on Workers too)', () => {
  it('writes each address one way (RFC 5952)', () => {
    const cases: [string, string][] = [
      ['2001:DB8:4:0::1', '2001:db8:4::1'],
      ['2001:0db8:0004::0001', '2001:db8:4::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['1::2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
      ['ABCD:EF01:2345:6789:ABCD:EF01:2345:6789', 'abcd:ef01:2345:6789:abcd:ef01:2345:6789'],
      ['::', '::'],
      ['::1', '::1'],
      ['1::', '1::'],
      ['fe80::1%eth0', 'fe80::1'],
      ['fe80::1%25', 'fe80::1'],
      ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
      ['64:ff9b::10.2.2.2', '64:ff9b::a02:202'],
      ['::ffff:10.2.2.2', '10.2.2.2'],
      ['::FFFF:a02:202', '10.2.2.2'],
      ['0:0:0:0:0:ffff:10.2.2.2', '10.2.2.2'],
      ['::10.2.2.2', '10.2.2.2'],
      ['0.0.0.0', '0.0.0.0'],
      ['255.255.255.255', '255.255.255.255'],
    ];
    for (const [input, canonical] of cases) assert.equal(canonicalIp(input), canonical, input);
  });

  it('refuses what is no address', () => {
    const bad = [
      '',
      ':',
      ':::',
      '1:::2',
      '1::2::3',
      ':1::',
      '::1:',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1::2:3:4:5:6:7:8',
      '12345::',
      'g::1',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '0x7f.0.0.1',
      '1.2.3.4::',
      '::1.2.3',
      '1.2.3.4:5::',
      '1:2:3:4:5:6:7:1.2.3.4',
      '1.2.3.4%eth0',
      'unknown',
      '[::1]',
      ' ::1',
      '::1 ',
      '%eth0',
      'x'.repeat(100),
      `${'0:'.repeat(40)}1`,
      '1.2.3.-4',
      '1.2.3.+4',
      '1.2.3.4 ',
    ];
    for (const input of bad) assert.equal(parseIp(input), undefined, JSON.stringify(input));
  });

  it('agrees with the WHATWG URL parser on 2,000 random spellings of IPv6 addresses', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 2000; round++) {
      // Runs of zeros are what the compression is about: give them a fair chance.
      const groups = Array.from({ length: 8 }, () => (random(3) === 0 ? random(0x10000) : 0));
      if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0) groups[0] = 1; // not IPv4-mapped
      const spelt = groups
        .map((g) => g.toString(16).padStart(random(5), '0'))
        .map((g) => (random(2) ? g.toUpperCase() : g));
      // Half of them with the first run of zero groups (not always the longest) written as `::`.
      const zero = groups.indexOf(0);
      let end = zero;
      while (end < 8 && groups[end] === 0) end++;
      const text =
        zero >= 0 && random(2) ? `${spelt.slice(0, zero).join(':')}::${spelt.slice(end).join(':')}` : spelt.join(':');
      const expected = new URL(`http://[${text}]/`).hostname;
      assert.equal(`[${canonicalIp(text)}]`, expected, text);
      // Its own output reads back as the same address.
      assert.equal(canonicalIp(canonicalIp(text)!), canonicalIp(text), text);
    }
  });

  it('keys IPv6 by its /64 and IPv4 by itself; other ids keep their own keys', () => {
    assert.equal(clientNetwork(parseIp('2001:db8:aa:bb:cc:dd:ee:ff')!), '2001:db8:aa:bb::/64');
    assert.equal(clientNetwork(parseIp('2001:db8::1')!), '2001:db8::/64');
    assert.equal(clientNetwork(parseIp('1:0:0:0:5:6:7:8')!), '1::/64');
    assert.equal(clientNetwork(parseIp('::1')!), '::/64');
    assert.equal(clientNetwork(parseIp('192.0.2.7')!), '192.0.2.7');
    assert.equal(rateLimitKey('2001:DB8:0:0:ffff::1%en0'), 'ip:2001:db8::/64');
    assert.equal(rateLimitKey('::ffff:192.0.2.7'), 'ip:192.0.2.7');
    assert.equal(rateLimitKey('_gazonk'), 'id:_gazonk', "an obfuscated node or a runtime's own id");
    assert.equal(rateLimitKey('2001:db8::/64'), 'id:2001:db8::/64', "an id never spells an address's key");
    assert.equal(rateLimitKey(undefined), 'unknown-client');
  });
});

describe('A. the rate limit keys an IPv6 client by its /64', () => {
  it('100 addresses of one /64 share the default limit (10 at once); another /64 is another client', async () => {
    const h = handler();
    const statuses: number[] = [];
    for (let i = 1; i <= 100; i++) statuses.push(await take(h, `2001:db8:aa:bb::${i.toString(16)}`));
    assert.equal(statuses.filter((s) => s === 400).length, 10, 'the default capacity, not one bucket per address');
    assert.equal(statuses.filter((s) => s === 429).length, 90);
    assert.equal(await take(h, '2001:db8:aa:bc::1'), 400, 'the next /64 is another client');
  });

  it('one client whatever the spelling: case, leading zeros, ::, a zone id, brackets and port', async () => {
    const h = handler({ rateLimit: { capacity: 4, refillPerSecond: 0.01 } });
    const spellings = [
      '2001:DB8:4:0::1',
      '2001:0db8:0004::0001',
      '2001:db8:4:0:0:0:0:1%eth0',
      '[2001:db8:4::ffff]:443',
      '2001:db8:4::2',
    ];
    assert.deepEqual(await Promise.all(spellings.map((a) => take(h, a))), [400, 400, 400, 400, 429]);
  });

  it('IPv4-mapped and IPv4-compatible forms are the IPv4 address, and IPv4 stays per address', async () => {
    const h = handler({ rateLimit: { capacity: 3, refillPerSecond: 0.01 } });
    const spellings = ['::ffff:10.2.2.2', '::FFFF:0a02:0202', '::10.2.2.2', '10.2.2.2'];
    assert.deepEqual(await Promise.all(spellings.map((a) => take(h, a))), [400, 400, 400, 429]);
    assert.equal(await take(h, '10.2.2.3'), 400, 'the neighbouring IPv4 address is another client');
  });

  it('the store sees the /64 key; authorize and the log see the real address, in one spelling', async () => {
    const keys: string[] = [];
    const store: RateLimitStore = { take: (key) => (keys.push(key), { ok: true }) };
    const seen: (string | undefined)[] = [];
    const h = handler({
      rateLimit: { capacity: 5, refillPerSecond: 1, store },
      authorize: (ctx) => (seen.push(ctx.clientAddress), false),
    });
    const create = async (clientAddress: string) => {
      const res = await h(
        new Request(`${SITE}/samesurf/create`, {
          method: 'POST',
          headers: { Host: 'shop.example', Origin: SITE },
          body: '{}',
        }),
        { clientAddress },
      );
      await res.arrayBuffer();
      return res.status;
    };
    assert.equal(await create('2001:0DB8:00aa:00bb:0:0:0:0001%eth0'), 403);
    assert.equal(await create('::ffff:198.51.100.9'), 403);
    assert.deepEqual(keys, ['ip:2001:db8:aa:bb::/64', 'ip:198.51.100.9']);
    assert.deepEqual(seen, ['2001:db8:aa:bb::1', '198.51.100.9']);
  });
});

describe('A. a forwarded entry that is no address does not decide who the client is', () => {
  it('X-Forwarded-For "unknown" or any other token at the trusted position: the nearest address right of it', () => {
    assert.equal(identity({ 'X-Forwarded-For': 'unknown' }, { trustProxy: 1 }), '10.0.0.1', 'the socket');
    assert.equal(
      identity({ 'X-Forwarded-For': '198.51.100.7, unknown' }, { trustProxy: 1 }),
      '10.0.0.1',
      'never the client-written entry left of it',
    );
    assert.equal(
      identity({ 'X-Forwarded-For': 'unknown, 192.0.2.5' }, { trustProxy: 2 }),
      '192.0.2.5',
      'the next proxy of ours',
    );
    assert.equal(identity({ 'X-Forwarded-For': 'shop-lb.internal' }, { trustProxy: 1 }), '10.0.0.1');
    assert.equal(
      identity({ 'X-Forwarded-For': '_hidden' }, { trustProxy: 1 }),
      '10.0.0.1',
      'obfuscated names are Forwarded syntax only',
    );
    assert.equal(identity({ 'X-Forwarded-For': 'unknown' }, { trustProxy: true }), '10.0.0.1');
    const noSocket = requestIdentity(
      new Request(`${SITE}/x`, { headers: { 'X-Forwarded-For': 'unknown' } }),
      undefined,
      { trustProxy: 1 },
    );
    assert.equal(noSocket.clientAddress, undefined, 'nothing known at all');
    assert.equal(identity({ Forwarded: 'for=unknown' }, { trustProxy: 1 }), '10.0.0.1');
    assert.equal(
      identity({ Forwarded: 'for="_gazonk:_p1"' }, { trustProxy: 1 }),
      '_gazonk',
      'an RFC 7239 obfuscated node still keys the limit',
    );
    assert.equal(identity({ 'CF-Connecting-IP': 'unknown' }, { clientAddressHeader: 'cf-connecting-ip' }), '10.0.0.1');
    assert.equal(identity({ 'X-Forwarded-For': '2001:DB8::0:7' }, { trustProxy: 1 }), '2001:db8::7');
  });

  it('a caller cannot rotate tokens in X-Forwarded-For into fresh buckets, nor into the shared one', async () => {
    const h = handler({ trustProxy: 1, rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
    const rotated = [];
    for (const token of ['x1', 'x2', 'x3']) rotated.push(await take(h, '203.0.113.40', { 'X-Forwarded-For': token }));
    assert.deepEqual(rotated, [400, 400, 429], "one bucket: the socket's");
    for (let i = 0; i < 2; i++) assert.equal(await take(h, '203.0.113.41', { 'X-Forwarded-For': 'unknown' }), 400);
    assert.equal(await take(h, undefined), 400, 'the bucket of callers without an address is still full');
  });
});

/** Making a handler with `options` throws a TypeError with the handler's prefix whose message matches `named`. */
function refused(options: unknown, named: RegExp) {
  assert.throws(
    () => createSameSurfHandler(options as SameSurfHandlerOptions),
    (err: Error) =>
      err instanceof TypeError && err.message.startsWith('createSameSurfHandler: ') && named.test(err.message),
    `${JSON.stringify(options)} → ${named}`,
  );
}

describe('B. a misspelt option is refused, naming it and the one meant', () => {
  it('at the top level', () => {
    refused({ ...base, authorise: () => false }, /unknown option "authorise" \(did you mean "authorize"\?\)/);
    refused({ ...base, trustproxy: 1 }, /unknown option "trustproxy" \(did you mean "trustProxy"\?\)/);
    refused(
      { ...base, allowedOrigin: ['https://shop.example'] },
      /unknown option "allowedOrigin" \(did you mean "allowedOrigins"\?\)/,
    );
    refused({ ...base, maxBodySize: 1 }, /unknown option "maxBodySize" \(did you mean "maxBodyBytes"\?\)/);
    refused({ ...base, secret: 'x' }, /unknown option "secret" \(did you mean "apiSecret"\?\)/);
    // Refused even where a later check would have said something misleading ("tokens: true needs authorize").
    refused({ ...base, tokens: true, authorise: () => true }, /unknown option "authorise"/);
  });

  it('with nothing close, the known options are listed', () => {
    refused({ ...base, zzz: 1 }, /unknown option "zzz" \(known: apiKey, apiSecret, .*fetch\)/);
  });

  it('inside rateLimit', () => {
    const store = new MemoryRateLimitStore();
    refused(
      { ...base, rateLimit: { capacity: 5, refillPerSecond: 1, stroe: store } },
      /"rateLimit" has an unknown option "stroe" \(did you mean "store"\?\)/,
    );
    refused(
      { ...base, rateLimit: { capacity: 5, refill: 1 } },
      /"rateLimit" has an unknown option "refill" \(did you mean "refillPerSecond"\?\)/,
    );
  });

  it('every documented option is still accepted', () => {
    const h = createSameSurfHandler({
      ...base,
      allow: ['create'],
      policy: {},
      allowedOrigins: '*',
      rateLimit: { capacity: 1, refillPerSecond: 1, store: new MemoryRateLimitStore() },
      trustProxy: 1,
      clientAddressHeader: 'cf-connecting-ip',
      baseUrl: 'https://api.example',
      maxBodyBytes: 1,
      bodyTimeoutMs: 1,
      maxResponseBytes: 1,
      tokens: false,
      authorize: () => true,
      ticketSecret: 'sixteen-chars-xx',
      timeoutMs: 1,
      log: () => undefined,
      fetch: noNetwork,
    });
    assert.equal(typeof h, 'function');
  });
});

describe('C. names of Object.prototype are no call and no rule', () => {
  it('allow refuses toString, __proto__, constructor and hasOwnProperty', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      refused({ ...base, allow: ['create', name] }, new RegExp(`"allow" names an unknown call "${name}"`));
    }
  });

  it('policy refuses them as unknown rules, at every level', () => {
    refused({ ...base, policy: JSON.parse('{"__proto__":{}}') }, /"policy": policy has an unknown rule "__proto__"/);
    refused({ ...base, policy: { constructor: 1 } }, /"policy": policy has an unknown rule "constructor"/);
    refused(
      { ...base, policy: { create: { isPrototypeOf: 'x' } } },
      /policy\.create has an unknown rule "isPrototypeOf"/,
    );
    refused(
      { ...base, policy: { create: { schedule: { allow: true, toString: 1 } } } },
      /policy\.create\.schedule has an unknown rule "toString"/,
    );
    refused(
      { ...base, policy: { find: JSON.parse('{"__proto__":{"stripLeader":false}}') } },
      /policy\.find has an unknown rule "__proto__"/,
    );
  });
});

describe("D. every construction problem is a TypeError with the handler's prefix, naming the option", () => {
  it('trustProxy and clientAddressHeader', () => {
    for (const trustProxy of [-1, 1.5, 'yes', Number.NaN])
      refused({ ...base, trustProxy }, /"trustProxy" must be false, true or a number of proxies/);
    refused({ ...base, trustProxy: Number.NaN }, /not NaN/);
    refused({ ...base, clientAddressHeader: 'cf connecting ip' }, /"clientAddressHeader" must be a header name/);
  });

  it('rateLimit', () => {
    refused(
      { ...base, rateLimit: { capacity: 0, refillPerSecond: 1 } },
      /"rateLimit\.capacity" must be a number of at least 1/,
    );
    refused(
      { ...base, rateLimit: { capacity: 5, refillPerSecond: 0 } },
      /"rateLimit\.refillPerSecond" must be a number above 0/,
    );
    refused(
      { ...base, rateLimit: { capacity: 5, refillPerSecond: 1, store: {} } },
      /"rateLimit\.store" must have a take\(key, limit\) method/,
    );
    refused({ ...base, rateLimit: true }, /"rateLimit" must be \{ capacity, refillPerSecond, store\? \} or false/);
    refused({ ...base, rateLimit: null }, /"rateLimit" must be/);
  });

  it('MemoryRateLimitStore refuses its own options with a TypeError', () => {
    assert.throws(
      () => new MemoryRateLimitStore({ maxClients: 0 }),
      (err: Error) => err instanceof TypeError && /^MemoryRateLimitStore: maxClients/.test(err.message),
    );
  });
});
