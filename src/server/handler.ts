/**
 * The site's side of "keep the key off the page": a handler for the standard Request/Response that
 * forwards the launcher's calls to the API with an HS256 token (proxy mode), or mints a token for
 * one call (token mode). Runs on Node 20 and on any runtime with fetch, Request and Response.
 */
import { DEFAULT_BASE_URL } from '../api/client.js';
import { claimsFor, signJwt } from '../api/jwt.js';
import { isCallName, type CallName } from '../api/calls.js';
import { findProblem } from '../api/validate.js';
import { runAuthorize, type Authorize } from './authorize.js';
import { readRequestBody } from './body.js';
import { checkOptions } from './options.js';
import { applyRequestPolicy, applyResponsePolicy, enforceAlways, type Policy } from './policy.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit.js';
import { requestIdentity, type TrustProxy } from './request-identity.js';
import { applyLeaderRule, RoomTickets } from './ticket.js';
import { AnswerTooLarge, readAnswer } from './upstream.js';

export interface SameSurfHandlerOptions {
  apiKey: string;
  /** Signs the HS256 tokens; never sent anywhere, never logged. */
  apiSecret: string;
  /** Calls the browser may make (default `create` and `createlimitedusetoken`). */
  allow?: CallName[];
  /** Per-call rules the site sets (see policy.ts). */
  policy?: Policy;
  /**
   * Origins whose pages may call; default: only the handler's own origin (the Host header's, or the forwarded
   * one with `trustProxy`). `*` allows any, and callers without an Origin.
   */
  allowedOrigins?: string[] | '*';
  /** Per client (default 10 at once, one more every 5 s; `store` to share it between processes); `false`: off. */
  rateLimit?: RateLimit | false;
  /**
   * How many reverse proxies of yours stand in front (`X-Forwarded-*`/`Forwarded` are read only then); default
   * false.
   */
  trustProxy?: TrustProxy;
  /** A header your platform sets to the client's address, e.g. `cf-connecting-ip` on Cloudflare. */
  clientAddressHeader?: string;
  /** The API (default the real one; the emulator's `apiBase` in tests and the demo). */
  baseUrl?: string;
  /** Largest request body accepted (default 16 KiB). */
  maxBodyBytes?: number;
  /** Milliseconds for the whole request body to arrive (default 10000), then `408`. */
  bodyTimeoutMs?: number;
  /** Largest API answer read (default 256 KiB); a larger one is cut off and answered `502`. */
  maxResponseBytes?: number;
  /**
   * Token mode: `POST …/token {call}` answers `{ token }`. Off by default, and only with `authorize` (see
   * README).
   */
  tokens?: boolean;
  /** The site's check of every call, after the allowlist and the policy (see authorize.ts). */
  authorize?: Authorize;
  /** Keys the room tickets (default: derived from `apiSecret`); set the same on every instance. */
  ticketSecret?: string;
  /** Milliseconds to wait for the API, its whole answer included (default 15000). */
  timeoutMs?: number;
  /** Where the handler's own log lines go (never with the secret or a link); default none. */
  log?: (line: string) => void;
  /** The fetch used for the API (default the global one). */
  fetch?: typeof fetch;
}

/** What the runtime knows of the caller; the Node adapter passes the socket's address. */
export interface ClientInfo {
  clientAddress?: string;
}

export type SameSurfHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

const DEFAULT_ALLOW: CallName[] = ['create', 'createlimitedusetoken'];

/**
 * Every call the agent's elements make (`<samesurf-rooms>` and the rest of the kit): the `allow` of an agent portal's
 * proxy, which must also have an `authorize` hook tied to the agents' login, and `policy.find.stripLeader: false`
 * so that an agent joins running rooms as their leader.
 */
export const AGENT_CALLS: readonly CallName[] = Object.freeze([
  'runningrooms',
  'find',
  'create',
  'createlimitedusetoken',
  'analyticsoverview',
  'analyticsrooms',
  'roomanalytics',
  'screenrecordingpubliclink',
  'screenrecordingthumbnail',
  'screenrecordingimage',
]);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** A refusal in the API's own shape, so that the launcher's client reads it like any API error. */
const refuse = (status: number, error: string, headers?: Record<string, string>) =>
  json(status, { success: false, error, errorcode: 100 }, headers);

