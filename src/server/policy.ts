/**
 * What a site allows the browser to ask for, per call. Rules:
 * - `create`: `starturl` (forced value), `starturlPrefix` (string or list: the request's start URL must be on the
 *   prefix's origin and at or under its path; a missing one becomes the first), `disabledfeatures` (always added),
 *   `title` (forced), `stripLeader` (the answer loses `leadertoken` and `privateinvitation`: the visitor can only
 *   join as a follower), `schedule` (scheduled rooms and their invitation mails; refused unless allowed),
 *   `bookmarks` (forced list), `allowBookmarks` and `allowSession` (the page's own bookmarks and the cookies/storage
 *   planted in the room; refused unless allowed: a stranger could plant a login cookie or a phishing link).
 * - every call: a field its request type does not have is refused (the proxy forwards only what it checked).
 * - `createlimitedusetoken`: `room` (forced), `maxUsageLimit` (a request above it is refused), `allowLeader`
 *   (false forces `isleader: false`, whatever a ticket or the authorize hook says).
 * - `find`: `stripLeader` (default true: whoever knows a room number must not get its leader token; `false` to
 *   hand it out).
 */
import type { CallName, CallRequest } from '../api/calls.js';
import {
  arrayOf,
  bookmark,
  disabledFeatures,
  isBoolean,
  isString,
  nonEmpty,
  wholeAtLeast,
  type Check,
} from '../api/checks.js';
import { CALL_SPECS } from '../api/calls.js';
import type { Bookmark, CreateRoomRequest, DisabledFeature } from '../api/types.js';

export interface SchedulePolicy {
  /** Lets the browser send `eventtime`, `timezone`, `lengthinminutes`, `invitemessage` and `invitees`. */
  allow: boolean;
  /** Most addresses `invitees` may list (default 1; 0 allows scheduling but no invitation mail). */
  maxInvitees?: number;
}

export interface CreatePolicy {
  starturl?: string;
  starturlPrefix?: string | string[];
  disabledfeatures?: DisabledFeature[];
  title?: string;
  stripLeader?: boolean;
  /** Bookmarks every room gets (the page's own are then ignored). */
  bookmarks?: Bookmark[];
  /** Lets the page send its own `bookmarks` (links to anywhere, shown in the room on your key); default false. */
  allowBookmarks?: boolean;
  /** Lets the page send `session` (cookies and storage planted in the room: login fixation); default false. */
  allowSession?: boolean;
  /**
   * Scheduling from the browser. Off by default: the API mails every invitee, so an open `create` with
   * `invitees` and `invitemessage` would let anyone send mail in the site's name.
   */
  schedule?: SchedulePolicy;
}

export interface InvitationPolicy {
  room?: string;
  maxUsageLimit?: number;
  allowLeader?: boolean;
}

export interface Policy {
  create?: CreatePolicy;
  createlimitedusetoken?: InvitationPolicy;
  find?: { stripLeader?: boolean };
}

type Body = Record<string, unknown>;

/** The fields of a scheduled `create`, refused from the browser unless `create.schedule.allow`. */
export const SCHEDULE_FIELDS = ['eventtime', 'timezone', 'lengthinminutes', 'invitees', 'invitemessage'] as const;
// Every field `create` takes beyond an immediate room's is listed above: a new one in the per-call map fails here.
type ScheduleField = Exclude<keyof CallRequest<'create'>, keyof CreateRoomRequest>;
const _everyScheduleField: [ScheduleField] extends [(typeof SCHEDULE_FIELDS)[number]] ? true : never = true;
void _everyScheduleField;

/** A prefix as a URL, or why it cannot be one. */
function prefixUrl(prefix: string): URL | string {
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    return 'must be an absolute http: or https: URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an absolute http: or https: URL';
  if (url.username || url.password || url.search || url.hash)
    return 'must have no user name, password, query or fragment';
  return url;
}

/**
 * True when `starturl` is on the prefix's origin and at or under its path: `/shop` admits `/shop` and `/shop/…`
 * but not `/shopping`; `/shop/` admits what starts with `/shop/`. Parsed, so that `https://example.com.evil.test`,
 * `https://example.com@evil.test` and `/shop/../admin` do not pass for the prefix `https://example.com/shop`.
 */
export function underPrefix(starturl: URL, prefix: string): boolean {
  const base = prefixUrl(prefix);
  if (typeof base === 'string' || starturl.origin !== base.origin) return false;
  if (base.pathname.endsWith('/')) return starturl.pathname.startsWith(base.pathname);
  return starturl.pathname === base.pathname || starturl.pathname.startsWith(`${base.pathname}/`);
}

function parseStartUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.username || url.password ? undefined : url;
  } catch {
    return undefined;
  }
}

function inviteeCount(invitees: unknown): number {
  if (typeof invitees !== 'string') return 0; // not a string: the API's rules refuse it next
  return invitees.split(',').filter((address) => address.trim() !== '').length;
}

