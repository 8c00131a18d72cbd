/** The saved invitation: what survives a reload (in sessionStorage, with an age limit), so a visitor can rejoin. */
import { isAllowedLink } from './config.js';

export interface Invitation {
  /** The configuration that made it (see LaunchConfig.key). */
  key: string;
  /** `join`: a running room entered as its leader (mode="join"); never saved. */
  mode: 'room' | 'invite' | 'join';
  room: string;
  /** What the visitor opens. */
  link: string;
  /** A link that works again after a reload (room mode: the leader link). */
  rejoinLink: string;
  /** Room and join modes: the follower link to share with a guest. */
  guestLink?: string;
  createdAt: number;
}

const PREFIX = 'samesurf-launcher:';
/** After this, a stored room is not rejoined (SameSurf rooms are for one visit, not for days). */
export const MAX_AGE_MS = 2 * 60 * 60 * 1000;

// Storage can throw (disabled cookies, sandboxed frames): then nothing is kept, and nothing breaks.
function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The saved invitation of the configuration `key`, when it is fresh and its links pass the same check as a
 * fresh answer's (storage is writable by any script of the origin, and `realtime-origin` may have changed
 * since it was saved); otherwise it is forgotten.
 */
export function loadInvitation(key: string, allowedOrigins: string[], now = Date.now()): Invitation | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return undefined;
    const inv = JSON.parse(raw) as Partial<Invitation> | null;
    const fresh = typeof inv?.createdAt === 'number' && now - inv.createdAt < MAX_AGE_MS && now >= inv.createdAt;
    if (
      fresh &&
      inv.key === key &&
      (inv.mode === 'room' || inv.mode === 'invite') &&
      typeof inv.room === 'string' &&
      isAllowedLink(inv.rejoinLink, allowedOrigins) &&
      (inv.guestLink === undefined || isAllowedLink(inv.guestLink, allowedOrigins))
    ) {
      return { ...(inv as Invitation), link: inv.rejoinLink as string };
    }
    forgetInvitation(key);
  } catch {
    /* unreadable: treat as none */
  }
  return undefined;
}

/** Whether anything is saved for `key` (unchecked: loadInvitation checks it). */
export function hasInvitation(key: string): boolean {
  try {
    return !!storage()?.getItem(PREFIX + key);
  } catch {
    return false;
  }
}

export function saveInvitation(inv: Invitation): void {
  try {
    storage()?.setItem(PREFIX + inv.key, JSON.stringify(inv));
  } catch {
    /* full or refused: the room still works for this page view */
  }
}

export function forgetInvitation(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    /* nothing to forget */
  }
}
