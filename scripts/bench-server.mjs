#!/usr/bin/env node
// `node scripts/bench-server.mjs`: microseconds per rate-limit take with 20,000 and 30,000 clients in the table,
// the LRU store against the table scan it replaced (kept below as it was). Figures, not a test.
import { tsImport } from 'tsx/esm/api';

const { MemoryRateLimitStore } = await tsImport('../src/server/rate-limit.ts', import.meta.url);
const limit = { capacity: 10, refillPerSecond: 0.2 };
// 10,000 requests a second: no bucket is full again (5 s) while the table holds 20-30k clients.
let now = 0;
const clock = () => (now += 0.1);

/**
 * The store before: past 10,000 clients a take walked the whole table looking for full buckets (and, since it ran
 * before the take, dropped the newcomer's own bucket: a newcomer past 10,000 was never limited).
 */
class ScanningBuckets {
  #buckets = new Map();
  take(client, { capacity, refillPerSecond }) {
    const now = clock();
    const bucket = this.#buckets.get(client) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    this.#buckets.set(client, bucket);
    if (this.#buckets.size > 10_000) {
      for (const [c, b] of this.#buckets) {
        if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= capacity) this.#buckets.delete(c);
      }
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / refillPerSecond) };
  }
}

const key = (i) => `198.51.${i >> 8}.${i & 255}`;

/** Fills the table with `clients` visitors (the scan only starts past 10,000), then times more takes over them. */
function measure(store, clients, takes) {
  now = 0;
  for (let i = 0; i < clients; i++) store.take(key(i), limit);
  const start = process.hrtime.bigint();
  for (let i = 0; i < takes; i++) store.take(key(i % clients), limit);
  return Number(process.hrtime.bigint() - start) / 1000 / takes;
}

const rows = [];
for (const clients of [20_000, 30_000]) {
  rows.push({
    clients,
    'table scan (before), µs': measure(new ScanningBuckets(), clients, clients).toFixed(2),
    'LRU, 10,000 kept, µs': measure(new MemoryRateLimitStore({ now: clock }), clients, 200_000).toFixed(2),
    'LRU, all kept, µs': measure(
      new MemoryRateLimitStore({ now: clock, maxClients: clients }),
      clients,
      200_000,
    ).toFixed(2),
  });
}
console.table(rows);
