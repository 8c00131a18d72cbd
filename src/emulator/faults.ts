/** Faults that tests ask for: the next N requests to a call misbehave in a chosen way. */
import { CALLS, isCallName } from './calls/index.js';

export interface FaultSpec {
  /** An API call such as `create`, or `*` for any call (default). */
  call?: string;
  /** How many requests it applies to (default 1). */
  count?: number;
  /** Wait this long before answering (then answer normally unless another fault field says otherwise). */
  delayMs?: number;
  /** Answer with this HTTP status: with `errorcode` a JSON failure, alone a plain-text body. */
  status?: number;
  /** Answer `{success:false, errorcode}` (HTTP `status`, default 200 as the vendor's docs show). */
  errorcode?: number;
  /** The `error` text for an `errorcode` fault. */
  error?: string;
  /** Answer HTTP 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Answer HTTP 200 with an empty body. */
  empty?: boolean;
  /** Close the connection part-way through the answer. */
  drop?: boolean;
  /** A `Retry-After` header, in seconds. */
  retryAfter?: number;
  /** Answer normally, but with these fields of the answer replaced (e.g. a hostile invitation link). */
  patch?: Record<string, unknown>;
}

export interface Fault extends FaultSpec {
  call: string;
  count: number;
}

type FieldKind = 'call' | 'count' | 'number' | 'timer' | 'boolean' | 'string' | 'object';

/**
 * The most a `timer` field holds: 2^31 − 1, Node's longest setTimeout (a longer `delayMs` would fire
 * at once) and the largest delta-seconds an HTTP recipient must understand (RFC 9111 §1.2.2), so that
 * a huge `retryAfter` is never written as "1e+21".
 */
const MAX_TIMER = 2_147_483_647;

/** Every field a fault may have and what it holds; a FaultSpec field missing here does not compile. */
const FIELDS: { [K in keyof Required<FaultSpec>]: FieldKind } = {
  call: 'call',
  count: 'count',
  delayMs: 'timer',
  status: 'number',
  errorcode: 'number',
  error: 'string',
  malformed: 'boolean',
  empty: 'boolean',
  drop: 'boolean',
  retryAfter: 'timer',
  patch: 'object',
};

/** Not an API call: the room page at an invitation link (`delayMs`, `status`, `drop`); `*` never means it. */
export const ROOM_PAGE = 'realtime';
const KNOWN_CALLS = () => ['*', ROOM_PAGE, ...Object.keys(CALLS)].join(', ');

function fieldProblem(field: string, kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && (value as number) >= 1
        ? undefined
        : `Fault field "count" must be a whole number ≥ 1.`;
    case 'number':
      return Number.isInteger(value) && (value as number) >= 0
        ? undefined
        : `Fault field "${field}" must be a whole number ≥ 0.`;
    case 'timer':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TIMER
        ? undefined
        : `Fault field "${field}" must be a whole number from 0 to ${MAX_TIMER}.`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `Fault field "${field}" must be true or false.`;
    case 'string':
      return typeof value === 'string' ? undefined : `Fault field "${field}" must be a string.`;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? undefined
        : `Fault field "${field}" must be an object.`;
    case 'call':
      if (typeof value !== 'string') return 'Fault field "call" must be a string.';
      return value === '*' || value === ROOM_PAGE || isCallName(value)
        ? undefined
        : `Unknown call ${JSON.stringify(value)} in a fault. Calls: ${KNOWN_CALLS()}.`;
  }
}

/**
 * Checks one fault from a control request; returns an error message or the fault. Strict, because
 * a misspelt field or call would otherwise queue a fault that silently does nothing.
 */
export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'A fault must be a JSON object.';
  const spec = input as Record<string, unknown>;
  for (const [field, value] of Object.entries(spec)) {
    if (!Object.hasOwn(FIELDS, field))
      return `Unknown fault field ${JSON.stringify(field)}. Fields: ${Object.keys(FIELDS).join(', ')}.`;
    if (value === undefined) continue;
    const problem = fieldProblem(field, FIELDS[field as keyof FaultSpec], value);
    if (problem) return problem;
  }
  const fault = spec as FaultSpec;
  if (fault.status !== undefined && (fault.status < 200 || fault.status > 599)) {
    return 'Fault field "status" must be an HTTP status from 200 to 599.';
  }
  // The server answers a patched call with success: true whatever the patch says.
  if (fault.patch !== undefined && Object.hasOwn(fault.patch, 'success')) {
    return (
      'Fault field "patch" may not set "success": a patched answer is a success; ' +
      'for a failure use "errorcode" (and "status").'
    );
  }
  if (fault.error !== undefined && fault.errorcode === undefined)
    return 'Fault field "error" is the text of an "errorcode" fault: give "errorcode" too.';
  const answers =
    fault.status !== undefined || fault.errorcode !== undefined || fault.malformed || fault.empty || fault.drop;
  if (fault.retryAfter !== undefined && !answers) {
    return (
      'Fault field "retryAfter" is a header of the injected answer: ' +
      'give "status", "errorcode", "malformed", "empty" or "drop" too.'
    );
  }
  if (!answers && !fault.delayMs && fault.patch === undefined) {
    return 'This fault does nothing: give "delayMs", "status", "errorcode", "malformed", "empty", "drop" or "patch".';
  }
  return { ...fault, call: fault.call ?? '*', count: fault.count ?? 1 };
}

export class FaultQueue {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    if (fault.count > 0) this.#faults.push(fault);
  }

  /** The first pending fault for `call`, used up by one. */
  take(call: string): Fault | undefined {
    const fault = this.#faults.find((f) => f.call === call || (f.call === '*' && call !== ROOM_PAGE));
    if (!fault) return undefined;
    fault.count--;
    if (fault.count === 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }

  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.#faults = [];
  }
}
