/** Faults that tests ask for: the next N requests to a call misbehave in a chosen way. */

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

const NUMBER_FIELDS = ['count', 'delayMs', 'status', 'errorcode', 'retryAfter'] as const;
const BOOLEAN_FIELDS = ['malformed', 'empty', 'drop'] as const;

/** Checks one fault from a control request; returns an error message or the fault. */
export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'A fault must be a JSON object.';
  const spec = input as Record<string, unknown>;
  for (const f of NUMBER_FIELDS) {
    if (spec[f] !== undefined && !(Number.isInteger(spec[f]) && (spec[f] as number) >= 0)) {
      return `Fault field "${f}" must be a whole number ≥ 0.`;
    }
  }
  for (const f of BOOLEAN_FIELDS) {
    if (spec[f] !== undefined && typeof spec[f] !== 'boolean') return `Fault field "${f}" must be true or false.`;
  }
  if (spec.call !== undefined && typeof spec.call !== 'string') return 'Fault field "call" must be a string.';
  if (spec.error !== undefined && typeof spec.error !== 'string') return 'Fault field "error" must be a string.';
  if (spec.patch !== undefined && (typeof spec.patch !== 'object' || spec.patch === null || Array.isArray(spec.patch))) {
    return 'Fault field "patch" must be an object.';
  }
  if (spec.status !== undefined && ((spec.status as number) < 200 || (spec.status as number) > 599)) {
    return 'Fault field "status" must be an HTTP status from 200 to 599.';
  }
  return { ...(spec as FaultSpec), call: (spec.call as string | undefined) ?? '*', count: (spec.count as number | undefined) ?? 1 };
}

export class FaultQueue {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    if (fault.count > 0) this.#faults.push(fault);
  }

  /** The first pending fault for `call`, used up by one. */
  take(call: string): Fault | undefined {
    const fault = this.#faults.find((f) => f.call === '*' || f.call === call);
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
