/**
 * Who may call the test-mode control endpoints (/__emulator/*). They create keys and hand out their
 * secrets, reset state and inject faults, so a web page open in the developer's browser must not
 * reach them: only the page origins the emulator was told to allow, and callers that are not
 * browsers (no `Origin`, no cross-site `Sec-Fetch-Site`), addressed by a Host that cannot be a
 * rebound DNS name.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export type ControlAccess = { ok: true; cors: Record<string, string> } | { ok: false; reason: string };

export interface ControlPolicy {
  /** Page origins allowed to call from a browser (exact match). */
  origins: readonly string[];
  /** The emulator's own host name, as given by its `host` option. */
  ownHost: string;
}

/**
 * True for a Host that a DNS-rebinding page cannot produce: an IP address, `localhost` (and
 * `*.localhost`, which browsers resolve to loopback themselves), or the emulator's own host name.
 */
function isTrustedHost(header: string, ownHost: string): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header);
  if (!match) return false;
  const name = match[1]!
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || name === ownHost.toLowerCase();
}

export function controlAccess(req: IncomingMessage, policy: ControlPolicy): ControlAccess {
  const host = req.headers.host;
  // A Host names the emulator as the client reached it; a browser always sends one.
  if (host && !isTrustedHost(host, policy.ownHost)) {
    return {
      ok: false,
      reason:
        "Control endpoints answer only requests to localhost, an IP address or the emulator's own host, " +
        `not to Host ${JSON.stringify(host)} (a guard against DNS rebinding).`,
    };
  }
  const origin = req.headers.origin;
  if (origin === undefined) {
    // A browser's request without Origin (an <img>, a no-cors GET) still says where it comes from.
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      return { ok: false, reason: 'A page from another site may not use the control endpoints.' };
    }
    return { ok: true, cors: {} };
  }
  if (!policy.origins.includes(origin)) {
    return {
      ok: false,
      reason:
        `The origin ${origin} may not use the control endpoints: ` +
        `allow it with --control-origins ${origin} (controlOrigins).`,
    };
  }
  return { ok: true, cors: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } };
}