export function createSameSurfHandler(options: SameSurfHandlerOptions): SameSurfHandler {
  checkOptions(options);
  if (typeof document !== 'undefined') throw new Error('createSameSurfHandler runs on a server, never in a page.');
  const allow = new Set(options.allow ?? DEFAULT_ALLOW);
  const policy = options.policy ?? {};
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? 16 * 1024;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const maxAnswer = options.maxResponseBytes ?? 256 * 1024;
  const tickets = new RoomTickets(options.ticketSecret ?? options.apiSecret);
  const limiter =
    options.rateLimit === false
      ? undefined
      : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.log ?? console.warn);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const log = options.log ?? (() => undefined);
  const bearer = async () => `Bearer ${await signJwt('HS256', claimsFor(options.apiKey), options.apiSecret)}`;

  /** The Origin to echo, or false. Browsers send Origin on every POST and preflight, so a missing one is refused. */
  function originAllowed(request: Request, own: string | undefined): string | undefined | false {
    const origin = request.headers.get('Origin');
    if (options.allowedOrigins === '*') return origin ?? undefined;
    if (!origin) return false;
    return (options.allowedOrigins ?? (own ? [own] : [])).includes(origin) ? origin : false;
  }

  return async (request, client = {}) => {
    const identity = requestIdentity(request, client.clientAddress, options);
    const origin = originAllowed(request, identity.origin);
    if (origin === false) return refuse(403, 'This origin may not use the co-browsing endpoint.');
    const cors: Record<string, string> = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type, Accept',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    if (request.method !== 'POST') return refuse(405, 'Only POST is accepted.', { ...cors, Allow: 'POST, OPTIONS' });

    const name = new URL(request.url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    const tokenMode = name === 'token' && options.tokens === true;
    if (!tokenMode && !allow.has(name as CallName)) {
      return refuse(403, `The call "${name.slice(0, 40)}" is not allowed here.`, cors);
    }
    if (limiter) {
      let taken;
      try {
        taken = await limiter.take(identity.clientAddress);
      } catch (err) {
        // A shared store that is down: refuse rather than spend the site's API quota without a limit, and say so
        // even without a `log` option: an outage must not pass unseen.
        (options.log ?? console.warn)(
          `samesurf: the rate-limit store failed (${(err as Error)?.message ?? 'error'}); answering 503`,
        );
        return refuse(503, 'The co-browsing endpoint is busy: try again shortly.', { ...cors, 'Retry-After': '5' });
      }
      if (!taken.ok) {
        log(`samesurf: rate limit for ${identity.clientAddress ?? 'a caller without an address'}`);
        return refuse(429, 'Too many requests: try again shortly.', {
          ...cors,
          'Retry-After': String(taken.retryAfterSeconds),
        });
      }
    }
    const read = await readRequestBody(request, maxBody, bodyTimeoutMs);
    if (!read.ok) {
      // The rest of the body is left unread: close the connection once the refusal is sent.
      const closing = { ...cors, Connection: 'close' };
      if (read.reason === 'timeout')
        return refuse(408, `The request body did not arrive within ${bodyTimeoutMs} ms.`, closing);
      return refuse(413, `The request is larger than ${maxBody} bytes.`, closing);
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = read.text.trim() === '' ? {} : JSON.parse(read.text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return refuse(400, 'The request body must be a JSON object.', cors);
    }

    if (tokenMode) {
      // The launcher's token-url sends the call it is about to make; a token works for any call, so only hand
      // one out for a call the site allows.
      const call = body.call;
      if (typeof call !== 'string' || !allow.has(call as CallName))
        return refuse(403, 'No token for that call here.', cors);
      // checkOptions makes sure token mode has a hook.
      const verdict = await runAuthorize(
        options.authorize!,
        { call: call as CallName, body, mode: 'token', request, clientAddress: identity.clientAddress },
        log,
        timeoutMs,
      );
      if (!verdict.allow) return refuse(verdict.status, verdict.reason, cors);
      return json(200, { token: await signJwt('HS256', claimsFor(options.apiKey), options.apiSecret) }, cors);
    }

    if (!isCallName(name)) return refuse(403, `The call "${name.slice(0, 40)}" is not allowed here.`, cors);
    const call = name;
    const ruled = applyRequestPolicy(call, body, policy);
    if ('refused' in ruled) return refuse(403, ruled.refused, cors);
    let outgoing = call === 'createlimitedusetoken' ? await applyLeaderRule(ruled.body, tickets) : ruled.body;
    if (options.authorize) {
      const verdict = await runAuthorize(
        options.authorize,
        { call, body: outgoing, mode: 'proxy', request, clientAddress: identity.clientAddress },
        log,
        timeoutMs,
      );
      if (!verdict.allow) return refuse(verdict.status, verdict.reason, cors);
      // The site's own body is trusted as it is (it may grant a leader invitation), then checked like any other.
      if (verdict.body) outgoing = verdict.body;
    }
    outgoing = enforceAlways(call, outgoing, policy);
    const problem = findProblem(call, outgoing);
    if (problem)
      return json(400, { success: false, error: problem.message, errorcode: problem.errorcode ?? 100 }, cors);

    let upstream: Response;
    let answer: string;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      upstream = await doFetch(`${baseUrl}/${call}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: await bearer() },
        body: JSON.stringify(outgoing),
        signal,
        // The API never redirects: a redirect means a wrong or hijacked baseUrl, and following it would re-send the
        // body.
        redirect: 'error',
      });
      answer = await readAnswer(upstream, maxAnswer, signal);
    } catch (err) {
      if (err instanceof AnswerTooLarge) {
        log(`samesurf: ${call}: the API's answer is larger than ${maxAnswer} bytes; cut off`);
        return refuse(502, 'The co-browsing service answered unexpectedly.', cors);
      }
      log(`samesurf: ${call}: the API could not be reached (${(err as Error)?.name ?? 'error'})`);
      return refuse(502, 'The co-browsing service could not be reached.', cors);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      log(`samesurf: ${call}: the API answered HTTP ${upstream.status} without JSON`);
      return refuse(502, 'The co-browsing service answered unexpectedly.', cors);
    }
    const record = parsed as Record<string, unknown>;
    const out = record.success === false ? record : applyResponsePolicy(call, record, policy);
    // Proof for a later leader invitation into this room: only where the leader link itself reaches the browser.
    if (
      call === 'create' &&
      out.success === true &&
      typeof out.room === 'string' &&
      typeof out.privateinvitation === 'string'
    ) {
      out.ticket = await tickets.issue(out.room);
    }
    return json(upstream.status, out, cors);
  };
}
