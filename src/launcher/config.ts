/**
 * Reads the launcher's attributes into what a launch needs, or names the first
 * attribute that is wrong. Loaded lazily with the rest of the launch code.
 */
import type { ClientOptions, TokenSource } from '../api/client.js';
import {
  DISABLED_FEATURES,
  type Bookmark,
  type CreateLimitedUseTokenRequest,
  type CreateRoomRequest,
  type DisabledFeature,
} from '../api/types.js';
import { findProblem } from '../api/validate.js';
import type { SameSurfLauncher } from './samesurf-launcher.js';

export const DEFAULT_REALTIME_ORIGIN = 'https://realtime.samesurf.com';

/** The attributes as the element holds them: its reactive properties but `strings`. */
export type LauncherAttributes = Partial<
  Omit<Pick<SameSurfLauncher, keyof typeof SameSurfLauncher.properties & keyof SameSurfLauncher>, 'strings'>
> & {
  /** Names of every attribute on the element, to spot a secret. */
  attributeNames: string[];
  /** The page's own token function (the `getToken` property). */
  getToken?: TokenSource;
  /** Set when a script assigned `apiSecret`. */
  secretProperty?: boolean;
};

export interface LaunchConfig {
  mode: 'room' | 'invite' | 'join';
  openIn: 'modal' | 'tab';
  client: ClientOptions;
  /** For `room` mode. */
  create: CreateRoomRequest;
  /** For `invite` mode; in `room` mode with a user name, used to enter under that name. */
  invite?: CreateLimitedUseTokenRequest;
  /** For `join` mode: the running room to enter as its leader. */
  room?: string;
  userName?: string;
  allowedOrigins: string[];
  /** Identifies the session this configuration makes, for reuse and sessionStorage. */
  key: string;
}

export interface ConfigProblem {
  /** The attribute at fault. */
  attribute: string;
  /** For the console: what is wrong and how to fix it. */
  detail: string;
  /** A secret was found: logged as an error, not a warning. */
  secret?: boolean;
}

export type ConfigResult = { ok: true; config: LaunchConfig } | { ok: false; problem: ConfigProblem };

const FIELD_TO_ATTRIBUTE: Record<string, string> = {
  starturl: 'start-url',
  title: 'room-title',
  bookmarks: 'bookmarks',
  disabledfeatures: 'disabled-features',
  room: 'room',
  usagelimit: 'usage-limit',
  usersname: 'user-name',
};

/** Fetches a bearer token from the page's own endpoint (`token-url`). */
export function tokenFrom(url: string): ClientOptions['getToken'] {
  return async ({ call, signal }) => {
    const res = await fetch(url, {
      method: 'POST',
      signal,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ call }),
    });
    if (!res.ok) throw new Error(`token-url answered HTTP ${res.status}`);
    const body = (await res.json()) as { token?: unknown };
    if (typeof body.token !== 'string' || body.token === '') throw new Error('token-url gave no "token"');
    return body.token;
  };
}

