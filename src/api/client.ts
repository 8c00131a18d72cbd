import { SameSurfError, describeErrorCode, type SameSurfErrorInit, type SameSurfErrorKind } from './errors.js';
import { claimsFor, signJwt } from './jwt.js';
import type { CallName, CallRequest, CallResponse } from './calls.js';
import type * as T from './types.js';
import { findProblem } from './validate.js';

export const DEFAULT_BASE_URL = 'https://api.samesurf.com/api/v3';
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Supplies a bearer token for each request, e.g. one minted by the site's own server. `signal` aborts when the
 * call times out or is aborted: pass it on to a fetch so that nothing is left running.
 */
export type TokenSource = (context: { call: CallName; signal: AbortSignal }) => string | Promise<string>;

export interface ClientOptions {
  /** API root, default `https://api.samesurf.com/api/v3`; the emulator's or a proxy's path also work. */
  baseUrl?: string;
  /** Per request, default 15 s. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** With no secret, tokens use the `none` algorithm (the key must allow it). */
  apiKey?: string;
  /** Signs HS256 tokens. Server side only: refused in a browser page. */
  apiSecret?: string;
  /** Called before every request for a bearer token; excludes `apiKey`. */
  getToken?: TokenSource;
  /** Check requests against the reference before sending (default true). */
  validate?: boolean;
  /** Retries of read-only calls after a connection fault, a 429 or a 5xx (default 2). Never for calls that create. */
  maxRetries?: number;
  /** Extra headers for every request (e.g. a CSRF token for a proxy). */
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Calls that change nothing: the only ones retried automatically. */
const READ_ONLY: ReadonlySet<CallName> = new Set([
  'runningrooms',
  'find',
  'analyticsoverview',
  'analyticsrooms',
  'roomanalytics',
]);

const isBrowserPage = () => typeof document !== 'undefined' && typeof window !== 'undefined';

/** A typed client with one method per SameSurf API v3 call. */
export class SameSurfClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #options: ClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: ClientOptions = {}) {
    const fail = (message: string) => new SameSurfError({ kind: 'config', call: 'client', message });
    if (options.apiSecret !== undefined && isBrowserPage()) {
      throw fail(
        'An API secret must never be used in a browser page: anyone could read it. ' +
          'Sign tokens on your server and pass getToken, or send calls through a proxy.',
      );
    }
    if (options.apiSecret !== undefined && !options.apiKey) throw fail('apiSecret needs an apiKey.');
    if (options.getToken && options.apiKey) throw fail('Pass either apiKey or getToken, not both.');
    if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey.trim() === '')) {
      throw fail('apiKey must be a non-empty string.');
    }
    const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'client');
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw fail('No fetch is available: pass one as the fetch option.');
    this.#options = options;
    // Called unbound: a page's fetch throws "Illegal invocation" with a client as `this`.
    this.#fetch = (input, init) => fetchImpl(input, init);
    this.timeoutMs = timeoutMs;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  }

  /** Lists the rooms running now. */
  runningRooms(req: T.RunningRoomsRequest = {}, opts?: CallOptions) {
    return this.#post('runningrooms', req, opts);
  }

  /** Creates a room to use straight away. */
  createRoom(req: T.CreateRoomRequest = {}, opts?: CallOptions) {
    return this.#post('create', req, opts);
  }

  /** Creates a room for a later time (`create` with `eventtime`). */
  scheduleRoom(req: T.ScheduleRoomRequest, opts?: CallOptions) {
    if (this.#options.validate !== false && (req as Partial<T.ScheduleRoomRequest>)?.eventtime === undefined) {
      return Promise.reject(
        new SameSurfError({
          kind: 'validation',
          call: 'create',
          field: 'eventtime',
          errorcode: 108,
          message: 'SameSurf create: "eventtime" is required to schedule a room.',
        }),
      );
    }
    return this.#post('create', req, opts);
  }

  /** Looks up a room's tokens and invitation. */
  findRoom(req: T.FindRoomRequest, opts?: CallOptions) {
    return this.#post('find', req, opts);
  }

  /** Creates an invitation into `room` that works `usagelimit` times. */
  createLimitedUseToken(req: T.CreateLimitedUseTokenRequest, opts?: CallOptions) {
    return this.#post('createlimitedusetoken', req, opts);
  }

  /** Revokes a limited-use invitation. */
  deleteLimitedUseToken(req: T.DeleteLimitedUseTokenRequest, opts?: CallOptions) {
    return this.#post('deletelimitedusetoken', req, opts);
  }

  /** A temporary public link to a screen recording. */
  screenRecordingPublicLink(req: T.RecordingRequest, opts?: CallOptions) {
    return this.#post('screenrecordingpubliclink', req, opts);
  }

  /** A temporary link to a screen recording's thumbnail. */
  screenRecordingThumbnail(req: T.RecordingRequest, opts?: CallOptions) {
    return this.#post('screenrecordingthumbnail', req, opts);
  }

  /** A temporary link to a screen recording's screenshot, optionally resized. */
  screenRecordingImage(req: T.RecordingImageRequest, opts?: CallOptions) {
    return this.#post('screenrecordingimage', req, opts);
  }

  /** Totals and average durations over all rooms. */
  analyticsOverview(opts?: CallOptions) {
    return this.#post('analyticsoverview', undefined, opts);
  }

  /** One line per room, newest first. */
  async analyticsRooms(req: T.AnalyticsRoomsRequest = {}, opts?: CallOptions) {
    const res = await this.#post('analyticsrooms', req, opts);
    // The vendor's example sends the total as a string.
    return { ...res, total_rooms: Number(res.total_rooms) };
  }

  /** One room's events and users. */
  roomAnalytics(req: T.RoomAnalyticsRequest, opts?: CallOptions) {
    return this.#post('roomanalytics', req, opts);
  }

  /** Reseller keys only: creates a subscription. */
  resellerCreateSubscription(req: T.ResellerCreateSubscriptionRequest, opts?: CallOptions) {
    return this.#post('reseller/createsubscription', req, opts);
  }

  /** Reseller keys only: deletes a subscription and its keys. */
  resellerDeleteSubscription(req: T.ResellerDeleteSubscriptionRequest, opts?: CallOptions) {
    return this.#post('reseller/deletesubscription', req, opts);
  }

  /** Reseller keys only: creates an API key and secret for a subscription. */
  resellerCreateApiKey(req: T.ResellerCreateApiKeyRequest, opts?: CallOptions) {
    return this.#post('reseller/createapikey', req, opts);
  }

  /** The bearer token for one request; `signal` ends a `getToken` or a signer load that hangs. */
  async #authorization(call: CallName, signal: AbortSignal): Promise<string | undefined> {
    const { apiKey, apiSecret, getToken } = this.#options;
    let token: unknown;
    if (getToken) {
      try {
        token = await untilAborted(getToken({ call, signal }), signal);
      } catch (cause) {
        if (signal.aborted) throw cause;
        throw new SameSurfError({ kind: 'config', call, cause, message: `SameSurf ${call}: getToken failed.` });
      }
      if (typeof token !== 'string' || token === '') {
        throw new SameSurfError({ kind: 'config', call, message: `SameSurf ${call}: getToken returned no token.` });
      }
    } else if (apiKey) {
      try {
        token = await untilAborted(
          signJwt(apiSecret === undefined ? 'none' : 'HS256', claimsFor(apiKey), apiSecret),
          signal,
        );
      } catch (cause) {
        if (signal.aborted) throw cause;
        // Only the lazy fetch of the signer can fail here: a network fault like any other.
        throw new SameSurfError({
          kind: 'connection',
          call,
          cause,
          message: `SameSurf ${call}: could not load the JWT signer.`,
        });
      }
    }
    return token === undefined ? undefined : `Bearer ${token as string}`;
  }

  /** The one request path: every method is this with its call's types from the per-call map. */
  async #post<C extends CallName>(
    call: C,
    body: CallRequest<C> | undefined,
    opts: CallOptions = {},
  ): Promise<CallResponse<C>> {
    if (this.#options.validate !== false && body !== undefined) {
      const problem = findProblem(call, body);
      if (problem) {
        throw new SameSurfError({
          kind: 'validation',
          call,
          field: problem.field,
          errorcode: problem.errorcode,
          message: `SameSurf ${call}: ${problem.message}`,
        });
      }
    }
    const retries = READ_ONLY.has(call) ? Math.max(0, this.#options.maxRetries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        // The answer is the API's JSON object: trusted to have the call's documented shape, not checked.
        return (await this.#send(call, body, opts)) as unknown as CallResponse<C>;
      } catch (err) {
        const e = err as SameSurfError;
        const transient = e.isNetworkError || e.status === 429 || (e.status !== undefined && e.status >= 500);
        if (attempt >= retries || !transient || opts.signal?.aborted) throw e;
        const waitMs = Math.min(
          e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : 250 * 2 ** attempt,
          5000,
        );
        await sleep(waitMs, opts.signal);
      }
    }
  }

  /**
   * One attempt. The timeout covers all of it (the token, the request, the answer's body); an abort at any
   * point ends it as `aborted`, and one before the request leaves means nothing was sent.
   */
  async #send(call: CallName, body: unknown, opts: CallOptions): Promise<Record<string, unknown>> {
    const error = (kind: SameSurfErrorKind, message: string, extra: Partial<SameSurfErrorInit> = {}) =>
      new SameSurfError({ kind, call, message: `SameSurf ${call}: ${message}`, ...extra });
    if (opts.signal?.aborted) throw error('aborted', 'The call was aborted.', { cause: opts.signal.reason });
    const timeoutMs = opts.timeoutMs === undefined ? this.timeoutMs : checkTimeout(opts.timeoutMs, call);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const stopped = (cause?: unknown) =>
      timedOut
        ? error('timeout', `No answer within ${timeoutMs} ms.`, { cause })
        : error('aborted', 'The call was aborted.', { cause: cause ?? opts.signal?.reason });

    let res: Response;
    let text: string;
    try {
      const headers: Record<string, string> = { Accept: 'application/json', ...this.#options.headers };
      const authorization = await this.#authorization(call, controller.signal).catch((cause: unknown) => {
        throw controller.signal.aborted ? stopped(cause) : cause;
      });
      if (controller.signal.aborted) throw stopped();
      if (authorization) headers.Authorization = authorization;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      try {
        res = await this.#fetch(`${this.baseUrl}/${call}`, {
          method: 'POST',
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          // The site's own proxy (same origin) gets the visitor's cookies, so that its authorize hook can see who is
          // signed in; the API, and any other origin, never do.
          credentials: 'same-origin',
        });
        text = await res.text();
      } catch (cause) {
        if (controller.signal.aborted) throw stopped(cause);
        throw error('connection', 'Could not reach the SameSurf API (offline, refused or dropped connection).', {
          cause,
        });
      }
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }

    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const record =
      typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
    const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
    const status = res.status;

    if (record?.success === false) {
      const code = Number(record.errorcode);
      const errorcode = Number.isFinite(code) ? code : undefined;
      const said = typeof record.error === 'string' && record.error.trim() !== '' ? record.error.trim() : undefined;
      const text = said ?? (errorcode === undefined ? 'The API reported a failure.' : describeErrorCode(errorcode));
      const codeText = errorcode === undefined ? '' : ` (errorcode ${errorcode})`;
      throw error('api', `${text}${codeText}`, { errorcode, status, retryAfterSeconds: retryAfter, said });
    }
    if (!res.ok) {
      throw error('http', httpMessage(status), { status, retryAfterSeconds: retryAfter });
    }
    if (!record) {
      const what = text === '' ? 'an empty body' : 'a body that is not a JSON object';
      throw error('parse', `The API answered HTTP ${status} with ${what}.`, { status });
    }
    return record;
  }
}

