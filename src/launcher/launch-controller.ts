/**
 * The one owner of the launch state and of the visitor's session lifecycle: idle → starting → open ⇄ minimised,
 * → left; error from starting. The element keeps its properties, the lazy load and its render; one click crosses
 * into this chunk once (`launch`) and everything past it happens here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { configFor, type LauncherAttributes, type LaunchConfig } from './config.js';
import { emit, type HideSource, type SameSurfErrorDetail } from './events.js';
import { describeFailure } from './messages.js';
import { LiveRegions } from './live-regions.js';
import { ModalController } from './modal-controller.js';
import { RoomCheck } from './room-check.js';
import { RoomFrame } from './room-frame.js';
import { linkForTab, RoomTab } from './room-tab.js';
import { forgetInvitation, loadInvitation, saveInvitation, type Invitation } from './saved-invitation.js';
import { freshInvitationLink, preload, reportConfigProblem, reusable, startSession } from './start-session.js';
import type { LauncherStrings } from './strings.js';

export type Phase = 'idle' | 'starting' | 'open' | 'minimised' | 'error' | 'left';

/** What the element gives its controller: reads of its own properties and parts, nothing that acts. */
export interface LauncherIO {
  attributes(): LauncherAttributes;
  strings(): LauncherStrings;
  button(): HTMLButtonElement | undefined;
  dialog(): HTMLDialogElement | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

export class LaunchController implements ReactiveController {
  readonly modal: ModalController;
  invitation?: Invitation;
  failure?: SameSurfErrorDetail;
  configProblem?: SameSurfErrorDetail;
  /** Shown under the button (tab opened, popup blocked, left). */
  inlineStatus = '';
  statusIsError = false;
  blockedLink?: string;
  /** What the live regions say. */
  readonly live: LiveRegions;
  /** The room page in the dialog. */
  readonly room: RoomFrame;
  shareOpen = false;
  confirmingLeave = false;
  /** The re-entered room had ended (found out after the dialog opened): the dialog says so and offers a new one. */
  ended = false;

  #pending?: Promise<boolean>;
  /** From the click until the room is there to show (not while the dialog's entrance finishes). */
  #starting = false;
  #abort?: AbortController;
  /** The background check that a re-entered room still runs. */
  readonly #check = new RoomCheck();
  #config?: LaunchConfig;
  #reported?: string;
  #left = false;
  /** The invitation's own link has been loaded once: a one-time link is spent, re-entry uses the rejoin link. */
  #spent = false;
  /** The tab the session moved to (or opened in): while it is open, the button brings it forward instead. */
  readonly #tab = new RoomTab();

  constructor(
    private readonly host: Host,
    private readonly io: LauncherIO,
  ) {
    host.addController(this);
    this.live = new LiveRegions(() => host.requestUpdate());
    this.room = new RoomFrame(
      () => host.requestUpdate(),
      () => this.live.sayInDialog(this.io.strings().roomLoadFailed),
      () => this.#config?.client.timeoutMs,
      () => this.invitation && this.#config && !this.ended && this.#verify(this.#config, this.invitation),
    );
    this.modal = new ModalController(
      host,
      io.dialog,
      () => io.button()?.focus(),
      () => this.#afterClose(),
    );
  }

