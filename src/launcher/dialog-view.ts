/**
 * The dialog's template: header tools, the guest-invitation panel, the room with its loading and failure states, the
 * leave confirmation.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { expandIcon, externalIcon, inviteIcon, leaveIcon, minimiseIcon } from './icons.js';
import type { LaunchController } from './launch-controller.js';
import type { LauncherStrings } from './strings.js';

export class DialogView {
  #copyState: '' | 'copied' | 'failed' = '';
  #timer?: ReturnType<typeof setTimeout>;
  /** The ended layer was showing at the last update: focus is moved once, as it appears. */
  #endedShown = false;

  /**
   * @param ahead True for the page's launcher readied ahead of intent (see launch.ts seen()): its dialog is rendered
   *   at once, closed and without a room, and stays so between sessions.
   */
  constructor(
    private readonly launch: LaunchController,
    private readonly requestUpdate: () => void,
    private readonly ahead: () => boolean,
    private readonly root: () => ShadowRoot | null,
  ) {}

  hostUpdated(): void {
    const { ended } = this.launch;
    // Focus left inside the room page, which the ended layer now covers, comes back to the dialog.
    const root = ended && !this.#endedShown ? this.root() : null;
    if (root?.activeElement instanceof HTMLIFrameElement)
      root.querySelector<HTMLElement>('[part~="start-new-button"], [part~="leave-button"]')?.focus();
    this.#endedShown = ended;
  }

  /** Copies the guest link, from the clipboard API or, without its permission, from the selected field. */
  #copy = async (e: Event) => {
    const input = (e.target as HTMLElement).closest('[part~="share"]')!.querySelector('input')!;
    let ok: boolean;
    try {
      await navigator.clipboard.writeText(input.value);
      ok = true;
    } catch {
      input.select();
      ok = document.execCommand?.('copy') ?? false;
    }
    this.#copyState = ok ? 'copied' : 'failed';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#copyState = '';
      this.requestUpdate();
    }, 4000);
    this.requestUpdate();
  };

  #toggleShare = () => {
    this.launch.shareOpen = !this.launch.shareOpen;
    this.requestUpdate();
  };

  /** Escape inside the share panel or the leave question closes that first, not the dialog. */
  #onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && (this.launch.shareOpen || this.launch.confirmingLeave)) {
      e.preventDefault();
      e.stopPropagation();
      const back = this.launch.confirmingLeave ? 'leave-button' : 'share-button';
      this.launch.shareOpen = this.launch.confirmingLeave = false;
      this.requestUpdate();
      (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`[part~="${back}"]`)?.focus();
      return;
    }
    this.launch.modal.onKeydown(e);
  };

  #askLeave = async (e: Event) => {
    this.launch.confirmingLeave = true;
    this.launch.shareOpen = false;
    this.requestUpdate();
    const dialog = (e.target as HTMLElement).closest('dialog')!;
    // The question's own "Stay" button takes focus: the safe choice under the keyboard.
    await Promise.resolve();
    requestAnimationFrame(() => dialog.querySelector<HTMLElement>('[part~="confirm"] .stay')?.focus());
  };

  #stay = (e: Event) => {
    this.launch.confirmingLeave = false;
    this.requestUpdate();
    (e.target as HTMLElement).closest('dialog')?.querySelector<HTMLElement>('[part~="leave-button"]')?.focus();
  };

  #toTab = () => {
    // Opened here, inside the click's user activation; the controller gives it a link that still works.
    let tab: Window | null;
    try {
      tab = window.open('', '_blank');
    } catch {
      tab = null;
    }
    void this.launch.moveToTab(tab);
  };

  /** Over the room that had ended: says so, and offers a new one (with what went wrong, if starting it failed). */
  #ended(s: LauncherStrings): TemplateResult {
    const c = this.launch;
    return html`<div part="ended" class="frame-error ended">
      <p>${s.roomEndedNow}</p>
      ${c.failure ? html`<p class="error">${c.failure.message}</p>` : nothing}
      ${
        // A new room is only this launcher's to make in room mode (invite and join modes enter a given room).
        c.config?.mode === 'room'
          ? html`<button class="secondary" part="start-new-button" type="button" ?disabled=${c.busy}
              aria-busy=${c.busy ? 'true' : 'false'} @click=${() => void c.launch()}
              >${c.busy ? s.busy : s.startNew}</button>`
          : nothing
      }
    </div>`;
  }

  /**
   * The dialog (closed, no room in it yet) is rendered while the create request is out, so that its answer finds it
   * there: one task after the click, by when the request has been sent (rendered in the click's own microtasks, it
   * would go out later).
   */
  #early?: 'soon' | 'now';

  render(s: LauncherStrings): TemplateResult | typeof nothing {
    const c = this.launch;
    const inv = c.invitation;
    if (!c.startingInDialog) this.#early = undefined;
    else if (!this.#early) {
      this.#early = 'soon';
      setTimeout(() => {
        if (this.#early !== 'soon' || !c.startingInDialog) return;
        this.#early = 'now';
        this.requestUpdate();
      });
    }
    if (!(inv && c.room.link) && this.#early !== 'now' && !(this.ahead() && c.config && c.config.openIn !== 'tab'))
      return nothing;
    const modal = c.modal;
    const host = inv?.mode !== 'invite';
    // No guests for a room that has ended.
    const share = host && !c.ended && inv?.guestLink;
    const copyStatus = this.#copyState === 'copied' ? s.copied : this.#copyState === 'failed' ? s.copyFailed : '';
    return html`
      <dialog part="dialog" class=${modal.maximized ? 'maximized' : ''} aria-labelledby="title"
        @keydown=${this.#onKeydown} @cancel=${modal.onCancel} @close=${modal.onNativeClose} @click=${modal.onClick}>
        <header part="header">
          <h2 id="title" part="title"><slot name="dialog-title">${s.dialogTitle}</slot></h2>
          <div class="tools">
            ${
              share
                ? html`<button class="tool" part="share-button" type="button"
                  aria-expanded=${c.shareOpen ? 'true' : 'false'} aria-controls="share" title=${s.invite}
                  @click=${this.#toggleShare}>${inviteIcon}<span class="text">${s.invite}</span></button>`
                : nothing
            }
            <button class="tool" part="fullscreen-button" type="button"
              aria-pressed=${modal.fullscreen ? 'true' : 'false'} title=${s.fullscreen}
              @click=${modal.toggleFullscreen}>
              ${expandIcon}<span class="text">${s.fullscreen}</span>
            </button>
            <button class="tool" part="tab-button" type="button" title=${s.openInTab}
              @click=${this.#toTab}>${externalIcon}<span class="text">${s.openInTab}</span></button>
            <button class="tool" part="minimise-button" type="button" title=${s.minimise} autofocus
              @click=${() => void c.minimise('minimise-button')}>
              ${minimiseIcon}<span class="text">${s.minimise}</span>
            </button>
            <button class="tool danger" part="leave-button" type="button" title=${s.leave}
              aria-expanded=${c.confirmingLeave ? 'true' : 'false'} @click=${this.#askLeave}>
              ${leaveIcon}<span class="text">${s.leave}</span>
            </button>
          </div>
        </header>
        ${
          share
            ? html`<div part="share" class="share" id="share" role="group" aria-labelledby="share-label"
                ?hidden=${!c.shareOpen}>
              <label id="share-label" for="guest-link">${s.shareLabel}</label>
              <input id="guest-link" type="text" readonly .value=${share}
                @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <button class="secondary" part="copy-button" type="button" @click=${this.#copy}>${s.copy}</button>
              <div class="notes">
                <span class="copied" role="status">${copyStatus}</span>
                <p class="hint">${s.shareHint}</p>
              </div>
            </div>`
            : nothing
        }
        <div part="stage" class="stage">
          ${
            c.room.link
              ? keyed(
                  c.room.generation,
                  html`<iframe part="frame" title=${s.frameTitle} src=${c.room.link} @load=${c.room.onLoad}
                    ?inert=${c.confirmingLeave}
                    allow="camera; microphone; display-capture; fullscreen; clipboard-write"></iframe>`,
                )
              : nothing
          }
          <div part="loading" class="loading" ?hidden=${c.room.state !== 'loading'}>
            <span class="spinner" aria-hidden="true"></span><span>${s.loadingRoom}</span>
          </div>
          ${c.ended ? this.#ended(s) : nothing}
          <div part="frame-error" class="frame-error" ?hidden=${c.room.state !== 'failed' || c.ended}>
            <p>${s.roomLoadFailed}</p>
            <button class="secondary" type="button" @click=${c.room.reload}>${s.retry}</button>
          </div>
          ${
            c.confirmingLeave
              ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="leave-question"
                  aria-describedby=${host ? 'leave-note' : nothing}>
                <p id="leave-question"><strong>${s.leaveQuestion}</strong></p>
                ${host ? html`<p id="leave-note">${s.leaveHostNote}</p>` : nothing}
                <div class="actions">
                  <button class="secondary danger" type="button"
                    @click=${() => void c.leave()}>${s.leaveConfirm}</button>
                  <button class="secondary stay" type="button" @click=${this.#stay}>${s.stay}</button>
                </div>
              </div>`
              : nothing
          }
        </div>
        <span class="sr-only" role="status">${c.live.dialog}</span>
        <slot name="footer"></slot>
      </dialog>
    `;
  }

  /** A reactive controller of the element (see launch.ts attach()): a removed launcher keeps no timer. */
  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
