/**
 * The tab a session opened in or moved to: pointed at the room with no opener (the room's page cannot reach this
 * one), and brought forward by the next click while it is still open.
 */
import type { Invitation } from './saved-invitation.js';

/**
 * A link for a tab that still works: the invitation's own while it is unused (not loaded, not in the frame), else the
 * room's rejoin (leader) link, or none in invite mode (an invitation's link is spent once used).
 */
export function linkForTab(inv: Invitation, used: boolean): string | undefined {
  if (!used) return inv.link;
  return inv.mode === 'invite' ? undefined : inv.rejoinLink;
}

export class RoomTab {
  #tab?: Window;

  get open(): boolean {
    return this.#tab !== undefined && !this.#tab.closed;
  }

  /** Points `tab` (opened by the element inside the click) at `link`; false, and the tab closed, when it cannot. */
  send(tab: Window | null, link: string | undefined): boolean {
    if (!link || !tab || tab.closed) {
      tab?.close();
      return false;
    }
    tab.opener = null;
    tab.location.replace(link);
    this.#tab = tab;
    return true;
  }

  focus(): void {
    this.#tab?.focus();
  }

  /** The visitor's own now (with no opener, for safety, this page cannot close it). */
  forget(): void {
    this.#tab = undefined;
  }
}