export function resolveUrl(value: string, baseURI: string | undefined): URL | undefined {
  try {
    const url = new URL(value, baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** How a page's element reaches the API, as its attributes say (already trimmed; checked for conflicts first). */
export interface PageAuth {
  apiBase?: string;
  tokenUrl?: string;
  getToken?: TokenSource;
  apiKey?: string;
  timeout?: number | null;
}

/**
 * The client options of an element in a page (the launcher and the agent's elements alike): its proxy or the API's
 * root, its token endpoint or function (else its key), its timeout. Or the attribute at fault.
 */
export function pageClientOptions(
  a: PageAuth,
  baseURI: string | undefined,
): ClientOptions | { attribute: string; detail: string } {
  const client: ClientOptions = {};
  if (a.apiBase) {
    const url = resolveUrl(a.apiBase, baseURI);
    if (!url) return { attribute: 'api-base', detail: `"${a.apiBase}" is not an http(s) URL or path.` };
    client.baseUrl = url.href;
  }
  if (a.tokenUrl) {
    const url = resolveUrl(a.tokenUrl, baseURI);
    if (!url) return { attribute: 'token-url', detail: `"${a.tokenUrl}" is not an http(s) URL or path.` };
    client.getToken = tokenFrom(url.href);
  } else if (a.getToken) client.getToken = a.getToken;
  else if (a.apiKey) client.apiKey = a.apiKey;
  if (a.timeout !== undefined && a.timeout !== null) {
    if (!(Number.isFinite(a.timeout) && a.timeout > 0))
      return {
        attribute: 'timeout',
        detail: `timeout must be a number of milliseconds greater than 0, not "${a.timeout}".`,
      };
    client.timeoutMs = a.timeout;
  }
  return client;
}

/** A cheap stable hash, only to name storage entries without writing keys into them. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** `baseURI`: what relative `api-base` and `token-url` resolve against (the page's; given in tests without a DOM). */
export function readConfig(
  a: LauncherAttributes,
  baseURI: string | undefined = globalThis.document?.baseURI,
): ConfigResult {
  const no = (attribute: string, detail: string, secret = false): ConfigResult => ({
    ok: false,
    problem: { attribute, detail, secret },
  });

  const secretAttr = a.attributeNames.find((n) => /secret/i.test(n));
  if (secretAttr || a.secretProperty) {
    return no(
      secretAttr ?? 'apiSecret',
      'An API secret must never be used in a page: anyone can read it. Remove it and rotate the secret; ' +
        'keep it on your server (token-url or an api-base proxy).',
      true,
    );
  }
  if (a.apiKey !== undefined && /secret|:/i.test(a.apiKey)) {
    return no(
      'api-key',
      'The api-key looks like it holds a secret. Put only the key here; the secret stays on your server.',
      true,
    );
  }

  const apiKey = a.apiKey?.trim() || undefined;
  const tokenUrl = a.tokenUrl?.trim() || undefined;
  const apiBase = a.apiBase?.trim() || undefined;
  const getToken = typeof a.getToken === 'function' ? a.getToken : undefined;
  if (!apiKey && !tokenUrl && !apiBase && !getToken) {
    return no(
      'api-key',
      'Set api-key (a key with the "none" algorithm), token-url (your endpoint that returns a token) ' +
        'or api-base (your proxy).',
    );
  }
  if (apiKey && tokenUrl) return no('token-url', 'Set either api-key or token-url, not both.');
  if (getToken && (apiKey || tokenUrl)) return no('getToken', 'Set getToken alone: not with api-key or token-url.');
  const client = pageClientOptions({ apiBase, tokenUrl, getToken, apiKey, timeout: a.timeout }, baseURI);
  if ('attribute' in client) return no(client.attribute, client.detail);

  const mode = a.mode?.trim() || 'room';
  if (mode !== 'room' && mode !== 'invite' && mode !== 'join')
    return no('mode', `mode must be "room", "invite" or "join", not "${mode}".`);
  const openIn = a.open?.trim() || 'modal';
  if (openIn !== 'modal' && openIn !== 'tab') return no('open', `open must be "modal" or "tab", not "${openIn}".`);

  const origins = (a.realtimeOrigin?.trim() || DEFAULT_REALTIME_ORIGIN).split(/\s+/);
  const allowedOrigins: string[] = [];
  for (const origin of origins) {
    const url = resolveUrl(origin, baseURI);
    if (!url || url.origin !== origin.replace(/\/$/, '')) {
      return no('realtime-origin', `"${origin}" is not an origin such as https://realtime.samesurf.com.`);
    }
    allowedOrigins.push(url.origin);
  }

  const features = (a.disabledFeatures ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = features.find((f) => !(DISABLED_FEATURES as readonly string[]).includes(f));
  if (unknown) return no('disabled-features', `Unknown feature "${unknown}". Known: ${DISABLED_FEATURES.join(', ')}.`);

  let bookmarks: Bookmark[] | undefined;
  if (typeof a.bookmarks === 'string' && a.bookmarks.trim() !== '') {
    try {
      bookmarks = JSON.parse(a.bookmarks) as Bookmark[];
    } catch (err) {
      return no(
        'bookmarks',
        `bookmarks is not valid JSON (${(err as Error).message}). Expected [{"name": "…", "link": "https://…"}].`,
      );
    }
  } else if (Array.isArray(a.bookmarks)) bookmarks = a.bookmarks;

  const create: CreateRoomRequest = {};
  if (a.startUrl?.trim()) create.starturl = a.startUrl.trim();
  if (a.roomTitle?.trim()) create.title = a.roomTitle.trim();
  if (bookmarks) create.bookmarks = bookmarks;
  if (features.length) create.disabledfeatures = features as DisabledFeature[];
  const createProblem = findProblem('create', create);
  if (createProblem) return no(attributeOf(createProblem.field), createProblem.message);

  const userName = a.userName?.trim() || undefined;
  const usage = a.usageLimit === undefined || a.usageLimit === '' ? 1 : Number(a.usageLimit);
  if (!Number.isInteger(usage) || usage < 1) {
    return no('usage-limit', `usage-limit must be a whole number of at least 1, not "${a.usageLimit}".`);
  }
  let invite: CreateLimitedUseTokenRequest | undefined;
  if (mode === 'invite') {
    if (!a.room?.trim()) return no('room', 'mode="invite" needs room: the number of the room to invite into.');
    invite = { room: a.room.trim(), usagelimit: usage, isleader: a.leader === true };
    if (userName) invite.usersname = userName;
    const problem = findProblem('createlimitedusetoken', invite);
    if (problem) return no(attributeOf(problem.field), problem.message);
  }

  let room: string | undefined;
  if (mode === 'join') {
    room = a.room?.trim();
    if (!room) return no('room', 'mode="join" needs room: the number of the running room to join as its leader.');
    const problem = findProblem('find', { room });
    if (problem) return no(attributeOf(problem.field), problem.message);
  }

  const key = hash(JSON.stringify([mode, client.baseUrl, apiKey, tokenUrl, a.room, create]));
  return { ok: true, config: { mode, openIn, client, create, invite, room, userName, allowedOrigins, key } };
}

const known = new Map<string, ConfigResult>();
const functionIds = new WeakMap<object, number>();
let functionCount = 0;
function functionId(fn: object): number {
  let id = functionIds.get(fn);
  if (id === undefined) functionIds.set(fn, (id = ++functionCount));
  return id;
}

/**
 * readConfig, once per distinct configuration (the last 16): a page of alike launchers reads theirs once. The result
 * is shared, so nothing may change it (the session copies what it amends).
 */
export function configFor(
  a: LauncherAttributes,
  baseURI: string | undefined = globalThis.document?.baseURI,
): ConfigResult {
  // A function has no JSON: told apart by identity, so that two token functions never share a configuration.
  const id = JSON.stringify([a, baseURI, a.getToken && functionId(a.getToken)]);
  let result = known.get(id);
  if (!result) {
    result = readConfig(a, baseURI);
    if (known.size >= 16) known.delete(known.keys().next().value!);
    known.set(id, result);
  }
  return result;
}

function attributeOf(field: string): string {
  return FIELD_TO_ATTRIBUTE[field.split(/[.[]/)[0]!] ?? field;
}

/** True when `link` may be framed or opened: its origin is one of the allowed realtime origins. */
export function isAllowedLink(link: unknown, allowedOrigins: string[]): boolean {
  if (typeof link !== 'string') return false;
  try {
    const url = new URL(link);
    return (url.protocol === 'https:' || url.protocol === 'http:') && allowedOrigins.includes(url.origin);
  } catch {
    return false;
  }
}
