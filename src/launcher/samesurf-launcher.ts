import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Bookmark } from '../api/types.js';
import type { ConfigProblem, LaunchConfig } from './config.js';
import { emit, type SameSurfErrorDetail } from './events.js';
import { closeIcon, expandIcon, externalIcon } from './icons.js';
import { ModalController } from './modal-controller.js';
import { forgetInvitation, loadInvitation, saveInvitation, type Invitation } from './session.js';
import { nearestLang, stringsFor, type LauncherStrings } from './strings.js';
import { launcherStyles } from './styles.js';

type LaunchModule = typeof import('./launch.js');
let launchModule: Promise<LaunchModule> | undefined;
/** The launch code is a chunk of its own, fetched in idle time or on first intent. */
const loadLaunch = () => (launchModule ??= import('./launch.js'));

/** Attributes whose change means a different launch. */
const CONFIG_PROPS = [
  'apiKey', 'startUrl', 'mode', 'room', 'usageLimit', 'leader', 'userName', 'roomTitle',
  'disabledFeatures', 'bookmarks', 'apiBase', 'tokenUrl', 'realtimeOrigin', 'open', 'timeout',
] as const;

/**
 * A button that starts a SameSurf co-browsing session and shows it in an accessible modal.
 *
 * @summary Starts a co-browsing room (or an invitation into one) and opens it in a dialog.
 * @tag samesurf-launcher
 *
 * @attr {'idle'|'busy'|'open'|'error'} state - Read-only, reflected: what the launcher is doing, for page CSS.
 *
 * @slot - The button's label (default "Start co-browsing").
 * @slot icon - An icon before the label.
 * @slot dialog-title - The dialog's heading (default "Co-browsing").
 * @slot footer - Content under the room, inside the dialog.
 *
 * @csspart button - The launch button.
 * @csspart spinner - The busy indicator inside the button.
 * @csspart error - The error message with its retry button (or the configuration message).
 * @csspart retry-button - The retry button.
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The dialog's header bar.
 * @csspart title - The dialog's heading.
 * @csspart fullscreen-button - The full-screen toggle.
 * @csspart tab-link - The "open in a new tab" link.
 * @csspart close-button - The dialog's close button.
 * @csspart frame - The `<iframe>` with the room.
 * @csspart share - The guest-invitation panel (room mode).
 * @csspart copy-button - The copy-link button.
 *
 * @cssprop [--samesurf-accent=#0b57d0] - Button and focus colour.
 * @cssprop [--samesurf-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--samesurf-text=#1d2433] - Text colour in the dialog.
 * @cssprop [--samesurf-muted=#525b6c] - Secondary text.
 * @cssprop [--samesurf-background=#ffffff] - Dialog background.
 * @cssprop [--samesurf-error=#b3261e] - Error accent.
 * @cssprop [--samesurf-radius=10px] - Corner radius of the button and dialog.
 * @cssprop [--samesurf-font=inherit] - Font family (the page's by default).
 * @cssprop [--samesurf-focus-ring=var(--samesurf-accent)] - Focus outline colour.
 * @cssprop [--samesurf-dialog-width=min(1100px, 100vw - 2rem)] - Dialog width.
 * @cssprop [--samesurf-dialog-height=min(800px, 100vh - 2rem)] - Dialog height.
 * @cssprop [--samesurf-backdrop=rgb(15 23 42 / 0.6)] - Backdrop behind the dialog.
 *
 * @fires {CustomEvent<SameSurfBeforeCreateDetail>} samesurf-before-create - Cancelable; `detail.request` may be amended before it is sent.
 * @fires {CustomEvent<SameSurfCreatedDetail>} samesurf-created - The API's answer to the create call.
 * @fires {CustomEvent} samesurf-show - The dialog is about to open.
 * @fires {CustomEvent} samesurf-after-show - The dialog is open.
 * @fires {CustomEvent<SameSurfHideDetail>} samesurf-hide - Cancelable (except from `hide()`): the dialog is about to close; `detail.source` says why.
 * @fires {CustomEvent} samesurf-after-hide - The dialog is closed and focus is back on the button.
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - Something failed: `{ code, message, errorcode?, attribute?, cause? }`.
 */
export class SameSurfLauncher extends LitElement {
  static override styles = launcherStyles;