  get phase(): Phase {
    if (this.modal.isOpen) return 'open';
    // A failure is final for this launch even before its promise settles; a retry clears it first.
    if (this.failure) return 'error';
    if (this.#starting) return 'starting';
    // A session to return to: the dialog minimised, or one saved before a reload (in a tab, each click opens anew).
    if (this.invitation && this.#config?.openIn !== 'tab') return 'minimised';
    return this.#left ? 'left' : 'idle';
  }

  /** Every string in the element's language, with the page's overrides. */
  strings(): LauncherStrings {
    return this.io.strings();
  }

  /** True while the tab this launcher opened for the session is still open. */
  get inTab(): boolean {
    return this.#tab.open;
  }

  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /** Starting a session that will show in the dialog (not in a tab). */
  get startingInDialog(): boolean {
    return this.phase === 'starting' && this.#config?.openIn !== 'tab';
  }

  /** The configuration as last read (undefined before, or while it has a problem). */
  get config(): LaunchConfig | undefined {
    return this.#config;
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#check.stop();
    this.room.dispose();
  }

  /** Reads and checks the attributes; reports a bad one once (event + console), and warms up what a click needs. */
  prepare(): LaunchConfig | undefined {
    const result = configFor(this.io.attributes());
    if (!result.ok) {
      const { problem } = result;
      const id = `${problem.attribute}|${problem.detail}`;
      const fresh = this.#reported !== id;
      this.configProblem = reportConfigProblem(problem, this.io.strings(), fresh);
      if (fresh) emit(this.host, 'samesurf-error', this.configProblem);
      this.#reported = id;
      this.#config = undefined;
      this.host.requestUpdate();
      return undefined;
    }
    this.configProblem = undefined;
    this.#reported = undefined;
    this.#config = result.config;
    preload(result.config);
    if (!this.invitation && result.config.mode === 'room') {
      this.invitation = loadInvitation(result.config.key, result.config.allowedOrigins);
      // A saved invitation is re-entered through its rejoin link.
      this.#spent = this.invitation !== undefined;
    }
    this.host.requestUpdate();
    return result.config;
  }

  /** Starts or re-enters the session. `tab`: opened by the element inside the click, for open="tab". */
  launch(tab: Window | null = null): Promise<boolean> {
    if (this.#pending) {
      tab?.close();
      return this.#pending;
    }
    if (this.inTab) {
      // The visitor is in the room in that tab: bring it forward rather than join a second time.
      tab?.close();
      this.#tab.focus();
      this.live.say(this.io.strings().tabOpened);
      return Promise.resolve(true);
    }
    const abort = (this.#abort = new AbortController());
    this.#starting = true;
    this.#pending = this.#run(tab, abort.signal).finally(() => {
      this.#pending = undefined;
      this.#starting = false;
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
    return this.#pending;
  }

  async #run(tab: Window | null, signal: AbortSignal): Promise<boolean> {
    const s = this.io.strings();
    Object.assign(this, { failure: undefined, inlineStatus: '', statusIsError: false, blockedLink: undefined });
    this.#left = false;
    // Re-entering a running session is not "starting" one; a new room after an ended one is, in the open dialog.
    if (this.ended) this.live.sayInDialog(s.busy);
    else if (!this.invitation) this.live.say(s.busy);
    const config = this.prepare();
    if (!config || signal.aborted) {
      tab?.close();
      this.live.say('');
      return false;
    }
    // Re-entering opens at once, in the click's frame; whether the room still runs is checked meanwhile. (A tab is
    // told its link once, so there the check comes first; after "ended", the visitor asked for a new room.)
    const kept = this.ended ? undefined : reusable(config, this.invitation);
    if (kept && config.openIn !== 'tab') {
      this.#starting = false;
      this.#verify(config, kept);
      await this.show();
      return true;
    }
    try {
      const result = await startSession(config, this.ended ? undefined : this.invitation, {
        signal,
        beforeCreate: (detail) => emit(this.host, 'samesurf-before-create', detail, true),
        created: (response) => emit(this.host, 'samesurf-created', response),
        roomGone: () => {
          forgetInvitation(config.key);
          if (!this.modal.isOpen) this.#dropFrame();
        },
      });
      if (signal.aborted) throw signal.reason;
      if (result.kind === 'cancelled') {
        tab?.close();
        this.live.say('');
        return false;
      }
      if (result.kind === 'created') {
        if (result.invitation.mode === 'room') saveInvitation(result.invitation);
        this.#dropFrame();
        this.#spent = false;
        this.ended = false;
      }
      this.invitation = result.invitation;
      this.#starting = config.openIn !== 'tab'; // until the dialog opens (show()): never "live" on the way
      if (!this.#starting) return this.#openInTab(tab, linkForTab(this.invitation!, this.#linkUsed), s);
      await this.show();
      return true;
    } catch (err) {
      tab?.close();
      if (signal.aborted || !this.host.isConnected) {
        this.live.say('');
        return false; // removed or reset mid-request: nothing to say
      }
      this.#fail(describeFailure(err, s));
      return false;
    }
  }

  /** Checks in the background that the re-entered room still runs; if not, the open dialog says it has ended. */
  #verify(config: LaunchConfig, inv: Invitation): void {
    this.#check.start(config, inv, () => {
      if (this.invitation !== inv) return;
      forgetInvitation(inv.key);
      this.ended = true;
      this.shareOpen = this.confirmingLeave = false;
      if (this.modal.isOpen) this.live.sayInDialog(this.io.strings().roomEndedNow);
      else this.#forgetEnded();
      this.host.requestUpdate();
    });
  }

  /** Drops an ended session once its dialog has closed: the next click starts afresh. */
  #forgetEnded(): void {
    this.ended = false;
    this.invitation = undefined;
    this.#dropFrame();
  }

