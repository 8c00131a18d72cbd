/**
 * Who is calling and which site they are on: the handler's own origin (for the same-origin check) and the
 * client's address (for the rate limit). Neither is ever taken from the request path. Forwarded headers are read
 * only when the site says a proxy writes them (`trustProxy`), because anyone can send them.
 */

/**
 * `false` (default): no proxy; forwarded headers are ignored. A number N: N proxies of yours stand in front, so
 * each forwarded list is read N entries from its right end (what the client sent further left is ignored).
 * `true`: trust every entry, reading the leftmost one. The same meanings as Express's `trust proxy`.
 */
export type TrustProxy = boolean | number;

export interface IdentityOptions {
  trustProxy?: TrustProxy;
  /** A header your platform sets to the client's address and overwrites on every request (`cf-connecting-ip`). */
  clientAddressHeader?: string;
}

export interface RequestIdentity {
  /** `scheme://host[:port]` of the site as the browser sees it; undefined when no valid host is known. */
  origin: string | undefined;
  /** The client's address, normalised; undefined when the runtime gave none and no trusted header has one. */
  clientAddress: string | undefined;
}

/** Throws, naming the option, when an identity option cannot be used. */
export function checkIdentityOptions(options: IdentityOptions): void {
  const t = options.trustProxy;
  if (t !== undefined && typeof t !== 'boolean' && !(Number.isInteger(t) && t >= 0)) {
    throw new Error(`trustProxy must be false, true or a number of proxies (0, 1, 2…), not ${JSON.stringify(t)}.`);
  }
  const h = options.clientAddressHeader;
  if (h !== undefined && (typeof h !== 'string' || !/^[A-Za-z0-9-]+$/.test(h))) {
    throw new Error(`clientAddressHeader must be a header name such as "cf-connecting-ip", not ${JSON.stringify(h)}.`);
  }
}

/** A name or bracketed IPv6 address with an optional port: nothing that could carry a path or userinfo. */
export const isHost = (value: string | undefined): value is string =>
  value !== undefined && /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(value);

/** `scheme://host` when both are sound; a Host like `evil.test/x` or `a@b` gives undefined. */
function originOf(scheme: string, host: string | undefined): string | undefined {
  if (!isHost(host) || (scheme !== 'http' && scheme !== 'https')) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; `[::1]:80`, `1.2.3.4:80` → the address alone; IPv6 lower-cased. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  let a = raw?.trim();
  if (!a || a.toLowerCase() === 'unknown') return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.indexOf(':'));
  a = a.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  // A key of bounded size, whatever a client put in a header.
  return (mapped ? mapped[1]! : a).slice(0, 100);
}

/** Splits a comma-separated header, keeping commas inside quoted strings. */
function splitList(value: string): string[] {
  return (value.match(/(?:[^,"]|"(?:\\.|[^"\\])*")+/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

interface Forwarded {
  for: string[];
  proto: string[];
  host: string[];
}

/** RFC 7239 `Forwarded: for=1.2.3.4;proto=https, for="[2001:db8::1]:4711"` → one list per parameter. */
function parseForwarded(value: string): Forwarded {
  const out: Forwarded = { for: [], proto: [], host: [] };
  for (const element of splitList(value)) {
    for (const pair of element.match(/(?:[^;"]|"(?:\\.|[^"\\])*")+/g) ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim().toLowerCase();
      let v = pair.slice(eq + 1).trim();
      if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
      if (name === 'for' || name === 'proto' || name === 'host') out[name].push(v);
    }
  }
  return out;
}

/**
 * The proxies' lists. `X-Forwarded-*` when the request has any of them; otherwise `Forwarded`. Reading only one
 * family keeps a client from adding the other one past a proxy that writes (and so overwrites) the first.
 */
function forwardedLists(headers: Headers): Forwarded {
  const xff = headers.get('x-forwarded-for');
  const xfp = headers.get('x-forwarded-proto');
  const xfh = headers.get('x-forwarded-host');
  if (xff !== null || xfp !== null || xfh !== null) {
    return { for: splitList(xff ?? ''), proto: splitList(xfp ?? ''), host: splitList(xfh ?? '') };
  }
  const fwd = headers.get('forwarded');
  return fwd ? parseForwarded(fwd) : { for: [], proto: [], host: [] };
}

/** The entry `hops` from the right (the leftmost when the list is shorter); `true` reads the leftmost. */
function pick(list: string[], trust: true | number): string | undefined {
  if (list.length === 0) return undefined;
  return trust === true ? list[0] : list[Math.max(0, list.length - trust)];
}

/**
 * The identity of one request. `directAddress` is what the runtime knows (the Node adapter's socket address).
 * The host is the Host header's; only a request without one (never a browser's) falls back to the URL's, which
 * runtimes (Workers, Deno, Next.js, our Node adapter) build themselves, never from the request path.
 */
export function requestIdentity(request: Request, directAddress: string | undefined, options: IdentityOptions): RequestIdentity {
  const headers = request.headers;
  const trust = options.trustProxy === true ? true : typeof options.trustProxy === 'number' && options.trustProxy > 0 ? options.trustProxy : false;
  const url = new URL(request.url);
  let scheme = url.protocol.slice(0, -1);
  let host = headers.get('host') ?? url.host;
  let address = directAddress;
  if (trust !== false) {
    const lists = forwardedLists(headers);
    scheme = pick(lists.proto, trust)?.toLowerCase() ?? scheme;
    host = pick(lists.host, trust) ?? host;
    // Express's rule: the socket is hop 0 and the list is read from its right end, so hop N is the client.
    address = pick(lists.for, trust) ?? address;
  }
  if (options.clientAddressHeader) {
    const value = headers.get(options.clientAddressHeader);
    if (value) address = splitList(value).at(-1) ?? address;
  }
  return { origin: originOf(scheme, host), clientAddress: normaliseAddress(address) };
}