  /** An API key with the "none" algorithm enabled. Never a secret. */
  @property({ attribute: 'api-key' }) apiKey?: string;
  /** The first page shown in a new room. */
  @property({ attribute: 'start-url' }) startUrl?: string;
  /** `room`: create a room and enter as its leader; `invite`: a limited-use invitation into `room`. */
  @property() mode: 'room' | 'invite' = 'room';
  /** The room number, for `invite` mode. */
  @property() room?: string;
  /** How many times an invitation works (invite mode; default 1). */
  @property({ attribute: 'usage-limit' }) usageLimit?: number | string;
  /** Invite mode: the visitor becomes leader if first to enter. */
  @property({ type: Boolean }) leader = false;
  /** The visitor's name in the room. */
  @property({ attribute: 'user-name' }) userName?: string;
  /** The room's title, shown in analytics (the API's `title`). */
  @property({ attribute: 'room-title' }) roomTitle?: string;
  /** Features to disable, space- or comma-separated (e.g. `TOOLS_VIDEO_CHAT MODE_LOGOUT`). */
  @property({ attribute: 'disabled-features' }) disabledFeatures?: string;
  /** Bookmarks for the room: JSON `[{"name","link"}]` as an attribute, or an array as a property. */
  @property() bookmarks?: string | Bookmark[];
  /** The API's root: the emulator's, or your proxy's path (then no key is needed in the page). */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Your endpoint that answers `POST {call}` with `{ token }`, a bearer token minted on your server. */
  @property({ attribute: 'token-url' }) tokenUrl?: string;
  /** Space-separated origins whose invitation links may be opened (default `https://realtime.samesurf.com`). */
  @property({ attribute: 'realtime-origin' }) realtimeOrigin?: string;
  /** Milliseconds to wait for each API call before giving up (default 15000). */
  @property({ type: Number }) timeout?: number;
  /** `modal` (default) or `tab`: where the room opens. */
  @property() open: 'modal' | 'tab' = 'modal';
  /** Overrides for any built-in string. */
  @property({ attribute: false }) strings: Partial<LauncherStrings> = {};

  @state() private status: 'idle' | 'busy' | 'error' = 'idle';
  @state() private invitation?: Invitation;
  @state() private failure?: SameSurfErrorDetail;
  @state() private configProblem?: SameSurfErrorDetail;
  @state() private notice = '';
  @state() private inlineStatus = '';
  @state() private blockedLink?: string;
  @state() private copyState: '' | 'copied' | 'failed' = '';