  #fail(detail: SameSurfErrorDetail): void {
    this.failure = detail;
    this.live.say(detail.message);
    emit(this.host, 'samesurf-error', detail);
    this.host.requestUpdate();
  }

  /** Opens the dialog on the current session (loading its room if the frame was unloaded), or launches one. */
  async show(): Promise<void> {
    if (!this.invitation || this.#config?.openIn === 'tab') {
      await this.launch();
      return;
    }
    const link = this.#spent ? this.invitation.rejoinLink : this.invitation.link;
    this.#spent = true;
    // The frame goes into the dialog (rendered while the request was out) before it shows: its page starts loading
    // now, and showModal() lays the dialog out once.
    if (!this.room.link) {
      this.room.load(link);
      await this.host.updateComplete;
    }
    this.#starting = false;
    await this.modal.open();
    this.live.say('');
    // The room may have been found ended while the dialog made its entrance.
    const s = this.io.strings();
    this.live.sayInDialog(this.ended ? s.roomEndedNow : s.opened);
  }

  /** Closes the dialog; the session goes on (minimised). */
  async minimise(source: HideSource = 'method'): Promise<void> {
    if (!this.modal.isOpen) return;
    if (source === 'method') emit(this.host, 'samesurf-hide', { source });
    else if (!emit(this.host, 'samesurf-hide', { source }, true)) return;
    await this.modal.close();
  }

  /** After any close: say what became of the session. */
  #afterClose(): void {
    this.shareOpen = false;
    this.confirmingLeave = false;
    this.live.dialog = '';
    if (this.ended) this.#forgetEnded();
    if (this.invitation && this.room.link) this.live.say(this.io.strings().minimised);
  }

  /** Leaves the session: the frame is unloaded (the room sees the visitor go) and the saved invitation forgotten. */
  async leave(): Promise<void> {
    const inv = this.invitation;
    this.confirmingLeave = false;
    this.#check.stop();
    // Forgotten first, so that the button goes straight back to its label, never "live" while the dialog closes.
    this.invitation = undefined;
    this.#tab.forget();
    this.#left = true;
    if (this.modal.isOpen) {
      emit(this.host, 'samesurf-hide', { source: 'leave' });
      // Unloaded before the dialog closes, so no "minimised" is announced.
      this.#dropFrame();
      await this.modal.close();
    }
    this.#dropFrame();
    if (inv) forgetInvitation(inv.key);
    this.#inline(this.io.strings().left);
    if (inv) emit(this.host, 'samesurf-leave', { room: inv.room });
    this.host.requestUpdate();
  }

  /**
   * Moves the visitor from the dialog to a tab (opened by the caller inside the click): the frame is unloaded first,
   * so they are in the room once, and the tab gets a link that still works (a one-time link is spent by then).
   */
  async moveToTab(tab: Window | null): Promise<boolean> {
    const inv = this.invitation;
    const config = this.#config;
    if (!inv || !config) {
      tab?.close();
      return false;
    }
    this.#dropFrame();
    if (this.modal.isOpen) {
      emit(this.host, 'samesurf-hide', { source: 'tab' });
      await this.modal.close();
    }
    const s = this.io.strings();
    let link = linkForTab(this.invitation!, this.#linkUsed);
    if (!link) {
      try {
        link = await freshInvitationLink(config);
      } catch (err) {
        tab?.close();
        this.#fail(describeFailure(err, s));
        return false;
      }
    }
    return this.#openInTab(tab, link, s);
  }

  /** The invitation's own link was loaded once, or is in the frame now: a tab gets another (see linkForTab). */
  get #linkUsed(): boolean {
    return this.#spent || Boolean(this.room.link);
  }

  #openInTab(tab: Window | null, link: string | undefined, s: LauncherStrings): boolean {
    const inv = this.invitation!;
    this.#spent = true;
    // Only a room's leader link is worth keeping: an invitation's link is used up once opened.
    if (inv.mode === 'invite') this.invitation = undefined;
    if (this.#tab.send(tab, link)) {
      this.#inline(s.tabOpened);
      this.host.requestUpdate();
      return true;
    }
    this.#inline(s.popupBlocked, true, link);
    emit(this.host, 'samesurf-error', { code: 'popup', message: s.popupBlocked });
    this.host.requestUpdate();
    return false;
  }

  /** Forgets the session (the next click makes a new one) and closes the dialog; not a leave event. */
  async reset(): Promise<void> {
    this.#abort?.abort();
    this.#check.stop();
    this.ended = false;
    await this.#pending;
    await this.modal.close();
    if (this.invitation) forgetInvitation(this.invitation.key);
    this.#dropFrame();
    this.#tab.forget();
    this.invitation = this.failure = undefined;
    this.#left = false;
    this.#inline('');
    this.host.requestUpdate();
  }

  /** The line under the button (a link with it when the browser blocked the tab), announced. */
  #inline(text: string, isError = false, blockedLink?: string): void {
    Object.assign(this, { inlineStatus: text, statusIsError: isError, blockedLink });
    this.live.say(text);
  }

  #dropFrame(): void {
    this.shareOpen = false;
    this.room.drop();
  }
}
