/**
 * The handler's options, checked when it is made: a wrong or missing option fails at start with a message naming
 * it, instead of serving with a silently different meaning; so does a name that is no option (a misspelt
 * `authorize` would drop the site's login gate). Every option is checked here, rateLimit and the identity options
 * by their own modules' rules. (A build step that loads the module without its secrets should create the handler
 * on the first request: see the README's Next.js example.)
 */
import { CALL_NAMES, isCallName } from '../api/calls.js';
import type { SameSurfHandlerOptions } from './handler.js';
import { optionError, unknownKey } from './option-problems.js';
import { policyProblem } from './policy.js';
import { rateLimitProblem } from './rate-limit.js';
import { identityProblem } from './request-identity.js';

/** The options as given: anything may be in them. */
type CheckedOptions = { [K in keyof SameSurfHandlerOptions]?: unknown };

/**
 * Every option, once: `satisfies` fails to compile when SameSurfHandlerOptions gains or loses one, so a new option
 * cannot be refused as unknown, nor a removed one still be accepted.
 */
const KNOWN_OPTIONS = {
  apiKey: true,
  apiSecret: true,
  allow: true,
  policy: true,
  allowedOrigins: true,
  rateLimit: true,
  trustProxy: true,
  clientAddressHeader: true,
  baseUrl: true,
  maxBodyBytes: true,
  bodyTimeoutMs: true,
  maxResponseBytes: true,
  tokens: true,
  authorize: true,
  ticketSecret: true,
  timeoutMs: true,
  log: true,
  fetch: true,
} satisfies Record<keyof SameSurfHandlerOptions, true>;

/** The longest delay a timer takes; anything above fires at once. */
const TIMER_MAX = 2 ** 31 - 1;

function originProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value) return undefined;
  } catch {
    /* falls through */
  }
  return `must be an origin such as https://shop.example (scheme, host and port only; got ${JSON.stringify(value)})`;
}

/** The first problem, as `"name" …`, or undefined. */
function problem(o: CheckedOptions): string | undefined {
  if (typeof o !== 'object' || o === null) return 'the options must be an object';
  // First: a misspelt `authorize` would otherwise be a handler without the site's login gate.
  const unknown = unknownKey(o, KNOWN_OPTIONS);
  if (unknown) return `unknown option ${unknown}`;
  for (const name of ['apiKey', 'apiSecret'] as const) {
    if (typeof o[name] !== 'string' || (o[name] as string).trim() === '')
      return `"${name}" is required (a non-empty string)`;
  }
  if (o.ticketSecret !== undefined && (typeof o.ticketSecret !== 'string' || o.ticketSecret.length < 16)) {
    return '"ticketSecret" must be a string of at least 16 characters';
  }
  if (o.allow !== undefined) {
    if (!Array.isArray(o.allow)) return '"allow" must be a list of call names';
    // An own-property check: `toString` or `__proto__` are no call.
    const call = o.allow.find((name) => typeof name !== 'string' || !isCallName(name));
    if (call !== undefined)
      return `"allow" names an unknown call ${JSON.stringify(call)} (known: ${CALL_NAMES.join(', ')})`;
  }
  if (o.policy !== undefined) {
    const bad = policyProblem(o.policy);
    if (bad) return `"policy": ${bad}`;
  }
  if (o.allowedOrigins !== undefined && o.allowedOrigins !== '*') {
    if (!Array.isArray(o.allowedOrigins)) return '"allowedOrigins" must be a list of origins or \'*\'';
    for (const origin of o.allowedOrigins) {
      const bad = originProblem(origin);
      if (bad) return `"allowedOrigins" ${bad}`;
    }
  }
  if (o.baseUrl !== undefined) {
    let ok = false;
    try {
      ok = typeof o.baseUrl === 'string' && /^https?:$/.test(new URL(o.baseUrl).protocol);
    } catch {
      /* not a URL */
    }
    if (!ok) return '"baseUrl" must be an absolute http: or https: URL';
  }
  for (const name of ['maxBodyBytes', 'maxResponseBytes'] as const) {
    const v = o[name];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) > 0))
      return `"${name}" must be a whole number of bytes above 0`;
  }
  for (const name of ['timeoutMs', 'bodyTimeoutMs'] as const) {
    const v = o[name];
    if (v !== undefined && !(typeof v === 'number' && v > 0 && v <= TIMER_MAX))
      return `"${name}" must be a number of milliseconds from 1 to ${TIMER_MAX}`;
  }
  const identity = identityProblem(o);
  if (identity) return identity;
  const limit = rateLimitProblem(o.rateLimit);
  if (limit) return limit;
  if (o.tokens !== undefined && typeof o.tokens !== 'boolean') return '"tokens" must be true or false';
  for (const name of ['authorize', 'log', 'fetch'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'function') return `"${name}" must be a function`;
  }
  if (o.tokens === true && o.authorize === undefined) {
    return (
      '"tokens: true" needs "authorize": a token is not bound to a call, ' +
      'so minting one for anonymous callers hands out the key'
    );
  }
  return undefined;
}

/** Throws a TypeError naming the first wrong, missing or unknown option. */
export function checkOptions(options: unknown): void {
  const bad = problem(options as CheckedOptions);
  if (bad) throw optionError(bad);
}
