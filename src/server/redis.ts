/**
 * `samesurf-launcher/server/redis`: the rate limit shared by every process and instance through Redis. Each take
 * is one Lua script, so the read, the refill and the write of a bucket are atomic: concurrent takes from any
 * number of processes never hand out more tokens than the bucket holds. The clock is the Redis server's, so
 * processes with skewed clocks agree. A bucket's key expires when it would be full again (a forgotten bucket and
 * a full one are the same).
 */
import { createHash } from 'node:crypto';
import type { BucketLimit, RateLimitStore, TakeResult } from './rate-limit.js';

/**
 * The part of an `ioredis` client (`Redis` or `Cluster`, version 5 or later) this store uses; typed here so that
 * the package's types never require ioredis.
 */
export interface RedisScriptClient {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Put before every client's key (default `samesurf:rl:`); give each handler with its own limit its own. */
  prefix?: string;
}

/** KEYS[1] the bucket; ARGV capacity, refill per second. Returns {1} or {0, milliseconds until a token}. */
const TAKE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
if tokens < 1 then
  return {0, math.ceil((1 - tokens) / rate * 1000)}
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - tokens) / rate * 1000)))
return {1}
`;

const SHA = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/** A `RateLimitStore` on Redis: `rateLimit: { capacity, refillPerSecond, store: createRedisStore(redis) }`. */
export function createRedisStore(client: RedisScriptClient, options: RedisStoreOptions = {}): RateLimitStore {
  if (typeof client?.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new Error('createRedisStore needs an ioredis client (new Redis(…) or new Redis.Cluster(…)).');
  }
  const prefix = options.prefix ?? 'samesurf:rl:';
  return {
    async take(key: string, { capacity, refillPerSecond }: BucketLimit): Promise<TakeResult> {
      const args = [`${prefix}${key}`, capacity, refillPerSecond] as const;
      let reply: unknown;
      try {
        reply = await client.evalsha(SHA, 1, ...args);
      } catch (err) {
        // The script is not cached yet (a new or restarted server, or after SCRIPT FLUSH): EVAL sends it once and
        // caches it.
        if (!/NOSCRIPT/.test(String((err as Error)?.message))) throw err;
        reply = await client.eval(TAKE_SCRIPT, 1, ...args);
      }
      if (!Array.isArray(reply)) throw new Error('The rate-limit script answered unexpectedly.');
      if (reply[0] === 1) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(reply[1]) / 1000)) };
    },
  };
}
