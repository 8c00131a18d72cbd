/**
 * Who is calling and which site they are on: the handler's own origin (for the same-origin check) and the
 * client's address (for the rate limit). Neither is ever taken from the request path. Forwarded headers are read
 * only when the site says a proxy writes them (`trustProxy`), because anyone can send them.
 */
import { canonicalIp } from './ip-address.js';
import { shown } from './option-problems.js';

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
  /**
   * The client's address in one spelling (canonicalIp), the real one: the rate limit keys an IPv6 client by its
   * /64 itself (rateLimitKey). Undefined when the runtime gave none and no trusted header has one.
   */
  clientAddress: string | undefined;
}

/** What is wrong with an identity option, naming it; undefined when nothing is. */
export function identityProblem(options: { trustProxy?: unknown; clientAddressHeader?: unknown }): string | undefined {
  const t = options.trustProxy;
  if (t !== undefined && typeof t !== 'boolean' && !(Number.isInteger(t) && (t as number) >= 0)) {
    return `"trustProxy" must be false, true or a number of proxies (0, 1, 2…), not ${shown(t)}`;
  }
  const h = options.clientAddressHeader;
  if (h !== undefined && (typeof h !== 'string' || !/^[A-Za-z0-9-]+$/.test(h))) {
    return `"clientAddressHeader" must be a header name such as "cf-connecting-ip", not ${shown(h)}`;
  }
  return undefined;
}

/** Throws the handler's TypeError, naming the option, when an identity option cannot be used. */
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

/** An RFC 7239 obfuscated node (`_hidden`): a proxy's stable stand-in for a client it does not name. */
const OBFUSCATED = /^_[A-Za-z0-9._-]+$/;

/**
 * `[2001:db8::1]:80` → `2001:db8::1`, `1.2.3.4:80` → `1.2.3.4`, `_node:_port` → `_node`: the port is not the
 * client.
 */
function withoutPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  if (/^[\d.]+:\d+$/.test(value) || /^_[^:]+:(?:\d+|_[A-Za-z0-9._-]+)$/.test(value))
    return value.slice(0, value.indexOf(':'));
  return value;
}

/**
 * What the runtime says the client is, in one spelling: `::ffff:1.2.3.4` → `1.2.3.4`, `2001:DB8:0::1%eth0` →
 * `2001:db8::1`, brackets and port dropped. A value that is no IP address is kept (bounded) as the runtime's own
 * id for the client; empty or `unknown` is undefined.
 */
export function normaliseAddress(raw: string | undefined): string | undefined {
  const a = withoutPort(raw?.trim() ?? '');
  if (!a || a.toLowerCase() === 'unknown') return undefined;
  return canonicalIp(a) ?? a.slice(0, 100);
}

/**
 * An address a header gives: an IP address (in one spelling), or in `Forwarded` an obfuscated node. Anything else
 * (`unknown`, a host name, garbage) says nothing about who the client is: undefined.
 */
function headerAddress(entry: string | undefined, obfuscatedOk: boolean): string | undefined {
  const a = withoutPort(entry?.trim() ?? '');
  return canonicalIp(a) ?? (obfuscatedOk && OBFUSCATED.test(a) ? a.slice(0, 100) : undefined);
}

/** Splits a comma-separated header, keeping commas inside quoted strings. */
function splitList(value: string): string[] {
  return (value.match(/(?:[^,"]|"(?:\\.|[^"\\])*")+/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

interface Forwarded {
  /** Which header the lists came from: only `Forwarded` has obfuscated nodes. */
  family: 'x-forwarded' | 'forwarded';
  for: string[];
  proto: string[];
  host: string[];
}

/** RFC 7239 `Forwarded: for=1.2.3.4;proto=https, for="[2001:db8::1]:4711"` → one list per parameter. */
function parseForwarded(value: string): Forwarded {
  const out: Forwarded = { family: 'forwarded', for: [], proto: [], host: [] };
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
    return {
      family: 'x-forwarded',
      for: splitList(xff ?? ''),
      proto: splitList(xfp ?? ''),
      host: splitList(xfh ?? ''),
    };
  }
  const fwd = headers.get('forwarded');
  return fwd ? parseForwarded(fwd) : { family: 'forwarded', for: [], proto: [], host: [] };
}

/** Where the trusted part of a list starts: `hops` from the right (all of a shorter list); `true` trusts it all. */
const trustedStart = (list: string[], trust: true | number) => (trust === true ? 0 : Math.max(0, list.length - trust));

/** The entry `hops` from the right (the leftmost when the list is shorter); `true` reads the leftmost. */
function pick(list: string[], trust: true | number): string | undefined {
  return list[trustedStart(list, trust)];
}

/**
 * The client's address from the `for` list. Express's proxy-addr returns the entry at the trusted position
 * whatever it is, so `unknown` (what Squid and others write for a client they hide) or a token typed in by the
 * client (when the position holds what the client sent) would become the key: one bucket shared by every such
 * caller, or a fresh bucket per made-up token. Here an entry that is no address is skipped towards the right, to
 * the nearest hop that is: each entry there was written by a proxy of ours (the socket being hop 0), so the key is
 * the closest known point of the path, never a value from further left, which the client controls. Only when no
 * trusted entry is an address does the socket's address (or none) decide.
 */
function pickAddress(list: string[], trust: true | number, obfuscatedOk: boolean): string | undefined {
  for (let i = trustedStart(list, trust); i < list.length; i++) {
    const address = headerAddress(list[i], obfuscatedOk);
    if (address) return address;
  }
  return undefined;
}

/**
 * The identity of one request. `directAddress` is what the runtime knows (the Node adapter's socket address).
 * The host is the Host header's; only a request without one (never a browser's) falls back to the URL's, which
 * runtimes (Workers, Deno, Next.js, our Node adapter) build themselves, never from the request path.
 */
export function requestIdentity(
  request: Request,
  directAddress: string | undefined,
  options: IdentityOptions,
): RequestIdentity {
  const headers = request.headers;
  const trust =
    options.trustProxy === true
      ? true
      : typeof options.trustProxy === 'number' && options.trustProxy > 0
        ? options.trustProxy
        : false;
  const url = new URL(request.url);
  let scheme = url.protocol.slice(0, -1);
  let host = headers.get('host') ?? url.host;
  let address = directAddress;
  if (trust !== false) {
    const lists = forwardedLists(headers);
    const obfuscatedOk = lists.family === 'forwarded';
    scheme = pick(lists.proto, trust)?.toLowerCase() ?? scheme;
    host = pick(lists.host, trust) ?? host;
    // Express's rule: the socket is hop 0 and the list is read from its right end, so hop N is the client.
    address = pickAddress(lists.for, trust, obfuscatedOk) ?? address;
  }
  if (options.clientAddressHeader) {
    const value = headers.get(options.clientAddressHeader);
    // Like a forwarded entry, a value that is no address (`unknown`) leaves the address as it was.
    if (value) address = headerAddress(splitList(value).at(-1), false) ?? address;
  }
  return { origin: originOf(scheme, host), clientAddress: normaliseAddress(address) };
}
