import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import type { TokenSource } from '../api/client.js';
import type { Bookmark } from '../api/types.js';
import type { DialogView } from './dialog-view.js';
import { emit } from './events.js';
import { CORE_STRINGS, languageOf, type CoreStrings } from './lang.js';
import type { LaunchController, Phase } from './launch-controller.js';
import { frugal, launchCode, loadLaunch, loadSigner, type LaunchModule } from './lazy-code.js';
import type { LauncherStrings } from './strings.js';
import { launcherStyles } from './styles.js';

/**
 * A button that starts a SameSurf co-browsing session and shows it in an accessible modal.
 *
 * @summary Starts a co-browsing room (or an invitation into one) and opens it in a dialog.
 * @tag samesurf-launcher
 *
 * @attr {'idle'|'busy'|'open'|'live'|'error'} state - Read-only, reflected: what the launcher is doing, for page CSS
 *   (`live`: a session runs minimised).
 *
 * @slot - The button's label (default "Start co-browsing").
 * @slot icon - An icon before the label (default: a pointer; the spinner and the live dot take its place).
 * @slot dialog-title - The dialog's heading (default "Co-browsing").
 * @slot footer - Content under the room, inside the dialog.
 *
 * @csspart button - The launch button.
 * @csspart spinner - The busy indicator inside the button.
 * @csspart live-dot - The "session is live" dot inside the button while the dialog is minimised.
 * @csspart status - The line under the button (opened in a tab, popup blocked, left).
 * @csspart error - The error message with its retry button (or, in development or with `debug`, the configuration
 *   message).
 * @csspart retry-button - The retry button.
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The dialog's header bar.
 * @csspart title - The dialog's heading.
 * @csspart share-button - Opens the guest-invitation panel (room mode).
 * @csspart fullscreen-button - The full-screen toggle.
 * @csspart tab-button - Moves the session to a new tab.
 * @csspart minimise-button - Closes the dialog; the session goes on.
 * @csspart leave-button - Asks to leave the session.
 * @csspart share - The guest-invitation panel (room mode).
 * @csspart copy-button - The copy-link button.
 * @csspart ended - Over the room when the session re-entered had ended: says so, with `start-new-button`.
 * @csspart start-new-button - Starts a new session after the last one ended.
 * @csspart stage - The area that holds the room.
 * @csspart frame - The `<iframe>` with the room.
 * @csspart loading - Shown over the room until it has loaded.
 * @csspart frame-error - Shown when the room did not load, with a retry button.
 * @csspart confirm - The leave question.
 *
 * @cssprop [--samesurf-accent=#0b57d0] - Button and focus colour.
 * @cssprop [--samesurf-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--samesurf-text=#1d2433] - Text colour in the dialog.
 * @cssprop [--samesurf-muted=#525b6c] - Secondary text.
 * @cssprop [--samesurf-background=#ffffff] - Dialog background.
 * @cssprop [--samesurf-error=#b3261e] - Error accent.
 * @cssprop [--samesurf-radius=10px] - Corner radius of the button and dialog (the default of the two below).
 * @cssprop [--samesurf-button-radius=var(--samesurf-radius)] - Corner radius of the button (a pill: 999px).
 * @cssprop [--samesurf-dialog-radius=var(--samesurf-radius)] - Corner radius of the dialog, at most 24px.
 * @cssprop [--samesurf-font=inherit] - Font family (the page's by default).
 * @cssprop [--samesurf-focus-ring=var(--samesurf-accent)] - Focus outline colour.
 * @cssprop [--samesurf-dialog-width=min(1100px, 100vw - 2rem)] - Dialog width.
 * @cssprop [--samesurf-dialog-height=min(800px, 100vh - 2rem)] - Dialog height.
 * @cssprop [--samesurf-backdrop=rgb(15 23 42 / 0.6)] - Backdrop behind the dialog.
 *
 * @fires {CustomEvent<SameSurfBeforeCreateDetail>} samesurf-before-create - Cancelable; `detail.request` may be amended
 *   before it is sent.
 * @fires {CustomEvent<SameSurfCreatedDetail>} samesurf-created - The API's answer to the create call, with `mode`
 *   (`room` or `invite`) to narrow it by.
 * @fires {CustomEvent} samesurf-show - The dialog is about to open.
 * @fires {CustomEvent} samesurf-after-show - The dialog is open.
 * @fires {CustomEvent<SameSurfHideDetail>} samesurf-hide - Cancelable (except from `hide()`, leaving and moving to a
 *   tab): the dialog is about to close; `detail.source` says why. Closing minimises: the session goes on.
 * @fires {CustomEvent} samesurf-after-hide - The dialog is closed and focus is back on the button.
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - Something failed:
 *   `{ code, message, errorcode?, attribute?, cause? }`.
 * @fires {CustomEvent<SameSurfLeaveDetail>} samesurf-leave - The visitor left the session (`detail.room`); the next
 *   click starts a new one.
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
    // Reflected: the theme is styled through the host attribute.
    theme: { reflect: true },
    debug: { type: Boolean },
  };

  /** An API key with the "none" algorithm enabled. Never a secret. */
  apiKey?: string;
  /** The first page shown in a new room. */
  startUrl?: string;
  /**
   * `room`: create a room and enter as its leader; `invite`: a limited-use invitation into `room`; `join`: enter the
   * running `room` as its leader (an agent's portal: through your proxy or `token-url`).
   */
  mode: 'room' | 'invite' | 'join' = 'room';
  /** The room number, for `invite` and `join` modes. */
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
  /**
   * Instead of `token-url`: a function of yours that gives a bearer token for each call (`{ call, signal }`), set
   * before the first click. A property only (read by the launch code: it costs the button nothing).
   */
  declare getToken?: TokenSource;
  /** Space-separated origins whose invitation links may be opened (default `https://realtime.samesurf.com`). */
  realtimeOrigin?: string;
  /**
   * Milliseconds to wait for each API call, its token included, before giving up (default 15000; at most 2147483647).
   */
  timeout?: number;
  /** `modal` (default) or `tab`: where the room opens. */
  open: 'modal' | 'tab' = 'modal';
  /** Overrides for any built-in string. */
  strings?: Partial<LauncherStrings>;
  /** `light`, `dark` or `auto` (default: the visitor's `prefers-color-scheme`). */
  theme?: 'light' | 'dark' | 'auto';
  /** Shows a configuration problem inline on a live site too (it always shows on localhost). */
  debug = false;

  #controller?: LaunchController;
  /** Clicked before the launch code was there: starting, as far as the visitor can tell. */
  #waiting = false;
  #view?: DialogView;
  /** The launch code itself could not be fetched: the one failure the element reports on its own. */
  #loadFailed?: string;
  /** Seen and checked without a controller: a change of attributes is checked again. */
  #checked = false;
  /** The box after the button (see update()), made the first time there is something to put in it. */
  #after?: HTMLElement;
  #secretProperty = false;

  /** Refused: a secret must never be given to a page. Setting it disables the launcher. */
  set apiSecret(_value: unknown) {
    this.#secretProperty = true;
    void this.#prepare();
  }

  /** One observer for every launcher: what a click needs is fetched once one is seen, never for one that is not. */
  static #seen?: IntersectionObserver;

  /**
   * The page's listeners, three for every launcher on it rather than three each: a click on a launch button launches;
   * intent (a pointer over a launcher, touch included, or focus in it) fetches the launch code and makes a controller,
   * so that the click finds them ready. In the capture phase, so that nothing on the page can stop them.
   */
  static #onPage(e: Event): void {
    const path = e.composedPath();
    const at = path.findIndex((n) => n instanceof SameSurfLauncher);
    if (at < 0) return;
    const el = path[at] as SameSurfLauncher;
    // Intent only readies a launcher once: not again for each pointer or focus move inside its open dialog.
    if (e.type !== 'click') void (el.#controller ?? el.#prepare());
    else if (path.slice(0, at).some((n) => (n as Element).classList?.contains('launch'))) void el.launch();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Added once (the same listener again is a no-op).
    for (const type of ['click', 'pointerover', 'focusin'])
      window.addEventListener(type, SameSurfLauncher.#onPage, true);
    if (frugal()) return; // on intent only
    (SameSurfLauncher.#seen ??= new IntersectionObserver((entries, observer) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        const el = e.target as SameSurfLauncher;
        // The code at once (a click may come any moment); the rest in idle time, at the latest after 2 s (a busy or
        // background page may have no idle time for long).
        el.#fetch().catch(() => undefined);
        const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1));
        idle(() => void el.#preload(), { timeout: 2000 });
      }
    })).observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    SameSurfLauncher.#seen?.unobserve(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && [...changed.keys()].some((p) => p !== 'strings' && p !== 'theme' && p !== 'debug'))
      void (this.#controller ? this.#prepare() : this.#checked && this.#preload());
  }

  /**
   * The button's changing attributes and texts, written here when they differ rather than bound in the template: a
   * part per binding would cost every launcher on the page its memory (npm run bench, 1,000 launchers).
   */
  protected override updated(): void {
    const c = this.#controller;
    const phase = this.#phase();
    const button = this.renderRoot.querySelector('.launch')!;
    const label = button.lastElementChild!;
    const s = this.#core();
    // The `state` attribute: the phase, but busy while starting, live while minimised, idle again after leaving.
    const state = c?.configProblem || this.#loadFailed ? 'error' : (STATES[phase] ?? phase);
    write(this, 'state', state);
    write(button, 'hidden', c?.configProblem ? '' : null);
    write(button, 'aria-busy', String(state === 'busy'));
    // The spinner or the live dot, in the icon's place (the styles go by the state attribute): its part says which.
    write(button.firstElementChild!, 'part', state === 'busy' ? 'spinner' : state === 'live' ? 'live-dot' : null);
    write(label, 'data-live', s.rejoin);
    // While live, its name is the live label: Chromium would read the hidden label's slotted text with it.
    write(button, 'aria-label', state === 'live' ? s.rejoin : null);
    write(label.firstElementChild!, '', s.start);
    write(button.nextElementSibling!, '', this.#waiting ? s.busy : (c?.live.launcher ?? ''));
  }

  /**
   * Starts (or re-enters) co-browsing. Resolves true once it is open; false when it failed (see samesurf-error) or
   * was cancelled. Never rejects.
   */
  launch(): Promise<boolean> {
    const c = this.#controller;
    // Opened now, inside the click's user activation, or a popup blocker would stop it after the request.
    let tab: Window | null = null;
    try {
      if (this.open === 'tab' && !c?.busy && !c?.inTab) tab = window.open('', '_blank');
    } catch {
      /* refused (a sandboxed frame): the controller says so */
    }
    // Ready (the usual click, after intent): straight in, the controller renders what changes.
    if (c) return c.launch(tab);
    this.#loadFailed = undefined;
    // A click before the launch code has arrived is answered at once (spinner, "Starting…"); the request goes out
    // the moment the code lands.
    this.#waiting = true;
    this.requestUpdate();
    return this.#load().then(
      (controller) => {
        this.#waiting = false;
        return controller.launch(tab);
      },
      (cause: unknown) => {
        // The launch code itself could not be fetched (offline, blocked by the network).
        this.#waiting = false;
        tab?.close();
        this.#loadFailed = this.#core().failed;
        this.requestUpdate();
        emit(this, 'samesurf-error', { code: 'connection', message: this.#loadFailed, cause });
        return false;
      },
    );
  }

  /** Opens the dialog on the current session, or launches one. Resolves once it is open. */
  async show(): Promise<void> {
    await (await this.#load().catch(() => undefined))?.show();
  }

  /** Minimises the dialog: the session goes on, and the button returns to it. Resolves once it is closed. */
  async hide(): Promise<void> {
    await this.#controller?.minimise('method');
  }

  /** Leaves the session: the room is unloaded (the visitor is no longer in it) and the next click starts a new one. */
  async leave(): Promise<void> {
    await this.#controller?.leave();
  }

  /** Forgets the current session (the next click creates a new one) and closes the dialog. */
  async reset(): Promise<void> {
    await this.#controller?.reset();
    await this.updateComplete;
  }

  /** Fetches what a click needs: the launch code and, for a page that signs its own tokens, the signer, together. */
  #fetch(): Promise<LaunchModule> {
    if (this.apiKey && !this.tokenUrl) void loadSigner();
    return loadLaunch();
  }

  /** Loads the launch code once, and with it the controller, the dialog's view and styles. */
  async #load(): Promise<LaunchController> {
    const mod = await this.#fetch();
    if (!this.#controller) [this.#controller, this.#view] = mod.attach(this, () => this.#secretProperty);
    return this.#controller;
  }

  /** Intent, or something to show: the controller, its dialog's styles, the configuration read and reported. */
  async #prepare(): Promise<void> {
    (await this.#load().catch(() => undefined))?.prepare();
  }

  /**
   * Seen: the code a click needs is fetched and the configuration checked (once per distinct one, shared by alike
   * launchers). A controller is made only when there is something to show; otherwise no render, nothing per launcher.
   */
  async #preload(): Promise<void> {
    const mod = await this.#fetch().catch(() => undefined);
    if (!mod || !this.isConnected) return; // removed meanwhile
    this.#checked = true;
    if (mod.seen(this, this.#secretProperty) || this.#controller) await this.#prepare();
  }

  // A method, not an arrow function in a field: Lit calls it with the element as `this`, and a thousand launchers do
  // not hold a closure each.
  #onRetry(): void {
    // The launch button stays where it is through busy, error and retry: focus waits there, never on <body>.
    this.renderRoot.querySelector<HTMLButtonElement>('.launch')?.focus();
    void this.launch();
  }

  #phase(): Phase {
    return this.#waiting ? 'starting' : (this.#controller?.phase ?? 'idle');
  }

  /** The button's strings, there before the launch code. */
  #core(): CoreStrings {
    return { ...CORE_STRINGS[languageOf(this)], ...this.strings };
  }

  /** The button, the same DOM whatever the state: no template part of its own (each costs every launcher). */
  protected override render(): TemplateResult {
    return buttonTemplate;
  }

  /**
   * What comes after the button, once there is any (the configuration problem or the status lines, then the dialog;
   * or the launch code's own failure): rendered into a box of its own that idle launchers never get.
   */
  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const c = this.#controller;
    const after = c
      ? launchCode!.renderAfterButton(c, this.#view!, this)
      : this.#loadFailed !== undefined
        ? html`<div part="error" class="error">${this.#loadFailed} <button class="secondary" part="retry-button"
            type="button" @click=${this.#onRetry}>${this.#core().retry}</button></div>`
        : nothing;
    if (after !== nothing || this.#after) {
      render(after, (this.#after ??= this.renderRoot.appendChild(document.createElement('div'))), { host: this });
    }
  }
}

/** The `state` attribute where it is not the phase itself. */
const STATES: Partial<Record<Phase, string>> = { starting: 'busy', minimised: 'live', left: 'idle' };

/**
 * Writes an attribute (null: removes it), or with no name the text, only when it differs: each write costs style or
 * layout work, a thousand launchers' worth on a long page.
 */
function write(node: Element, name: string, value: string | null): void {
  if (!name) {
    if (node.textContent !== value) node.textContent = value;
  } else if (node.getAttribute(name) !== value) {
    if (value === null) node.removeAttribute(name);
    else node.setAttribute(name, value);
  }
}

/**
 * The idle button, static: texts, attributes and the icon's state are written in updated(). No space between tags:
 * each node counts a thousand times.
 */
const buttonTemplate = html`<button part="button" class="launch" type="button" aria-busy="false"><span class="glyph"
  aria-hidden="true"></span><slot name="icon"><span class="pointer" aria-hidden="true"></span></slot><span
  class="label"><slot></slot></span></button><span class="sr-only" role="status"></span>`;