function applyCreatePolicy(p: CreatePolicy, out: Body): string | undefined {
  for (const field of SCHEDULE_FIELDS) {
    if (out[field] !== undefined && !p.schedule?.allow)
      return `"${field}" is not accepted here: this site does not schedule rooms from the page.`;
  }
  if (out.session !== undefined && !p.allowSession)
    return '"session" is not accepted here: this site does not let pages set room cookies or storage.';
  if (p.bookmarks !== undefined) out.bookmarks = p.bookmarks;
  else if (out.bookmarks !== undefined && !p.allowBookmarks)
    return '"bookmarks" is not accepted here: this site does not let pages choose room bookmarks.';
  const maxInvitees = p.schedule?.maxInvitees ?? 1;
  if (inviteeCount(out.invitees) > maxInvitees)
    return `"invitees" may list at most ${maxInvitees} address${maxInvitees === 1 ? '' : 'es'} on this site.`;
  if (p.starturl !== undefined) out.starturl = p.starturl;
  if (p.starturlPrefix !== undefined) {
    const prefixes = ([] as string[]).concat(p.starturlPrefix);
    if (out.starturl === undefined) out.starturl = prefixes[0];
    else {
      const url = parseStartUrl(out.starturl);
      if (!url || !prefixes.some((prefix) => underPrefix(url, prefix)))
        return `starturl must begin with ${prefixes.join(' or ')} on this site.`;
      // Forward what was checked: the API never sees a spelling the check did not.
      out.starturl = url.href;
    }
  }
  if (p.disabledfeatures?.length) {
    const asked = Array.isArray(out.disabledfeatures) ? (out.disabledfeatures as string[]) : [];
    out.disabledfeatures = [...new Set([...asked, ...p.disabledfeatures])];
  }
  if (p.title !== undefined) out.title = p.title;
  return undefined;
}

/** The request as the site allows it, or the reason it is refused. */
export function applyRequestPolicy(call: CallName, body: Body, policy: Policy): { body: Body } | { refused: string } {
  const known = CALL_SPECS[call].fields;
  const unknown = Object.keys(body).find((field) => !Object.prototype.hasOwnProperty.call(known, field));
  if (unknown !== undefined) return { refused: `"${unknown.slice(0, 40)}" is not a parameter of ${call}.` };
  const out: Body = { ...body };
  if (call === 'create') {
    const refused = applyCreatePolicy(policy.create ?? {}, out);
    if (refused) return { refused };
  }
  if (call === 'createlimitedusetoken' && policy.createlimitedusetoken) {
    const p = policy.createlimitedusetoken;
    if (p.room !== undefined) out.room = p.room;
    if (p.maxUsageLimit !== undefined && typeof out.usagelimit === 'number' && out.usagelimit > p.maxUsageLimit) {
      return { refused: `usagelimit may be at most ${p.maxUsageLimit} on this site.` };
    }
    if (p.allowLeader === false) out.isleader = false;
  }
  return { body: out };
}

/**
 * What holds for every body sent, even one the authorize hook wrote: the proxy's `ticket` never reaches the API,
 * and `allowLeader: false` means no leader invitation at all.
 */
export function enforceAlways(call: CallName, body: Body, policy: Policy): Body {
  if (call !== 'createlimitedusetoken') return body;
  const { ticket: _ticket, ...out } = body;
  if (policy.createlimitedusetoken?.allowLeader === false) out.isleader = false;
  return out;
}

/** The API's answer with what the site keeps from the browser taken out. */
export function applyResponsePolicy(call: CallName, answer: Body, policy: Policy): Body {
  const strip =
    (call === 'create' && policy.create?.stripLeader) || (call === 'find' && policy.find?.stripLeader !== false);
  if (!strip) return answer;
  const { leadertoken: _t, privateinvitation: _p, ...rest } = answer;
  return rest;
}

// Checked when the handler is made, so that a misspelt rule fails at start and not silently on every request.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A field check of the API's rules, as a policy check: what is expected, or undefined. */
const expect =
  <T>(check: Check<T>) =>
  (v: unknown) =>
    check(v)?.[1];
const boolean = expect(isBoolean);
const string = expect(isString);
const httpUrl = (v: unknown) => {
  if (typeof v !== 'string') return 'must be a string';
  const url = prefixUrl(v);
  return typeof url === 'string' ? url : undefined;
};
const prefixes = (v: unknown) => {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) return 'must name at least one URL';
  for (const item of list) {
    const bad = httpUrl(item);
    if (bad) return `${bad} (got ${JSON.stringify(item)})`;
  }
  return undefined;
};
const features = expect(disabledFeatures);

type Shape = Record<string, (v: unknown) => string | undefined>;

function shapeProblem(value: unknown, path: string, shape: Shape): string | undefined {
  if (!isRecord(value)) return `${path} must be an object`;
  for (const [key, v] of Object.entries(value)) {
    // Own rules only: `constructor`, `isPrototypeOf` or `__proto__` would find Object.prototype's members.
    const check = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!check) return `${path} has an unknown rule "${key}" (known: ${Object.keys(shape).join(', ')})`;
    if (v === undefined) continue;
    const bad = check(v);
    if (bad) return bad.startsWith(`${path}.${key}`) ? bad : `${path}.${key} ${bad}`;
  }
  return undefined;
}

const SCHEDULE: Shape = { allow: boolean, maxInvitees: expect(wholeAtLeast(0)) };
const CREATE: Shape = {
  starturl: httpUrl,
  starturlPrefix: prefixes,
  disabledfeatures: features,
  title: string,
  stripLeader: boolean,
  bookmarks: expect(arrayOf(bookmark)),
  allowBookmarks: boolean,
  allowSession: boolean,
  schedule: (v) => shapeProblem(v, 'policy.create.schedule', SCHEDULE),
};
const INVITATION: Shape = { room: expect(nonEmpty), maxUsageLimit: expect(wholeAtLeast(1)), allowLeader: boolean };
const POLICY: Shape = {
  create: (v) => shapeProblem(v, 'policy.create', CREATE),
  createlimitedusetoken: (v) => shapeProblem(v, 'policy.createlimitedusetoken', INVITATION),
  find: (v) => shapeProblem(v, 'policy.find', { stripLeader: boolean }),
};

/** What is wrong with a site's policy, naming the rule; undefined when nothing is. */
export function policyProblem(policy: unknown): string | undefined {
  return shapeProblem(policy, 'policy', POLICY);
}
