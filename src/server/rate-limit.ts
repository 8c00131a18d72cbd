/**
 * A token bucket per client: `capacity` requests at once, refilled at `refillPerSecond`. The buckets live in a
 * store: in memory by default (one process), or shared (`samesurf-launcher/server/redis`) so that several
 * processes or serverless instances enforce one limit instead of one each.
 */
import { clientNetwork, parseIp } from './ip-address.js';
import { optionError, shown, unknownKey } from './option-problems.js';

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}

/** Where the buckets live. `take` must be atomic: two concurrent takes never both get the last token. */
export interface RateLimitStore {
  take(key: string, limit: BucketLimit): TakeResult | Promise<TakeResult>;
}

export interface RateLimit extends BucketLimit {
  /** Default: an in-memory store of 10,000 clients (`new MemoryRateLimitStore()`). */
  store?: RateLimitStore;
  /**
   * How long a store's take may take (default 1000 ms; a Redis take is a millisecond), then the handler answers
   * 503.
   */
  timeoutMs?: number;
}

export const DEFAULT_RATE_LIMIT: BucketLimit = { capacity: 10, refillPerSecond: 0.2 };

/** Every key of RateLimit, once: `satisfies` fails to compile when the interface gains or loses one. */
const RATE_LIMIT_KEYS = { capacity: true, refillPerSecond: true, store: true, timeoutMs: true } satisfies Record<
  keyof RateLimit,
  true
>;

/** What is wrong with the `rateLimit` option, naming it; undefined when nothing is. */
export function rateLimitProblem(limit: unknown): string | undefined {
  if (limit === undefined || limit === false) return undefined;
  if (typeof limit !== 'object' || limit === null || Array.isArray(limit)) {
    return `"rateLimit" must be { capacity, refillPerSecond, store? } or false, not ${shown(limit)}`;
  }
  const unknown = unknownKey(limit, RATE_LIMIT_KEYS);
  if (unknown) return `"rateLimit" has an unknown option ${unknown}`;
  const { capacity, refillPerSecond, store, timeoutMs } = limit as Record<string, unknown>;
  if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 1) {
    return `"rateLimit.capacity" must be a number of at least 1, not ${shown(capacity)}`;
  }
  if (typeof refillPerSecond !== 'number' || !Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
    return `"rateLimit.refillPerSecond" must be a number above 0, not ${shown(refillPerSecond)}`;
  }
  if (store !== undefined && typeof (store as RateLimitStore | null)?.take !== 'function')
    return '"rateLimit.store" must have a take(key, limit) method';
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    return `"rateLimit.timeoutMs" must be a number of milliseconds from 1 to ${2 ** 31 - 1}, not ${shown(timeoutMs)}`;
  }
  return undefined;
}

/** Seconds until a bucket holding `tokens` has one again. */
export const retryAfter = (tokens: number, refillPerSecond: number) =>
  Math.max(1, Math.ceil((1 - tokens) / refillPerSecond));

export interface MemoryStoreOptions {
  /** Most clients remembered (default 10,000); past it the least recently seen is forgotten. */
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  key: string;
  tokens: number;
  at: number;
  /** Towards the most recently seen. */
  newer: Bucket | undefined;
  /** Towards the least recently seen. */
  older: Bucket | undefined;
}

/**
 * Buckets in a Map, chained in a list from the most to the least recently seen: a take moves its bucket to the
 * head and, past `maxClients`, the tail is forgotten. Both are a few pointer moves, so each take costs O(1) and
 * memory stays bounded (no walk over the Map, whose deleted slots would also cost a walk). A forgotten client
 * starts again with a full bucket, which is what a bucket left alone long enough holds anyway.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, Bucket>();
  readonly #max: number;
  readonly #now: () => number;
  #newest: Bucket | undefined;
  #oldest: Bucket | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    const max = options.maxClients ?? 10_000;
    if (!Number.isInteger(max) || max < 1)
      throw new TypeError(`MemoryRateLimitStore: maxClients must be a whole number of at least 1, not ${shown(max)}.`);
    this.#max = max;
    this.#now = options.now ?? Date.now;
  }

  /** Clients remembered now (never more than `maxClients`). */
  get size(): number {
    return this.#buckets.size;
  }

  take(key: string, { capacity, refillPerSecond }: BucketLimit): TakeResult {
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      this.#unlink(bucket);
      bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond);
    } else {
      bucket = { key, tokens: capacity, at: now, newer: undefined, older: undefined };
      this.#buckets.set(key, bucket);
      if (this.#buckets.size > this.#max && this.#oldest) {
        this.#buckets.delete(this.#oldest.key);
        this.#unlink(this.#oldest);
      }
    }
    bucket.at = now;
    this.#pushNewest(bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: retryAfter(bucket.tokens, refillPerSecond) };
  }

  #unlink(b: Bucket): void {
    if (b.newer) b.newer.older = b.older;
    else this.#newest = b.older;
    if (b.older) b.older.newer = b.newer;
    else this.#oldest = b.newer;
    b.newer = b.older = undefined;
  }

  #pushNewest(b: Bucket): void {
    b.older = this.#newest;
    if (this.#newest) this.#newest.newer = b;
    this.#newest = b;
    this.#oldest ??= b;
  }
}

/** The key every client without a known address shares (see the warning below). */
export const UNKNOWN_CLIENT = 'unknown-client';

/**
 * The one place a client becomes a bucket key. An IP address keys its network (`ip:192.0.2.7`,
 * `ip:2001:db8:aa:bb::/64`: see clientNetwork), whatever its spelling; any other id a runtime passed (or an
 * RFC 7239 obfuscated node) keys itself, under its own prefix so that it never meets an address's key.
 */
export function rateLimitKey(clientAddress: string | undefined): string {
  if (clientAddress === undefined) return UNKNOWN_CLIENT;
  const ip = parseIp(clientAddress);
  return ip ? `ip:${clientNetwork(ip)}` : `id:${clientAddress}`;
}

/** The handler's side: validates the limit, picks the key, warns once when there is no address to key on. */
/** A store that did not answer within `rateLimit.timeoutMs` (e.g. Redis down, its client queueing commands). */
export class StoreTimeout extends Error {
  override name = 'StoreTimeout';
}

export class RateLimiter {
  readonly #limit: BucketLimit;
  readonly #store: RateLimitStore;
  readonly #timeoutMs: number;
  #warned = false;

  constructor(
    limit: RateLimit,
    private readonly warn: (line: string) => void,
  ) {
    const bad = rateLimitProblem(limit);
    if (bad) throw optionError(bad);
    const { capacity, refillPerSecond } = limit;
    this.#limit = { capacity, refillPerSecond };
    this.#store = limit.store ?? new MemoryRateLimitStore();
    this.#timeoutMs = limit.timeoutMs ?? 1000;
  }

  async take(clientAddress: string | undefined): Promise<TakeResult> {
    if (clientAddress === undefined && !this.#warned) {
      this.#warned = true;
      this.warn(
        'samesurf: no client address is known, so every such caller shares one rate-limit bucket. ' +
          'Behind a proxy set trustProxy; on Cloudflare set clientAddressHeader: "cf-connecting-ip"; ' +
          "or pass { clientAddress } as the handler's second argument.",
      );
    }
    const taken = this.#store.take(rateLimitKey(clientAddress), this.#limit);
    // In memory: an answer at once, no timer.
    if (typeof (taken as Partial<Promise<TakeResult>>).then !== 'function') return taken as TakeResult;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreTimeout(`the store did not answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([taken, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
