/** Making or re-entering a session: the API calls of one launch, and what they mean. */
import { SameSurfClient } from '../api/client.js';
import { SameSurfError } from '../api/errors.js';
import { loadJsrsasign } from '../api/jwt.js';
import type { SameSurfBeforeCreateDetail, SameSurfCreatedDetail, SameSurfErrorDetail } from './events.js';
import { isAllowedLink, type ConfigProblem, type LaunchConfig } from './config.js';
import { LinkRefusedError } from './messages.js';
import type { Invitation } from './saved-invitation.js';
import type { LauncherStrings } from './strings.js';

export interface SessionHooks {
  signal: AbortSignal;
  /** Fires the cancelable before-create event; false when the page cancelled. */
  beforeCreate(detail: SameSurfBeforeCreateDetail): boolean;
  created(response: SameSurfCreatedDetail): void;
  /** The previous session's room has ended: it is not to be offered again. */
  roomGone(): void;
}

export type SessionResult =
  | { kind: 'reused'; invitation: Invitation }
  | { kind: 'created'; invitation: Invitation; replacedEndedRoom: boolean }
  | { kind: 'cancelled' };

/** Warms up what the first click needs (jsrsasign when the page signs its own tokens). */
export function preload(config: LaunchConfig): void {
  if (config.client.apiKey) void loadJsrsasign().catch(() => undefined);
}

function allowed(link: unknown, config: LaunchConfig): string {
  if (!isAllowedLink(link, config.allowedOrigins)) throw new LinkRefusedError(String(link));
  return link as string;
}

/**
 * Re-enters `previous` when its room still runs, or makes a new room or invitation.
 * Only one request is in flight at a time; none is retried.
 */
export async function startSession(
  config: LaunchConfig,
  previous: Invitation | undefined,
  hooks: SessionHooks,
): Promise<SessionResult> {
  const client = new SameSurfClient({ ...config.client, maxRetries: 0 });
  const opts = { signal: hooks.signal };
  let replacedEndedRoom = false;

  // A session kept from before is entered only while its links still pass today's check (realtime-origin may have
  // changed).
  const stillAllowed = (inv: Invitation) =>
    [inv.link, inv.rejoinLink, inv.guestLink].every((l) => l === undefined || isAllowedLink(l, config.allowedOrigins));
  if (previous && previous.key === config.key && !stillAllowed(previous)) hooks.roomGone();
  else if (previous && previous.key === config.key) {
    if (previous.mode === 'invite') return { kind: 'reused', invitation: previous };
    try {
      await client.findRoom({ room: previous.room }, opts);
      return { kind: 'reused', invitation: previous };
    } catch (err) {
      const gone = err instanceof SameSurfError && (err.errorcode === 102 || err.errorcode === 103);
      if (!gone) {
        if (err instanceof SameSurfError && err.kind === 'aborted') throw err;
        // A proxy that does not allow `find`, or a passing fault: the room is most likely still there.
        return { kind: 'reused', invitation: previous };
      }
      replacedEndedRoom = true;
      hooks.roomGone();
    }
  }

  if (config.mode === 'invite') {
    const detail: SameSurfBeforeCreateDetail = { mode: 'invite', request: { ...config.invite! } };
    if (!hooks.beforeCreate(detail)) return { kind: 'cancelled' };
    const res = await client.createLimitedUseToken(detail.request, opts);
    const link = allowed(res.link, config);
    hooks.created({ mode: 'invite', ...res });
    const invitation: Invitation = {
      key: config.key,
      mode: 'invite',
      room: detail.request.room,
      link,
      rejoinLink: link,
      createdAt: Date.now(),
    };
    return { kind: 'created', invitation, replacedEndedRoom };
  }

  const detail: SameSurfBeforeCreateDetail = { mode: 'room', request: structuredClone(config.create) };
  if (!hooks.beforeCreate(detail)) return { kind: 'cancelled' };
  const res = await client.createRoom(detail.request, opts);
  // A site's proxy may keep the leader link from the page (policy stripLeader): then the visitor joins as a follower.
  const leaderLink = allowed(res.privateinvitation ?? res.publicinvitation, config);
  const guestLink = isAllowedLink(res.publicinvitation, config.allowedOrigins) ? res.publicinvitation : undefined;
  hooks.created({ mode: 'room', ...res });
  let link = leaderLink;
  if (config.userName) {
    // The API names a user only through a limited-use invitation: enter through one, as leader.
    // Through a site's proxy, the room's ticket proves this visitor made the room: only then is it a leader invitation.
    const ticket = typeof res.ticket === 'string' ? { ticket: res.ticket } : {};
    const named = await client.createLimitedUseToken(
      { room: res.room, usagelimit: 1, isleader: true, usersname: config.userName, ...ticket },
      opts,
    );
    link = allowed(named.link, config);
  }
  const invitation: Invitation = {
    key: config.key,
    mode: 'room',
    room: res.room,
    link,
    rejoinLink: leaderLink,
    guestLink,
    createdAt: Date.now(),
  };
  return { kind: 'created', invitation, replacedEndedRoom };
}

/** A bad attribute, for samesurf-error and the inline message; the console gets the details once. */
export function reportConfigProblem(
  problem: ConfigProblem,
  s: LauncherStrings,
  firstTime: boolean,
): SameSurfErrorDetail {
  const detail: SameSurfErrorDetail = {
    code: problem.secret ? 'secret' : 'config',
    message: problem.secret ? s.errorSecret : s.errorConfig,
    attribute: problem.attribute,
    cause: new Error(problem.detail),
  };
  if (firstTime) {
    const line = `<samesurf-launcher>: ${problem.attribute}: ${problem.detail}`;
    if (problem.secret) console.error(line);
    else console.warn(line);
  }
  return detail;
}
