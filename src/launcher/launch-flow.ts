/**
 * What one click does, from the checked configuration to an open dialog or tab, or a clear
 * failure. Lives in the lazily loaded chunk; the element hands it a narrow view of itself.
 */
import { emit, type SameSurfErrorDetail } from './events.js';
import type { LaunchConfig } from './config.js';
import { describeFailure } from './messages.js';
import { forgetInvitation, saveInvitation, type Invitation } from './session.js';
import { startSession } from './start-session.js';
import type { LauncherStrings } from './strings.js';

/** The element's state that render() shows. */
export interface UiState {
  status: 'idle' | 'busy' | 'error';
  invitation?: Invitation;
  failure?: SameSurfErrorDetail;
  configProblem?: SameSurfErrorDetail;
  notice: string;
  inlineStatus: string;
  blockedLink?: string;
}

export interface LaunchHost {
  el: HTMLElement;
  ui(): UiState;
  set(patch: Partial<UiState>): void;
  prepare(): Promise<LaunchConfig | undefined>;
  show(): Promise<void>;
  strings(): LauncherStrings;
  isOpen(): boolean;
}

/** Resolves true once the room is open; false when it failed (reported) or was cancelled or aborted (silent). */
export async function runLaunch(host: LaunchHost, tab: Window | null, signal: AbortSignal): Promise<boolean> {
  const { el } = host;
  host.set({ status: 'busy', failure: undefined, inlineStatus: '', blockedLink: undefined });
  try {
    const config = await host.prepare();
    if (!config || signal.aborted) {
      tab?.close();
      host.set({ status: 'idle' });
      return false;
    }
    const result = await startSession(config, host.ui().invitation, {
      signal,
      beforeCreate: (detail) => emit(el, 'samesurf-before-create', detail, true),
      created: (response) => emit(el, 'samesurf-created', response),
      roomGone: () => {
        forgetInvitation(config.key);
        if (!host.isOpen()) host.set({ invitation: undefined });
      },
    });
    if (signal.aborted) throw signal.reason;
    host.set({ status: 'idle' });
    if (result.kind === 'cancelled') {
      tab?.close();
      return false;
    }
    if (result.kind === 'created') {
      host.set({ notice: result.replacedEndedRoom ? host.strings().roomEnded : '' });
      if (result.invitation.mode === 'room') saveInvitation(result.invitation);
    }
    host.set({ invitation: result.invitation });
    if (config.openIn === 'tab') return toTab(host, tab, result.invitation, result.kind === 'reused');
    await host.show();
    return true;
  } catch (err) {
    tab?.close();
    host.set({ status: 'idle' });
    if (signal.aborted || !el.isConnected) return false; // removed or reset mid-request: nothing to say
    const detail = describeFailure(err, host.strings());
    host.set({ failure: detail, status: 'error' });
    emit(el, 'samesurf-error', detail);
    return false;
  }
}

function toTab(host: LaunchHost, tab: Window | null, invitation: Invitation, reused: boolean): boolean {
  const s = host.strings();
  // A limited-use link may be used up once opened: only a room's leader link is worth keeping.
  if (invitation.mode === 'invite') host.set({ invitation: undefined });
  const link = reused ? invitation.rejoinLink : invitation.link;
  if (tab && !tab.closed) {
    tab.opener = null;
    tab.location.replace(link);
    host.set({ inlineStatus: s.tabOpened });
    return true;
  }
  host.set({ blockedLink: link, inlineStatus: s.popupBlocked });
  emit(host.el, 'samesurf-error', { code: 'popup', message: s.popupBlocked });
  return false;
}
