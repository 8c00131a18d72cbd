/**
 * Room tickets: the proof, kept by the visitor and not by the server, that a visitor created a room through this
 * proxy. A `create` answer that gives the browser the leader link also carries a ticket; sent back with
 * `createlimitedusetoken`, it lets the proxy grant a leader invitation into that room (the launcher's `user-name`
 * flow) and into no other. A ticket grants nothing the leader link it came with does not already give.
 *
 * Format: `v1.<expiry in Unix seconds>.<HMAC-SHA-256 of "v1\n<room>\n<expiry>", base64url>`. WebCrypto only, so
 * it runs on Node and on Workers alike.
 */

/**
 * A ticket is good for two hours: long enough for the launcher's follow-up call, short enough to be worthless
 * later.
 */
export const TICKET_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Keys derived from the API secret for this one purpose, so a ticket's MAC never doubles as anything else. */
const LABEL = 'samesurf-launcher/server room ticket v1';
const FORMAT = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const utf8 = (text: string) => new TextEncoder().encode(text);
const message = (room: string, expiry: string) => utf8(`v1\n${room}\n${expiry}`);

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class RoomTickets {
  readonly #key: Promise<CryptoKey>;

  /** `secret`: the site's `ticketSecret`, or else its API secret (only ever used through HKDF with a fixed label). */
  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#key = crypto.subtle
      .importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(LABEL) },
          base,
          { name: 'HMAC', hash: 'SHA-256', length: 256 },
          false,
          ['sign', 'verify'],
        ),
      );
  }

  /** A ticket for `room`, good for TICKET_LIFETIME_MS. */
  async issue(room: string): Promise<string> {
    const expiry = String(Math.floor((this.now() + TICKET_LIFETIME_MS) / 1000));
    const mac = await crypto.subtle.sign('HMAC', await this.#key, message(room, expiry));
    return `v1.${expiry}.${toBase64Url(mac)}`;
  }

  /** True only for an unexpired ticket this proxy's key issued for exactly `room`. */
  async proves(ticket: unknown, room: unknown): Promise<boolean> {
    if (typeof ticket !== 'string' || typeof room !== 'string') return false;
    const parts = FORMAT.exec(ticket);
    if (!parts) return false;
    const expiry = Number(parts[1]);
    const nowSeconds = this.now() / 1000;
    // One minute of slack for clocks of several instances; a ticket from the far future was not issued here.
    if (expiry <= nowSeconds || expiry > nowSeconds + TICKET_LIFETIME_MS / 1000 + 60) return false;
    // subtle.verify compares the MACs in constant time.
    return crypto.subtle.verify('HMAC', await this.#key, fromBase64Url(parts[2]!), message(room, parts[1]!));
  }
}

/**
 * `createlimitedusetoken` as the proxy forwards it: `ticket` removed, and `isleader: true` kept only when the
 * ticket proves the visitor created the room through this proxy.
 */
export async function applyLeaderRule(
  body: Record<string, unknown>,
  tickets: RoomTickets,
): Promise<Record<string, unknown>> {
  const { ticket, ...rest } = body;
  if (rest.isleader === true && !(await tickets.proves(ticket, rest.room))) rest.isleader = false;
  return rest;
}