/** Timers fire at once past 2^31 - 1 ms (about 24.8 days): longer timeouts, Infinity included, mean that. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function checkTimeout(ms: number, call: string): number {
  if (typeof ms !== 'number' || !(ms > 0)) {
    throw new SameSurfError({
      kind: 'config',
      call,
      message: `SameSurf ${call}: timeoutMs must be a number greater than 0 (got ${String(ms)}).`,
    });
  }
  return Math.min(ms, MAX_TIMEOUT_MS);
}

/** `promise`, or a rejection as soon as `signal` aborts (a token source that never answers must not hold a call). */
function untilAborted<T>(promise: T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function httpMessage(status: number): string {
  if (status === 401 || status === 403) return `The API refused the credentials (HTTP ${status}).`;
  if (status === 404) return 'The API has no such call here (HTTP 404): check baseUrl.';
  if (status === 413) return 'The request is too large (HTTP 413).';
  if (status === 429) return 'Too many requests (HTTP 429): try again shortly.';
  if (status >= 500) return `The SameSurf API failed (HTTP ${status}): try again shortly.`;
  return `The API answered HTTP ${status}.`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Shorthand for `new SameSurfClient(options)`. */
export function createClient(options?: ClientOptions): SameSurfClient {
  return new SameSurfClient(options);
}