  @query('[part~="button"]') private button?: HTMLButtonElement;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~="share"] input') private shareInput?: HTMLInputElement;

  #modal = new ModalController(this, () => this.dialog ?? undefined, () => this.button?.focus());
  #pending?: Promise<boolean>;
  #abort?: AbortController;
  #idle?: number;
  #reported?: string;
  #secretProperty = false;
  #copyTimer?: ReturnType<typeof setTimeout>;

  /** Refused: a secret must never be given to a page. Setting it disables the launcher. */
  set apiSecret(_value: unknown) {
    this.#secretProperty = true;
    void this.#prepare();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1));
    this.#idle = idle(() => void this.#prepare());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    (window.cancelIdleCallback ?? window.clearTimeout)(this.#idle!);
    this.#abort?.abort();
    clearTimeout(this.#copyTimer);
    this.status = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && CONFIG_PROPS.some((p) => changed.has(p))) void this.#prepare();
  }

  protected override updated(): void {
    const state = this.configProblem || this.status === 'error' ? 'error' : this.status === 'busy' ? 'busy' : this.#modal.isOpen ? 'open' : 'idle';
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
  }

  /** Starts (or re-enters) co-browsing. Resolves true once it is open; false when it failed (see samesurf-error) or was cancelled. Never rejects. */
  launch(): Promise<boolean> {
    if (this.#pending) return this.#pending;
    // Opened now, inside the click's user activation, or a popup blocker would stop it after the request.
    const tab = this.open === 'tab' ? this.#blankTab() : null;
    this.#pending = this.#launch(tab).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Opens the dialog on the current session, or launches one. Resolves once it is open. */
  async show(): Promise<void> {
    if (!this.invitation || this.open === 'tab') {
      await this.launch();
      return;
    }
    await this.#modal.open();
  }

  /** Closes the dialog; the room stays open for the next click. Resolves once it is closed. */
  async hide(): Promise<void> {
    if (!this.#modal.isOpen) return;
    emit(this, 'samesurf-hide', { source: 'method' });
    await this.#modal.close();
  }

  /** Forgets the current session (the next click creates a new one) and closes the dialog. */
  async reset(): Promise<void> {
    this.#abort?.abort();
    await this.#pending;
    await this.#modal.close();
    if (this.invitation) forgetInvitation(this.invitation.key);
    this.invitation = undefined;
    this.failure = undefined;
    this.notice = this.inlineStatus = '';
    this.blockedLink = undefined;
    this.status = 'idle';
    await this.updateComplete;
  }

  #strings(): LauncherStrings {
    return stringsFor(nearestLang(this), this.strings);
  }

  /** Reads and checks the attributes (loading the launch code), reports a bad one once. */
  async #prepare(): Promise<LaunchConfig | undefined> {
    const mod = await loadLaunch();
    const result = mod.readConfig({ ...this.#attributes(), attributeNames: this.getAttributeNames(), secretProperty: this.#secretProperty });
    if (!result.ok) {
      this.#reportConfig(result.problem);
      return undefined;
    }
    this.configProblem = undefined;
    this.#reported = undefined;
    mod.preload(result.config);
    if (!this.invitation && result.config.mode === 'room') this.invitation = loadInvitation(result.config.key);
    return result.config;
  }

  #attributes() {
    const a: Record<string, unknown> = {};
    for (const p of CONFIG_PROPS) a[p] = this[p];
    return a;
  }

  #reportConfig(problem: ConfigProblem): void {
    const s = this.#strings();
    const detail: SameSurfErrorDetail = {
      code: problem.secret ? 'secret' : 'config',
      message: problem.secret ? s.errorSecret : s.errorConfig,
      attribute: problem.attribute,
    };
    this.configProblem = detail;
    const id = `${problem.attribute}|${problem.detail}`;
    if (this.#reported === id) return;
    this.#reported = id;
    const line = `<samesurf-launcher>: ${problem.attribute}: ${problem.detail}`;
    if (problem.secret) console.error(line);
    else console.warn(line);
    emit(this, 'samesurf-error', { ...detail, cause: new Error(problem.detail) });
  }

  async #launch(tab: Window | null): Promise<boolean> {
    const abort = (this.#abort = new AbortController());
    this.status = 'busy';
    this.failure = undefined;
    this.inlineStatus = '';
    this.blockedLink = undefined;
    let mod: LaunchModule | undefined;
    try {
      const config = await this.#prepare();
      if (!config || abort.signal.aborted) {
        tab?.close();
        this.status = 'idle';
        return false;
      }
      mod = await loadLaunch();
      const result = await mod.startSession(config, this.invitation, {
        signal: abort.signal,
        beforeCreate: (detail) => emit(this, 'samesurf-before-create', detail, true),
        created: (response) => emit(this, 'samesurf-created', response),
        roomGone: () => {
          forgetInvitation(config.key);
          if (!this.#modal.isOpen) this.invitation = undefined;
        },
      });
      if (abort.signal.aborted) throw abort.signal.reason;
      this.status = 'idle';
      if (result.kind === 'cancelled') {
        tab?.close();
        return false;
      }
      if (result.kind === 'created') {
        this.notice = result.replacedEndedRoom ? this.#strings().roomEnded : '';
        if (result.invitation.mode === 'room') saveInvitation(result.invitation);
      }
      this.invitation = result.invitation;
      if (config.openIn === 'tab') return this.#toTab(tab, result.invitation, result.kind === 'reused');
      await this.show();
      return true;
    } catch (err) {
      tab?.close();
      this.status = 'idle';
      if (abort.signal.aborted || !this.isConnected) return false; // removed or reset mid-request: nothing to say
      const s = this.#strings();
      const detail = mod ? mod.describeFailure(err, s) : { code: 'connection', message: s.errorConnection, cause: err };
      this.failure = detail;
      this.status = 'error';
      emit(this, 'samesurf-error', detail);
      return false;
    }
  }

  #blankTab(): Window | null {
    try {
      return window.open('', '_blank');
    } catch {
      return null;
    }
  }

  #toTab(tab: Window | null, invitation: Invitation, reused: boolean): boolean {
    const s = this.#strings();
    // A limited-use link may be used up once opened: only a room's leader link is worth keeping.
    if (invitation.mode === 'invite') this.invitation = undefined;
    const link = reused ? invitation.rejoinLink : invitation.link;
    if (tab && !tab.closed) {
      tab.opener = null;
      tab.location.replace(link);
      this.inlineStatus = s.tabOpened;
      return true;
    }
    this.blockedLink = link;
    this.inlineStatus = s.popupBlocked;
    emit(this, 'samesurf-error', { code: 'popup', message: s.popupBlocked });
    return false;
  }

  #copy = async () => {
    const link = this.invitation?.guestLink ?? '';
    let ok = false;
    try {
      await navigator.clipboard.writeText(link);
      ok = true;
    } catch {
      // No clipboard permission (or an older browser): copy from the selected field.
      this.shareInput?.select();
      ok = document.execCommand?.('copy') ?? false;
    }
    this.copyState = ok ? 'copied' : 'failed';
    clearTimeout(this.#copyTimer);
    this.#copyTimer = setTimeout(() => (this.copyState = ''), 4000);
  };

  #onClick = () => void this.launch();
  #warm = () => void this.#prepare();

  protected override render(): TemplateResult {
    const s = this.#strings();
    // One outer template, so that the dialog (and the room in it) is the same DOM whatever else renders.
    const dialog = this.invitation && this.open !== 'tab' ? this.#renderDialog(s, this.invitation) : nothing;
    return html`${this.configProblem
      ? html`<p part="error" role="alert"><span>${this.configProblem.message}</span></p>`
      : this.#renderLauncher(s)}${dialog}`;
  }

  #renderLauncher(s: LauncherStrings): TemplateResult {
    const busy = this.status === 'busy';
    const label = busy ? s.busy : this.invitation && this.open !== 'tab' ? s.rejoin : undefined;
    return html`
      <button part="button" type="button" aria-busy=${busy ? 'true' : 'false'} @click=${this.#onClick} @pointerenter=${this.#warm} @focus=${this.#warm}>
        ${busy ? html`<span part="spinner" aria-hidden="true"></span>` : html`<slot name="icon"></slot>`}
        <span>${label ?? html`<slot>${s.start}</slot>`}</span>
      </button>
      <p class="status" role="status">${this.inlineStatus}${this.blockedLink
          ? html` <a href=${this.blockedLink} target="_blank" rel="noopener noreferrer">${s.openInTab}</a>`
          : nothing}</p>
      <div role="alert">
        ${this.failure
          ? html`<div part="error"><p>${this.failure.message}</p>
              <button class="secondary" part="retry-button" type="button" @click=${this.#onClick}>${s.retry}</button></div>`
          : nothing}
      </div>
    `;
  }

  #renderDialog(s: LauncherStrings, inv: Invitation): TemplateResult {
    const modal = this.#modal;
    return html`
      <dialog part="dialog" class=${modal.maximized ? 'maximized' : ''} aria-labelledby="title"
        @keydown=${modal.onKeydown} @cancel=${modal.onCancel} @close=${modal.onNativeClose} @click=${modal.onClick}>
        <header part="header">
          <h2 id="title" part="title"><slot name="dialog-title">${s.dialogTitle}</slot></h2>
          <button class="tool" part="fullscreen-button" type="button" aria-pressed=${modal.fullscreen ? 'true' : 'false'} @click=${modal.toggleFullscreen}>
            ${expandIcon}<span class="text">${s.fullscreen}</span>
          </button>
          <a class="tool" part="tab-link" href=${inv.link} target="_blank" rel="noopener noreferrer">${externalIcon}<span class="text">${s.openInTab}</span></a>
          <button class="tool" part="close-button" type="button" aria-label=${s.close} autofocus @click=${() => modal.requestClose('close-button')}>${closeIcon}</button>
        </header>
        <p class="notice" role="status">${this.notice}</p>
        <iframe part="frame" title=${s.frameTitle} src=${inv.link} allow="camera; microphone; display-capture; fullscreen; clipboard-write"></iframe>
        ${inv.mode === 'room' && inv.guestLink
          ? html`<div part="share">
              <label for="guest-link">${s.shareLabel}</label>
              <input id="guest-link" type="text" readonly .value=${inv.guestLink} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <button class="secondary" part="copy-button" type="button" @click=${this.#copy}>${s.copy}</button>
              <span class="copied" role="status">${this.copyState === 'copied' ? s.copied : this.copyState === 'failed' ? s.copyFailed : ''}</span>
              <p class="hint">${s.shareHint}</p>
            </div>`
          : nothing}
        <slot name="footer"></slot>
      </dialog>
    `;
  }
}
