/**
 * The site's `authorize` hook: ties each call to the site's own idea of who is asking (its login session, its
 * support tickets). It runs after the allowlist and the policy, for every call, in proxy and in token mode.
 */
import type { CallName } from '../api/types.js';

export interface AuthorizeContext {
  /** The call being made; in token mode, the call the token is asked for. */
  call: CallName;
  /**
   * Proxy mode: the body as it would be sent, after the policy and the leader rule (`isleader` is already `false`
   * unless a room ticket proved the visitor created the room). Token mode: the token request (`{ call }`).
   */
  body: Readonly<Record<string, unknown>>;
  /** `proxy`: the handler makes the call; `token`: it mints a token the browser uses for any call until it expires. */
  mode: 'proxy' | 'token';
  /** The incoming request (its body already read): headers, cookies, URL. */
  request: Request;
  /** The caller's address as the handler knows it, when it does. */
  clientAddress?: string;
}

/**
 * - `true`: allow, as the proxy's own rules have it.
 * - `false` or `{ deny: reason }`: `403` (the reason is sent to the browser).
 * - `{ body }`: allow with this body instead, trusted as it is (so it may grant `isleader: true`), then checked
 *   against the API's rules. Only in proxy mode; in token mode it counts as `true`.
 */
export type AuthorizeDecision = boolean | { deny: string } | { body: Record<string, unknown> };

export type Authorize = (context: AuthorizeContext) => AuthorizeDecision | Promise<AuthorizeDecision>;

export type AuthorizeOutcome =
  { allow: true; body?: Record<string, unknown> } | { allow: false; status: 403 | 500; reason: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Runs the hook; a hook that throws, answers something else, or does not answer within `timeoutMs` (a session
 * store that hangs) is a refusal, never an allow.
 */
export async function runAuthorize(
  hook: Authorize,
  context: AuthorizeContext,
  log: (line: string) => void,
  timeoutMs: number,
): Promise<AuthorizeOutcome> {
  const failed: AuthorizeOutcome = {
    allow: false,
    status: 500,
    reason: 'The co-browsing endpoint could not check this request.',
  };
  let decision: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  try {
    // A copy: a hook that edits the body in place instead of answering { body } changes nothing.
    const answer = Promise.resolve().then(() => hook({ ...context, body: structuredClone(context.body) }));
    decision = await Promise.race([
      answer,
      new Promise((resolve) => (timer = setTimeout(() => resolve(late), timeoutMs))),
    ]);
    if (decision === late) {
      log(`samesurf: ${context.call}: authorize did not answer within ${timeoutMs} ms; refused`);
      return failed;
    }
  } catch (err) {
    // The error's name only: its message is the site's and may hold anything.
    log(`samesurf: ${context.call}: authorize threw (${(err as Error)?.name ?? typeof err}); refused`);
    return failed;
  } finally {
    clearTimeout(timer);
  }
  if (decision === true) return { allow: true };
  if (decision === false) return { allow: false, status: 403, reason: 'This request is not allowed.' };
  if (isPlainObject(decision)) {
    if (typeof decision.deny === 'string')
      return { allow: false, status: 403, reason: decision.deny || 'This request is not allowed.' };
    if (isPlainObject(decision.body) && !('deny' in decision)) return { allow: true, body: decision.body };
  }
  log(`samesurf: ${context.call}: authorize answered neither true, false, { body } nor { deny }; refused`);
  return failed;
}
