/**
 * The dialog's behaviour: native showModal(), one cancelable close request for Escape, the close
 * button and the backdrop, scroll lock, full screen, focus back on the launcher, and the events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type HideSource } from './events.js';
import { lockScroll, unlockScroll } from './scroll-lock.js';

type Host = ReactiveControllerHost & HTMLElement;

export class ModalController implements ReactiveController {
  isOpen = false;
  /** Filling the window: the fallback where the Fullscreen API is refused. */
  maximized = false;

  constructor(
    private readonly host: Host,
    private readonly dialog: () => HTMLDialogElement | undefined,
    /** Where focus goes when the dialog closes. */
    private readonly returnFocus: () => void,
    /** After every close, whatever closed it (the launch controller says what the visitor's session is now). */
    private readonly afterClose: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (!this.isOpen) return;
    this.#finish();
    this.dialog()?.close();
  }

  get fullscreen(): boolean {
    return this.maximized || (this.isOpen && document.fullscreenElement === this.dialog());
  }

  /**
   * Shows the dialog; resolves once it is open and its entrance is done. Re-opening, the dialog is there (closed, the
   * room in it): it is shown in the click's own task, before the update that follows; the first time, it is rendered
   * first.
   */
  async open(): Promise<void> {
    if (this.isOpen || !this.host.isConnected) return;
    emit(this.host, 'samesurf-show', {});
    this.isOpen = true;
    this.host.requestUpdate();
    if (!this.dialog()) await this.host.updateComplete;
    const dialog = this.dialog()!;
    lockScroll(); // before showModal(): the page's layout is still clean, so the check costs nothing
    dialog.showModal();
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    await this.host.updateComplete;
    // After the entrance animation (none under reduced motion: no style is read to look for one); bounded, because a
    // page in a background tab runs no animation frames and after-show must still come. Reading the style first
    // makes getAnimations() see the animation showModal() has just started.
    if (matchMedia('(prefers-reduced-motion: no-preference)').matches) {
      void getComputedStyle(dialog).animationName;
      const finished = Promise.all(dialog.getAnimations().map((a) => a.finished)).catch(() => undefined);
      await Promise.race([finished, new Promise((r) => setTimeout(r, 400))]);
    }
    emit(this.host, 'samesurf-after-show', {});
  }

  /** Closes without asking (hide(), reset()); resolves once closed and focus is back. */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    const dialog = this.dialog();
    if (dialog && document.fullscreenElement === dialog) await document.exitFullscreen().catch(() => undefined);
    dialog?.close();
    this.#finish();
    await this.host.updateComplete;
    this.returnFocus();
    this.afterClose();
    emit(this.host, 'samesurf-after-hide', {});
  }

  /** A person asked to close: the page may refuse through samesurf-hide. */
  requestClose(source: HideSource): void {
    if (emit(this.host, 'samesurf-hide', { source }, true)) void this.close();
  }

  #finish(): void {
    this.isOpen = false;
    this.maximized = false;
    unlockScroll();
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.host.requestUpdate();
  }

  #onFullscreenChange = () => this.host.requestUpdate();

  onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.requestClose('keyboard');
  };

  /** Escape (or another close request of the browser's) arrives as `cancel`. */
  onCancel = (e: Event) => {
    e.preventDefault();
    this.requestClose('keyboard');
  };

  /** The dialog closed by other means: bring state in line. A close queued before a quick re-open is stale. */
  onNativeClose = () => {
    if (!this.isOpen || this.dialog()?.open) return;
    this.#finish();
    this.returnFocus();
    this.afterClose();
    emit(this.host, 'samesurf-after-hide', {});
  };

  /** A click on the dialog element itself, outside its box, is a click on the backdrop. */
  onClick = (e: MouseEvent) => {
    const dialog = this.dialog();
    if (!dialog || e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) this.requestClose('backdrop');
  };

  toggleFullscreen = async () => {
    const dialog = this.dialog()!;
    if (document.fullscreenElement === dialog) await document.exitFullscreen().catch(() => undefined);
    else if (this.maximized) this.maximized = false;
    else if (document.fullscreenEnabled) await dialog.requestFullscreen().catch(() => (this.maximized = true));
    else this.maximized = true;
    this.host.requestUpdate();
  };
}
