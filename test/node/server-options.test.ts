import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, it } from 'node:test';
import { createSameSurfHandler, type SameSurfHandlerOptions } from '../../src/server/index.js';
import { useEmulator } from './helpers.js';
import { PROXY_KEY, PROXY_SECRET, proxyKey } from './proxy-helpers.js';

const ctx = useEmulator({ keys: [proxyKey] });
const base = { apiKey: PROXY_KEY, apiSecret: PROXY_SECRET };

/** Making a handler with `options` throws a TypeError whose message matches `named`. */
function refused(options: unknown, named: RegExp) {
  assert.throws(
    () => createSameSurfHandler(options as SameSurfHandlerOptions),
    (err: Error) =>
      err instanceof TypeError && named.test(err.message) && err.message.startsWith('createSameSurfHandler: '),
    `${JSON.stringify(options, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))} → ${named}`,
  );
}

describe('createSameSurfHandler: options fail at construction, naming the option', () => {
  it('apiKey and apiSecret are non-empty strings', () => {
    refused({ apiSecret: PROXY_SECRET }, /"apiKey" is required/);
    refused({ apiKey: '  ', apiSecret: PROXY_SECRET }, /"apiKey" is required/);
    refused({ apiKey: PROXY_KEY, apiSecret: undefined }, /"apiSecret" is required/);
    refused({ apiKey: PROXY_KEY, apiSecret: 42 }, /"apiSecret" is required/);
    refused(undefined, /options must be an object/);
  });

  it('allow names known calls only', () => {
    refused({ ...base, allow: ['create', 'craete'] }, /"allow" names an unknown call "craete"/);
    refused({ ...base, allow: 'create' }, /"allow" must be a list/);
    refused({ ...base, allow: ['token'] }, /"allow" names an unknown call "token"/);
  });

  it("allowedOrigins are origins, or '*'", () => {
    refused({ ...base, allowedOrigins: ['shop.example'] }, /"allowedOrigins" must be an origin/);
    refused(
      { ...base, allowedOrigins: ['https://shop.example/'] },
      /"allowedOrigins" must be an origin.*"https:\/\/shop\.example\/"/,
    );
    refused({ ...base, allowedOrigins: 'https://shop.example' }, /"allowedOrigins" must be a list/);
    refused({ ...base, allowedOrigins: ['*'] }, /"allowedOrigins"/);
  });

  it('numbers are positive and finite, timeouts within the timer maximum', () => {
    for (const name of ['maxBodyBytes', 'maxResponseBytes']) {
      for (const value of [-1, 0, Number.NaN, 1.5, '1024', Infinity])
        refused({ ...base, [name]: value }, new RegExp(`"${name}" must be a whole number`));
    }
    for (const name of ['timeoutMs', 'bodyTimeoutMs']) {
      for (const value of [-5, 0, Number.NaN, Infinity, 3e9, '100'])
        refused({ ...base, [name]: value }, new RegExp(`"${name}" must be a number of milliseconds`));
    }
  });

  it('the policy: unknown rules and wrong types', () => {
    refused({ ...base, policy: 'strict' }, /"policy": policy must be an object/);
    refused({ ...base, policy: { creat: {} } }, /"policy": policy has an unknown rule "creat"/);
    refused(
      { ...base, policy: { create: { starturlprefix: 'https://shop.example/' } } },
      /policy\.create has an unknown rule "starturlprefix"/,
    );
    refused(
      { ...base, policy: { create: { starturlPrefix: 'shop.example' } } },
      /policy\.create\.starturlPrefix must be an absolute http: or https: URL/,
    );
    refused(
      { ...base, policy: { create: { starturlPrefix: ['https://u@shop.example/'] } } },
      /policy\.create\.starturlPrefix must have no user name/,
    );
    refused(
      { ...base, policy: { create: { starturlPrefix: [] } } },
      /policy\.create\.starturlPrefix must name at least one URL/,
    );
    refused(
      { ...base, policy: { create: { starturl: 'javascript:alert(1)' } } },
      /policy\.create\.starturl must be an absolute http/,
    );
    refused(
      { ...base, policy: { create: { disabledfeatures: ['NOPE'] } } },
      /policy\.create\.disabledfeatures must be one of MODE_DOCUMENT_SHARE/,
    );
    refused(
      { ...base, policy: { create: { stripLeader: 'yes' } } },
      /policy\.create\.stripLeader must be true or false/,
    );
    refused(
      { ...base, policy: { create: { schedule: { allow: 'yes' } } } },
      /policy\.create\.schedule\.allow must be true or false/,
    );
    refused(
      { ...base, policy: { create: { schedule: { allow: true, maxInvitees: -1 } } } },
      /policy\.create\.schedule\.maxInvitees must be a whole number of at least 0/,
    );
    refused(
      { ...base, policy: { create: { schedule: { alow: true } } } },
      /policy\.create\.schedule has an unknown rule "alow"/,
    );
    refused(
      { ...base, policy: { createlimitedusetoken: { maxUsageLimit: 0 } } },
      /policy\.createlimitedusetoken\.maxUsageLimit must be a whole number of at least 1/,
    );
    refused(
      { ...base, policy: { createlimitedusetoken: { allowLeader: 'no' } } },
      /policy\.createlimitedusetoken\.allowLeader must be true or false/,
    );
    refused({ ...base, policy: { find: { stripleader: true } } }, /policy\.find has an unknown rule "stripleader"/);
  });

  it('token mode needs authorize; functions are functions; the rest has its type', () => {
    refused({ ...base, tokens: true }, /"tokens: true" needs "authorize"/);
    refused({ ...base, tokens: 'yes', authorize: () => true }, /"tokens" must be true or false/);
    for (const name of ['authorize', 'log', 'fetch'])
      refused({ ...base, [name]: {} }, new RegExp(`"${name}" must be a function`));
    refused({ ...base, baseUrl: 'ftp://api.example/' }, /"baseUrl" must be an absolute http/);
    refused({ ...base, baseUrl: '/api' }, /"baseUrl"/);
    refused({ ...base, ticketSecret: 'short' }, /"ticketSecret" must be a string of at least 16 characters/);
  });

  it('a complete, correct set of options is accepted', () => {
    const h = createSameSurfHandler({
      ...base,
      allow: ['create', 'createlimitedusetoken', 'find'],
      allowedOrigins: ['https://shop.example', 'http://localhost:3000'],
      policy: {
        create: {
          starturlPrefix: ['https://shop.example/', 'https://help.shop.example/docs'],
          disabledfeatures: ['TOOLS_VIDEO_CHAT'],
          title: 'Help',
          stripLeader: false,
          schedule: { allow: true, maxInvitees: 3 },
        },
        createlimitedusetoken: { maxUsageLimit: 2, allowLeader: true },
        find: { stripLeader: true },
      },
      baseUrl: 'https://api.example/api/v3',
      maxBodyBytes: 8192,
      maxResponseBytes: 65536,
      timeoutMs: 5000,
      bodyTimeoutMs: 2000,
      tokens: true,
      authorize: () => true,
      ticketSecret: 'a-long-enough-ticket-secret',
      log: () => undefined,
      fetch,
    });
    assert.equal(typeof h, 'function');
  });
});

