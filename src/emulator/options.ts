/** What `startEmulator` takes, and the checks that refuse a wrong option before anything listens. */
import { checkSeedList, type SeedRoom } from './seed.js';
import type { ApiKey } from './state.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Turns on /__emulator/ control endpoints (faults, end room, reset, clock). */
  testMode?: boolean;
  /**
   * Page origins that may call the control endpoints from a browser, e.g. `http://localhost:8000`
   * (default none). Callers without an `Origin` (Node, curl) may always call them.
   */
  controlOrigins?: string[];
  /** Keys besides the built-in ones. */
  keys?: ApiKey[];
  /** Origins that may call the API from a page: `*` (default, any) or a list of exact origins. */
  allowedOrigins?: '*' | string[];
  /** Origin of invitation links (default: the emulator's own URL); the emulator serves them whatever the Host. */
  realtimeOrigin?: string;
  /** How far a token's `iat` may be from the emulator's clock, and the tolerance on `exp`/`nbf` (default 300 s). */
  iatSkewSeconds?: number;
  /** Largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
  /** Rooms to create at start, e.g. ended rooms with recordings; a wrong entry throws a SeedError naming it. */
  seed?: SeedRoom[];
}

/** `scheme://host[:port]` exactly, http or https: what a browser sends as `Origin`. */
export const isOrigin = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
};

/** Throws an Error naming the option when one is wrong. */
export function checkOptions(options: EmulatorOptions): void {
  const fail = (message: string): never => {
    throw new Error(`startEmulator: ${message}`);
  };
  const skew = options.iatSkewSeconds;
  if (skew !== undefined && (typeof skew !== 'number' || !Number.isFinite(skew) || skew < 0)) {
    fail(`iatSkewSeconds must be a finite number of seconds ≥ 0, not ${String(skew)}.`);
  }
  const control = options.controlOrigins;
  if (control !== undefined) {
    if (!Array.isArray(control)) fail('controlOrigins must be an array of origins such as "http://localhost:8000".');
    const wrong = control.find((o) => !isOrigin(o));
    if (wrong !== undefined) {
      fail(
        `controlOrigins: ${JSON.stringify(wrong)} is not an origin; ` +
          'write scheme://host[:port], e.g. "http://localhost:8000" (no path, no "*").',
      );
    }
  }
  const allowed = options.allowedOrigins;
  if (allowed !== undefined && allowed !== '*') {
    if (!Array.isArray(allowed))
      fail(
        `allowedOrigins must be '*' (any origin) or an array of origins such as "https://shop.example", ` +
          `not ${JSON.stringify(allowed)}.`,
      );
    const wrong = allowed.find((o) => !isOrigin(o));
    if (wrong !== undefined) {
      fail(
        wrong === '*'
          ? `allowedOrigins: '*' means any origin and stands alone, as allowedOrigins: '*', never in a list.`
          : `allowedOrigins: ${JSON.stringify(wrong)} is not an origin; ` +
              'write scheme://host[:port], e.g. "https://shop.example" (no path).',
      );
    }
  }
  if (options.seed !== undefined) {
    if (!Array.isArray(options.seed)) fail('seed must be an array of seed rooms.');
    checkSeedList(options.seed);
  }
}
