/**
 * IP addresses in one spelling each, without `node:net` (the handler also runs on Workers, Deno and Bun), so that
 * `2001:DB8::1` and `2001:0db8:0:0::0001` are one client. Strict on purpose: an IPv4 address is a dotted quad
 * without leading zeros (which some parsers read as octal) and an IPv6 address is written as RFC 4291 allows;
 * anything else is no address.
 */

export type IpAddress = { version: 4; bytes: number[] } | { version: 6; groups: number[] };

/** Longer than any address with a zone id a header should carry: refused before any parsing. */
const MAX_TEXT = 64;

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(?:0|[1-9]\d{0,2})$/.test(p) ? Number(p) : 256));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The 16-bit groups of one side of `::`; only the address's last group may be a dotted quad (two groups). */
function groupsOf(side: string, last: boolean): number[] | undefined {
  if (side === '') return [];
  const items = side.split(':');
  const out: number[] = [];
  for (const [i, item] of items.entries()) {
    if (last && i === items.length - 1 && item.includes('.')) {
      const b = parseIPv4(item);
      if (!b) return undefined;
      out.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
    } else if (/^[0-9a-f]{1,4}$/i.test(item)) {
      out.push(parseInt(item, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

/** Eight groups, or undefined. `::` stands for one or more zero groups and appears at most once. */
function parseIPv6(text: string): number[] | undefined {
  const sides = text.split('::');
  if (sides.length > 2) return undefined;
  if (sides.length === 1) {
    const all = groupsOf(text, true);
    return all?.length === 8 ? all : undefined;
  }
  const head = groupsOf(sides[0]!, false);
  const tail = groupsOf(sides[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * The address in `text` (no brackets, no port), or undefined. A zone id (`fe80::1%eth0`) is dropped: it names an
 * interface of the machine that saw the address, not another client. `::ffff:a.b.c.d` (IPv4-mapped, what a
 * dual-stack socket reports for an IPv4 client) and `::a.b.c.d` (the deprecated IPv4-compatible form) are the
 * IPv4 address; `::` and `::1` stay IPv6.
 */
export function parseIp(text: string): IpAddress | undefined {
  if (text.length > MAX_TEXT) return undefined;
  const v4 = parseIPv4(text);
  if (v4) return { version: 4, bytes: v4 };
  if (!text.includes(':')) return undefined;
  const zone = text.indexOf('%');
  const groups = parseIPv6(zone < 0 ? text : text.slice(0, zone));
  if (!groups) return undefined;
  const [a, b, c, d, e, f, g, h] = groups as [number, number, number, number, number, number, number, number];
  const low96 = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (low96 && (f === 0xffff || (f === 0 && (g !== 0 || h > 1)))) {
    return { version: 4, bytes: [g >> 8, g & 255, h >> 8, h & 255] };
  }
  return { version: 6, groups };
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the first on a tie) as `::`. */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const g = ip.groups;
  let start = -1;
  let length = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > length) [start, length] = [i, j - i];
    i = Math.max(j, i + 1);
  }
  const hex = g.map((n) => n.toString(16));
  if (start < 0) return hex.join(':');
  return `${hex.slice(0, start).join(':')}::${hex.slice(start + length).join(':')}`;
}

/** The address in its one spelling, or undefined when `text` is none. */
export function canonicalIp(text: string): string | undefined {
  const ip = parseIp(text);
  return ip && formatIp(ip);
}

/**
 * The network a client controls: an IPv4 address itself, an IPv6 address's /64 (`2001:db8:aa:bb::/64`). A /64 is
 * the smallest block a provider hands a subscriber (RFC 6177), and any host in it can take any of its 2^64
 * addresses, so keying on the full address would give one client endless buckets.
 */
export function clientNetwork(ip: IpAddress): string {
  if (ip.version === 4) return formatIp(ip);
  return `${formatIp({ version: 6, groups: [...ip.groups.slice(0, 4), 0, 0, 0, 0] })}/64`;
}
