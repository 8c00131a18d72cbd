/** The launcher's pure logic without a browser: reading the attributes, and what each failure says. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SameSurfError, type SameSurfErrorInit } from '../../src/api/errors.js';
import { configFor, isAllowedLink, readConfig, type LauncherAttributes } from '../../src/launcher/config.js';
import { describeFailure, LinkRefusedError } from '../../src/launcher/messages.js';
import { BUILT_IN_STRINGS } from '../../src/launcher/strings.js';

const PAGE = 'https://shop.example/help/page.html';
const base = {
  apiKey: 'demo-key',
  startUrl: 'https://shop.example/',
  attributeNames: ['api-key', 'start-url'],
} satisfies LauncherAttributes;
const read = (extra: Partial<LauncherAttributes>) => readConfig({ ...base, ...extra }, PAGE);
const problemOf = (extra: Partial<LauncherAttributes>) => {
  const result = read(extra);
  return result.ok ? undefined : result.problem;
};

describe('readConfig', () => {
  it('makes a room configuration from good attributes, resolving relative URLs against the page', () => {
    const result = readConfig(
      {
        apiBase: '/samesurf',
        startUrl: 'https://shop.example/cart',
        roomTitle: ' Cart ',
        attributeNames: ['api-base'],
      },
      PAGE,
    );
    assert.ok(result.ok);
    assert.equal(result.config.mode, 'room');
    assert.equal(result.config.client.baseUrl, 'https://shop.example/samesurf');
    assert.deepEqual(result.config.create, { starturl: 'https://shop.example/cart', title: 'Cart' });
    assert.deepEqual(result.config.allowedOrigins, ['https://realtime.samesurf.com']);
  });

  const cases: [string, Partial<LauncherAttributes>, string][] = [
    ['no way to authenticate', { apiKey: undefined }, 'api-key'],
    ['invite mode without a room', { mode: 'invite' }, 'room'],
    ['an unknown mode', { mode: 'party' as 'room' }, 'mode'],
    ['an invalid start-url', { startUrl: 'not a url' }, 'start-url'],
    ['a javascript: start-url', { startUrl: 'javascript:alert(1)' }, 'start-url'],
    ['a zero usage-limit', { usageLimit: '0' }, 'usage-limit'],
    ['bad bookmarks JSON', { bookmarks: '[{name: "x"}]' }, 'bookmarks'],
    ['a javascript: bookmark', { bookmarks: '[{"name":"x","link":"javascript:alert(1)"}]' }, 'bookmarks'],
    ['an unknown feature', { disabledFeatures: 'TOOLS_TELEPORT' }, 'disabled-features'],
    ['an invalid realtime-origin', { realtimeOrigin: 'realtime.samesurf.com' }, 'realtime-origin'],
    ['both api-key and token-url', { tokenUrl: '/token' }, 'token-url'],
    ['an invalid open', { open: 'window' as 'tab' }, 'open'],
    ['a timeout that is not positive', { timeout: 0 }, 'timeout'],
  ];
  for (const [what, extra, attribute] of cases) {
    it(`names ${attribute} for ${what}`, () => assert.equal(problemOf(extra)?.attribute, attribute));
  }

  it('treats a secret anywhere as a secret problem', () => {
    assert.equal(problemOf({ attributeNames: ['api-key', 'api-secret'] })?.secret, true);
    assert.equal(problemOf({ apiKey: 'key:secret' })?.secret, true);
    assert.equal(problemOf({ secretProperty: true })?.secret, true);
  });

  it('keys saved sessions by what makes a session, not by realtime-origin', () => {
    const a = read({});
    const b = read({ realtimeOrigin: 'https://realtime.samesurf.com http://127.0.0.1:8787' });
    const c = read({ startUrl: 'https://shop.example/other' });
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(a.config.key, b.config.key);
    assert.notEqual(a.config.key, c.config.key);
  });
});

describe('configFor', () => {
  const page = 'https://shop.example/products/';
  it('reads each distinct configuration once: alike launchers share the result', () => {
    const a = { ...base, startUrl: 'https://example.com/one' };
    const first = configFor(a, page);
    assert.equal(configFor({ ...a }, page), first, 'the same attributes: the same result');
    assert.notEqual(configFor({ ...a, startUrl: 'https://example.com/two' }, page), first);
    assert.notEqual(configFor(a, 'https://other.example/'), first, 'relative URLs depend on the page');
    assert.deepEqual(first, readConfig(a, page));
  });

  it('keeps the last 16 only, so that a page of distinct launchers holds no more', () => {
    const first = configFor({ ...base, startUrl: 'https://example.com/0' }, page);
    for (let i = 1; i <= 16; i++) configFor({ ...base, startUrl: `https://example.com/${i}` }, page);
    assert.notEqual(configFor({ ...base, startUrl: 'https://example.com/0' }, page), first, 'read again');
  });
});

describe('isAllowedLink', () => {
  it('allows only http(s) links on the listed origins', () => {
    const origins = ['https://realtime.samesurf.com'];
    assert.equal(isAllowedLink('https://realtime.samesurf.com/1/x', origins), true);
    for (const link of [
      'javascript:alert(1)',
      'https://evil.test/1/x',
      'https://realtime.samesurf.com.evil.test/',
      42,
      undefined,
    ]) {
      assert.equal(isAllowedLink(link, origins), false, String(link));
    }
  });
});

describe('describeFailure', () => {
  const s = BUILT_IN_STRINGS.en;
  const err = (init: Partial<SameSurfErrorInit>) =>
    new SameSurfError({ kind: 'api', call: 'create', message: 'x', ...init });
  const cases: [string, unknown, string, RegExp][] = [
    ['bad credentials (101)', err({ errorcode: 101 }), 'api', /did not accept/],
    ['a room that is gone (102)', err({ errorcode: 102 }), 'api', /no longer available/],
    ['another API error', err({ errorcode: 125 }), 'api', /error 125/],
    ["the site's proxy refusing (its authorize hook)", err({ errorcode: 100, status: 403 }), 'api', /did not accept/],
    [
      "the site's proxy refusing with its reason",
      err({ errorcode: 100, status: 403, said: 'Agents only: sign in first.' }),
      'api',
      /^Agents only: sign in first\.$/,
    ],
    ["the site's proxy limiting the rate", err({ errorcode: 100, status: 429 }), 'api', /Too many requests/],
    ["the site's proxy failing to reach the API", err({ errorcode: 100, status: 502 }), 'api', /having trouble/],
    ['HTTP 403', err({ kind: 'http', status: 403 }), 'http', /did not accept/],
    ['HTTP 429', err({ kind: 'http', status: 429 }), 'http', /Too many requests/],
    ['HTTP 503', err({ kind: 'http', status: 503 }), 'http', /having trouble/],
    ['HTTP 404', err({ kind: 'http', status: 404 }), 'http', /HTTP 404/],
    ['an unreadable answer', err({ kind: 'parse' }), 'parse', /could not be read/],
    ['a timeout', err({ kind: 'timeout' }), 'timeout', /too long/],
    ['no connection', err({ kind: 'connection' }), 'connection', /Could not reach/],
    ['a failing token endpoint', err({ kind: 'config' }), 'token', /permission/],
    ['a refused link', new LinkRefusedError('https://evil.test/'), 'link', /unexpected address/],
    ['anything else', new TypeError('boom'), 'unknown', /Could not reach/],
  ];
  for (const [what, error, code, message] of cases) {
    it(`says what ${what} means`, () => {
      const detail = describeFailure(error, s);
      assert.equal(detail.code, code);
      assert.match(detail.message, message);
      assert.equal(detail.cause, error);
    });
  }
});