describe('README: the Next.js route handler', () => {
  it('loads without its secrets (as a build step does) and makes the handler on the first request', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((b) => b.includes('export function POST'));
    assert.ok(block, 'README has the Next.js block');
    const made: SameSurfHandlerOptions[] = [];
    const deps = {
      createSameSurfHandler: (options: SameSurfHandlerOptions) => {
        made.push(options);
        return createSameSurfHandler({ ...options, baseUrl: ctx.emu.apiBase, rateLimit: false });
      },
    };
    // The README's TypeScript, as its bundler would see it (types dropped).
    const source = transformSync(block, { loader: 'ts' })
      .code.replace(
        /^import \{ createSameSurfHandler \} from "samesurf-launcher\/server";$/m,
        'const { createSameSurfHandler } = deps;',
      )
      .replace('export function POST', 'function POST');
    const env: Record<string, string> = {};
    const POST = new Function('deps', 'process', `${source}\nreturn POST;`)(deps, { env }) as (
      request: Request,
    ) => Promise<Response>;
    assert.equal(made.length, 0, 'nothing made while the module loads');

    Object.assign(env, { SAMESURF_KEY: PROXY_KEY, SAMESURF_SECRET: PROXY_SECRET });
    const ask = () =>
      POST(
        new Request('https://shop.example/samesurf/create', {
          method: 'POST',
          headers: { Host: 'shop.example', Origin: 'https://shop.example', 'Content-Type': 'application/json' },
          body: '{}',
        }),
      );
    assert.equal((await ask()).status, 200);
    assert.equal((await ask()).status, 200);
    assert.equal(made.length, 1, 'made once, on the first request');
  });
});
