/** The dialog's template and its share panel, loaded with the launch code. */
import { html, nothing, type TemplateResult } from 'lit';
import { closeIcon, expandIcon, externalIcon } from './icons.js';
import type { ModalController } from './modal-controller.js';
import type { Invitation } from './session.js';
import type { LauncherStrings } from './strings.js';

export class DialogView {
  #copyState: '' | 'copied' | 'failed' = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly modal: ModalController,
    private readonly requestUpdate: () => void,
  ) {}

  /** Copies the guest link, from the clipboard API or, without its permission, from the selected field. */
  #copy = async (e: Event) => {
    const input = (e.target as HTMLElement).parentElement!.querySelector('input')!;
    let ok = false;
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

  render(s: LauncherStrings, inv: Invitation, notice: string): TemplateResult {
    const modal = this.modal;
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
        <p class="notice" role="status">${notice}</p>
        <iframe part="frame" title=${s.frameTitle} src=${inv.link} allow="camera; microphone; display-capture; fullscreen; clipboard-write"></iframe>
        ${inv.mode === 'room' && inv.guestLink
          ? html`<div part="share">
              <label for="guest-link">${s.shareLabel}</label>
              <input id="guest-link" type="text" readonly .value=${inv.guestLink} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <button class="secondary" part="copy-button" type="button" @click=${this.#copy}>${s.copy}</button>
              <span class="copied" role="status">${this.#copyState === 'copied' ? s.copied : this.#copyState === 'failed' ? s.copyFailed : ''}</span>
              <p class="hint">${s.shareHint}</p>
            </div>`
          : nothing}
        <slot name="footer"></slot>
      </dialog>
    `;
  }

  disconnect(): void {
    clearTimeout(this.#timer);
  }
}
