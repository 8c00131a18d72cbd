/** The events <samesurf-launcher> fires: all bubble and cross shadow roots. */
import type {
  CreateLimitedUseTokenRequest,
  CreateLimitedUseTokenResponse,
  CreateRoomRequest,
  CreateRoomResponse,
} from '../api/types.js';

/** What `samesurf-error` carries. */
export interface SameSurfErrorDetail {
  /**
   * `config` (an attribute is wrong), `secret` (a secret was found in the page), `link` (an invitation link
   * outside the allowed realtime origins), `popup` (tab mode: the browser blocked the tab), `token`
   * (`token-url` failed), or the client's kind: `api`, `http`, `parse`, `connection`, `offline`, `timeout`;
   * `unknown` for anything else (the message then speaks of the connection).
   */
  code: string;
  /** The sentence shown to the person. */
  message: string;
  /** The API's error code, for `api` errors. */
  errorcode?: number;
  /** The attribute at fault, for `config` and `secret`. */
  attribute?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Where a close request came from. Closing minimises: the session goes on (see `samesurf-leave` for leaving).
 * `leave` and `tab` close the dialog after the visitor left it or moved to a tab, and cannot be cancelled.
 */
export type HideSource = 'minimise-button' | 'keyboard' | 'backdrop' | 'method' | 'leave' | 'tab';

export interface SameSurfHideDetail {
  source: HideSource;
}

/** The request about to be sent; the page may change `request` (e.g. add `session` cookies) or cancel. */
export type SameSurfBeforeCreateDetail =
  { mode: 'room'; request: CreateRoomRequest } | { mode: 'invite'; request: CreateLimitedUseTokenRequest };

/** The API's answer, with `mode` to tell a new room (`room`) from an invitation into one (`invite`). */
export type SameSurfCreatedDetail =
  ({ mode: 'room' } & CreateRoomResponse) | ({ mode: 'invite' } & CreateLimitedUseTokenResponse);

/** The visitor left the session (the room itself runs on until everyone has left). */
export interface SameSurfLeaveDetail {
  room: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samesurf-before-create': CustomEvent<SameSurfBeforeCreateDetail>;
    'samesurf-created': CustomEvent<SameSurfCreatedDetail>;
    'samesurf-show': CustomEvent<Record<string, never>>;
    'samesurf-after-show': CustomEvent<Record<string, never>>;
    'samesurf-hide': CustomEvent<SameSurfHideDetail>;
    'samesurf-after-hide': CustomEvent<Record<string, never>>;
    'samesurf-error': CustomEvent<SameSurfErrorDetail>;
    'samesurf-leave': CustomEvent<SameSurfLeaveDetail>;
  }
}

/** Fires `name` from `target`; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, name: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
