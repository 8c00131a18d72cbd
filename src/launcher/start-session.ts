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
  { kind: 'reused'; invitation: Invitation } | { kind: 'created'; invitation: Invitation } | { kind: 'cancelled' };

/** Warms up what the first click needs (jsrsasign when the page signs its own tokens). */
export function preload(config: LaunchConfig): void {
  if (config.client.apiKey) void loadJsrsasign().catch(() => undefined);
}

function allowed(link: unknown, config: LaunchConfig): string {
  if (!isAllowedLink(link, config.allowedOrigins)) throw new LinkRefusedError(String(link));
  return link as string;
}

/** A session kept from before, if it belongs to this configuration and its links still pass today's check. */
export function reusable(config: LaunchConfig, previous: Invitation | undefined): Invitation | undefined {
  if (!previous || previous.key !== config.key) return undefined;
  // realtime-origin may have changed since the links were saved.
  const links = [previous.link, previous.rejoinLink, previous.guestLink];
  return links.every((l) => l === undefined || isAllowedLink(l, config.allowedOrigins)) ? previous : undefined;
}

/**
 * Whether the room of `inv` still runs (`find`). Only the API's "no such room" answers (102, 103) say no: through a
 * proxy that does not allow `find`, or on a passing fault, the room is most likely still there.
 */
export async function roomStillRuns(config: LaunchConfig, inv: Invitation, signal: AbortSignal): Promise<boolean> {
  if (inv.mode === 'invite') return true; // an invitation's room is the site's: not ours to check
  const client = new SameSurfClient({ ...config.client, maxRetries: 0 });
  try {
    await client.findRoom({ room: inv.room }, { signal });
    return true;
  } catch (err) {
    if (err instanceof SameSurfError && err.kind === 'aborted') throw err;
    return !(err instanceof SameSurfError && (err.errorcode === 102 || err.errorcode === 103));
  }
}

/** Invite mode, moving to a tab: the invitation's link works a limited number of times and the frame used one. */
export async function freshInvitationLink(config: LaunchConfig): Promise<string> {
  const client = new SameSurfClient({ ...config.client, maxRetries: 0 });
  return (await client.createLimitedUseToken({ ...config.invite! })).link;
}

/**
 * Re-enters `previous` when its room still runs (checked first: for a tab, which cannot be told afterwards), or makes
 * a new room or invitation. Only one request is in flight at a time; none is retried.
 */
export async function startSession(
  config: LaunchConfig,
  previous: Invitation | undefined,
  hooks: SessionHooks,
): Promise<SessionResult> {
  const client = new SameSurfClient({ ...config.client, maxRetries: 0 });
  const opts = { signal: hooks.signal };
  const kept = reusable(config, previous);
  if (previous && !kept) hooks.roomGone();
  else if (kept) {
    if (await roomStillRuns(config, kept, hooks.signal)) return { kind: 'reused', invitation: kept };
    hooks.roomGone();
  }

  if (config.mode === 'join') return { kind: 'created', invitation: await joinAsLeader(client, config, hooks.signal) };

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
    return { kind: 'created', invitation };
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
  return { kind: 'created', invitation };
}

/**
 * Join mode: a running room (an agent's portal, say), entered as its leader. `find` gives the room's tokens and its
 * follower link; the leader link is that link with the leader token in the token's place, as the API's links are
 * made (`https://realtime.samesurf.com/{room}/{token}`). A proxy that keeps leader tokens from the page leaves the
 * follower link, and the agent joins as a follower.
 */
async function joinAsLeader(client: SameSurfClient, config: LaunchConfig, signal: AbortSignal): Promise<Invitation> {
  const res = await client.findRoom({ room: config.room! }, { signal });
  const guestLink = allowed(res.publicinvitation, config);
  let link = guestLink;
  if (typeof res.leadertoken === 'string' && res.leadertoken !== '') {
    const url = new URL(guestLink);
    url.pathname = url.pathname.replace(/[^/]*$/, encodeURIComponent(res.leadertoken));
    link = allowed(url.href, config);
  }
  return { key: config.key, mode: 'join', room: res.room, link, rejoinLink: link, guestLink, createdAt: Date.now() };
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
