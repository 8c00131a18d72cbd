/**
 * Checks a request against its call's rules in the per-call map (calls.ts). The client runs this before
 * sending anything, the emulator on what it receives and the proxy before forwarding, so all three refuse
 * the same requests with the same words.
 */
import { CALL_SPECS, type CallName, type CallRequest, type CallSpec, type Problem } from './calls.js';
import type { Check } from './checks.js';

export type { Problem } from './calls.js';
export { parseEventTime, isIanaTimeZone, type EventTime } from './checks.js';
/** The calls' rules, by call name. */
export const RULES = CALL_SPECS;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The first rule of `call` that `body` breaks, or undefined when it keeps them all. */
export function findProblem(call: CallName, body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { field: '', message: 'The request body must be a JSON object.' };
  }
  const record = body as Record<string, unknown>;
  const spec = CALL_SPECS[call] as CallSpec<Record<string, unknown>>;
  for (const [field, rule] of Object.entries(spec.fields) as [
    string,
    { check: Check<unknown>; required?: boolean; code?: number },
  ][]) {
    const value = record[field];
    if (value === undefined) {
      if (rule.required) return { field, message: `"${field}" is required.`, errorcode: rule.code };
      continue;
    }
    const bad = rule.check(value);
    if (bad) {
      const path = field + bad[0];
      const got = bad[0] ? '' : ` (got ${describe(value)})`;
      return { field: path, message: `"${path}" ${bad[1]}${got}.`, errorcode: rule.code };
    }
  }
  return spec.across?.(record);
}

/** True when `body` keeps every rule of `call`: from here on it is that call's request type. */
export function isValidRequest<C extends CallName>(call: C, body: unknown): body is CallRequest<C> {
  return findProblem(call, body) === undefined;
}
