/** Browser-side helpers for the emulator the test runner started. */
import { base } from '/__emulator.js';
import type { FaultSpec } from '../../src/emulator/faults.js';
import type { JsonBody } from './json.js';

export { base };
export const apiBase = `${base}/api/v3`;

export async function control<T = JsonBody>(path: string, body?: unknown, method = 'POST'): Promise<T> {
  const res = await fetch(`${base}/__emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((err: Error) => {
    // A refused origin gets no CORS headers, so the browser shows only "Failed to fetch".
    throw new Error(`control ${path}: ${err.message} (is ${location.origin} in the emulator's controlOrigins?)`);
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`control ${path}: ${json.error}`);
  return json as T;
}

/** Back to the emulator's start state, and no launcher session kept from an earlier test. */
export const reset = () => {
  sessionStorage.clear();
  return control('reset');
};
export const inject = (...faults: FaultSpec[]) => control('faults', faults);
export const endRoom = (room: string, recordings = 1) => control(`rooms/${room}/end`, { recordings });

/** A key in a subscription of its own, so a test sees only its own rooms. */
export const freshKey = (opts: { allowNone?: boolean; reseller?: boolean } = {}) =>
  control<{ apikey: string; apisecret: string }>('keys', opts);

/** How many API requests each call has had since the last reset. */
export const requestCounts = async () =>
  (await control<{ requests: Record<string, number> }>('stats', undefined, 'GET')).requests;
