import { LitElement, adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Bookmark } from '../api/types.js';
import type { ConfigProblem, LaunchConfig } from './config.js';
import type { DialogView } from './dialog-view.js';
import { emit, type SameSurfErrorDetail } from './events.js';
import { CORE_STRINGS, languageOf, type CoreStrings } from './lang.js';
import type { ModalController } from './modal-controller.js';
import type { LaunchHost, UiState } from './launch-flow.js';
import type { LauncherStrings } from './strings.js';
import { launcherStyles } from './styles.js';

type LaunchModule = typeof import('./launch.js');
let launchModule: Promise<LaunchModule> | undefined;
/**
 * Everything past the button (configuration, API calls, the dialog, most strings) is a chunk of
 * its own, fetched in idle time after the first render or on the first pointer or focus intent.
 */
const loadLaunch = () =>
  (launchModule ??= import('./launch.js').catch((err: unknown) => {
    launchModule = undefined; // fetch again on the next try
    throw err;
  }));


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
  // Declared here rather than with decorators: the same reactive properties for ~0.7 KB less on the page.
  static override properties = {
    apiKey: { attribute: 'api-key' },
    startUrl: { attribute: 'start-url' },
    mode: {},
    room: {},
    usageLimit: { attribute: 'usage-limit' },
    leader: { type: Boolean },
    userName: { attribute: 'user-name' },
    roomTitle: { attribute: 'room-title' },
    disabledFeatures: { attribute: 'disabled-features' },
    bookmarks: {},
    apiBase: { attribute: 'api-base' },
    tokenUrl: { attribute: 'token-url' },
    realtimeOrigin: { attribute: 'realtime-origin' },
    timeout: { type: Number },
    open: {},
    strings: { attribute: false },
  };

  /** An API key with the "none" algorithm enabled. Never a secret. */
  apiKey?: string;
  /** The first page shown in a new room. */
  startUrl?: string;
  /** `room`: create a room and enter as its leader; `invite`: a limited-use invitation into `room`. */
  mode: 'room' | 'invite' = 'room';
  /** The room number, for `invite` mode. */
  room?: string;
  /** How many times an invitation works (invite mode; default 1). */
  usageLimit?: number | string;
  /** Invite mode: the visitor becomes leader if first to enter. */
  leader = false;
  /** The visitor's name in the room. */
  userName?: string;
  /** The room's title, shown in analytics (the API's `title`). */
  roomTitle?: string;
  /** Features to disable, space- or comma-separated (e.g. `TOOLS_VIDEO_CHAT MODE_LOGOUT`). */
  disabledFeatures?: string;
  /** Bookmarks for the room: JSON `[{"name","link"}]` as an attribute, or an array as a property. */
  bookmarks?: string | Bookmark[];
  /** The API's root: the emulator's, or your proxy's path (then no key is needed in the page). */
  apiBase?: string;
  /** Your endpoint that answers `POST {call}` with `{ token }`, a bearer token minted on your server. */
  tokenUrl?: string;
  /** Space-separated origins whose invitation links may be opened (default `https://realtime.samesurf.com`). */
  realtimeOrigin?: string;
  /** Milliseconds to wait for each API call, its token included, before giving up (default 15000; at most 2147483647). */
  timeout?: number;
  /** `modal` (default) or `tab`: where the room opens. */
  open: 'modal' | 'tab' = 'modal';
  /** Overrides for any built-in string. */
  strings: Partial<LauncherStrings> = {};

  /** Internal state that render() shows: one object, changed through #set(). */
  #ui: UiState = { status: 'idle', notice: '', inlineStatus: '' };

  #set(patch: Partial<UiState>): void {
    Object.assign(this.#ui, patch);
    this.requestUpdate();
  }

  private get button() {
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part~="button"]') ?? undefined;
  }
  private get dialog() {
    return this.renderRoot?.querySelector('dialog') ?? undefined;
  }

  #mod?: LaunchModule;
  #modal?: ModalController;
  #view?: DialogView;
  /** What the launch flow (in the lazy chunk) may see and do. */
  #host: LaunchHost = {
    el: this,
    ui: () => this.#ui,
    set: (patch) => this.#set(patch),
    prepare: () => this.#prepare(),
    show: () => this.show(),
    strings: () => this.#strings(),
    isOpen: () => !!this.#modal?.isOpen,
  };
  #pending?: Promise<boolean>;
  #abort?: AbortController;
  #idle?: number;
  #reported?: string;
  #secretProperty = false;

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
    this.#view?.disconnect();
    this.#set({ status: 'idle' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && [...changed.keys()].some((p) => p !== 'strings')) void this.#prepare();
  }

  protected override updated(): void {
    const state = this.#ui.configProblem || this.#ui.status === 'error' ? 'error' : this.#ui.status === 'busy' ? 'busy' : this.#modal?.isOpen ? 'open' : 'idle';
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
  }

  /** Starts (or re-enters) co-browsing. Resolves true once it is open; false when it failed (see samesurf-error) or was cancelled. Never rejects. */
  launch(): Promise<boolean> {
    if (this.#pending) return this.#pending;
    // Opened now, inside the click's user activation, or a popup blocker would stop it after the request.
    const tab = this.open === 'tab' ? this.#blankTab() : null;
    const abort = (this.#abort = new AbortController());
    this.#pending = this.#load()
      .then(
        (mod) => mod.runLaunch(this.#host, tab, abort.signal),
        (cause: unknown) => {
          // The launch code itself could not be fetched (offline, blocked by the network).
          tab?.close();
          const detail = { code: 'connection', message: this.#core().failed, cause };
          this.#set({ failure: detail, status: 'error' });
          emit(this, 'samesurf-error', detail);
          return false;
        },
      )
      .finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Opens the dialog on the current session, or launches one. Resolves once it is open. */
  async show(): Promise<void> {
    if (!this.#ui.invitation || this.open === 'tab') {
      await this.launch();
      return;
    }
    await this.#modal?.open();
  }

  /** Closes the dialog; the room stays open for the next click. Resolves once it is closed. */
  async hide(): Promise<void> {
    if (!this.#modal?.isOpen) return;
    emit(this, 'samesurf-hide', { source: 'method' });
    await this.#modal.close();
  }

  /** Forgets the current session (the next click creates a new one) and closes the dialog. */
  async reset(): Promise<void> {
    this.#abort?.abort();
    await this.#pending;
    await this.#modal?.close();
    if (this.#ui.invitation) this.#mod?.forgetInvitation(this.#ui.invitation.key);
    this.#set({ invitation: undefined, failure: undefined, notice: '', inlineStatus: '', blockedLink: undefined, status: 'idle' });
    await this.updateComplete;
  }

  /** All strings: only once the launch code is here (every caller runs after it loaded). */
  #strings(): LauncherStrings {
    return this.#mod!.stringsFor(languageOf(this), this.strings);
  }

  /** Loads the launch code once, and with it the dialog's behaviour and styles. */
  async #load(): Promise<LaunchModule> {
    const mod = await loadLaunch();
    if (!this.#mod) {
      this.#mod = mod;
      this.#modal = new mod.ModalController(this, () => this.dialog, () => this.button?.focus());
      this.#view = new mod.DialogView(this.#modal, () => this.requestUpdate());
      adoptStyles(this.renderRoot as ShadowRoot, [launcherStyles, mod.dialogStyles]);
    }
    return mod;
  }

  /** Reads and checks the attributes (loading the launch code), reports a bad one once. */
  async #prepare(): Promise<LaunchConfig | undefined> {
    const mod = await this.#load();
    const result = mod.readConfig({ ...this.#attributes(), attributeNames: this.getAttributeNames(), secretProperty: this.#secretProperty });
    if (!result.ok) {
      this.#reportConfig(mod, result.problem);
      return undefined;
    }
    this.#set({ configProblem: undefined });
    this.#reported = undefined;
    mod.preload(result.config);
    if (!this.#ui.invitation && result.config.mode === 'room') this.#set({ invitation: mod.loadInvitation(result.config.key, result.config.allowedOrigins) });
    return result.config;
  }

  /** Every attribute's property (all public properties but `strings`). */
  #attributes() {
    const a: Record<string, unknown> = {};
    for (const p of Object.keys(SameSurfLauncher.properties)) a[p] = this[p as keyof this];
    return a;
  }

  #reportConfig(mod: LaunchModule, problem: ConfigProblem): void {
    const id = `${problem.attribute}|${problem.detail}`;
    const detail = mod.reportConfigProblem(problem, this.#strings(), this.#reported !== id);
    this.#set({ configProblem: detail });
    if (this.#reported === id) return;
    this.#reported = id;
    emit(this, 'samesurf-error', detail);
  }

  #blankTab(): Window | null {
    try {
      return window.open('', '_blank');
    } catch {
      return null;
    }
  }

  #onClick = () => void this.launch();
  #warm = () => void this.#prepare();

  /** The button's strings, there before the launch code. */
  #core(): CoreStrings {
    return { ...CORE_STRINGS[languageOf(this)], ...this.strings };
  }

  protected override render(): TemplateResult {
    const inv = this.#ui.invitation;
    // One outer template, so that the dialog (and the room in it) is the same DOM whatever else renders.
    const dialog = inv && this.#view && this.open !== 'tab' ? this.#view.render(this.#strings(), inv, this.#ui.notice) : nothing;
    return html`${this.#ui.configProblem
      ? html`<p part="error" role="alert"><span>${this.#ui.configProblem.message}</span></p>`
      : this.#renderLauncher(this.#core())}${dialog}`;
  }

  #renderLauncher(s: CoreStrings): TemplateResult {
    const busy = this.#ui.status === 'busy';
    const label = busy ? s.busy : this.#ui.invitation && this.open !== 'tab' ? s.rejoin : undefined;
    return html`
      <button part="button" type="button" aria-busy=${busy ? 'true' : 'false'} @click=${this.#onClick} @pointerenter=${this.#warm} @focus=${this.#warm}>
        ${busy ? html`<span part="spinner" aria-hidden="true"></span>` : html`<slot name="icon"></slot>`}
        <span>${label ?? html`<slot>${s.start}</slot>`}</span>
      </button>
      <p class="status" role="status">${this.#ui.inlineStatus}${this.#ui.blockedLink
          ? html` <a href=${this.#ui.blockedLink} target="_blank" rel="noopener noreferrer">${this.#strings().openInTab}</a>`
          : nothing}</p>
      <div role="alert">
        ${this.#ui.failure
          ? html`<div part="error"><p>${this.#ui.failure.message}</p>
              <button class="secondary" part="retry-button" type="button" @click=${this.#onClick}>${s.retry}</button></div>`
          : nothing}
      </div>
    `;
  }
}
