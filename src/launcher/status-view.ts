/**
 * What the launcher shows beside its button once the launch code is there: a tab opened or blocked, a failure with
 * its retry, a configuration problem. (The element's own module renders only the button, so that it stays small.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DialogView } from './dialog-view.js';
import type { LaunchController } from './launch-controller.js';

/** Where a developer sees a misconfigured launcher's message; on a live site visitors see nothing of it. */
const isDevelopment = () => {
  const { hostname, protocol } = location;
  return (
    protocol === 'file:' ||
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '127.0.0.1' ||
    hostname === '[::1]'
  );
};

/** A misconfigured launcher says so where its developer looks (localhost, or `debug`); visitors see nothing. */
function renderConfigProblem(c: LaunchController, debug: boolean): TemplateResult | typeof nothing {
  return debug || isDevelopment()
    ? html`<p part="error" class="error"><span>${c.configProblem!.message}</span></p>`
    : nothing;
}

/** What the chunk needs of the element: whether to show a configuration problem on a live site, and to launch again. */
export interface AfterButtonHost extends HTMLElement {
  debug: boolean;
  launch(): unknown;
}

/**
 * Everything after the button once the launch code is there, in one template so that the dialog (and the room in it)
 * stays the same DOM whatever else renders: the configuration problem or the status lines, then the dialog.
 */
export function renderAfterButton(c: LaunchController, view: DialogView, host: AfterButtonHost): TemplateResult {
  const before = c.configProblem ? renderConfigProblem(c, host.debug) : renderStatus(c);
  return html`${before}${view.render(c.strings())}`;
}

/** Tries again from the launch button, which stays where it is through busy, error and retry: focus waits there. */
function retry(this: AfterButtonHost): void {
  this.shadowRoot?.querySelector<HTMLElement>('.launch')?.focus();
  void this.launch();
}

function renderStatus(c: LaunchController): TemplateResult {
  const failure = c.failure;
  // A credentials or link problem does not go away by trying again.
  const again = failure && failure.errorcode !== 101 && failure.code !== 'link' && failure.code !== 'secret';
  return html`${
    c.inlineStatus
      ? html`<p part="status" class=${c.statusIsError ? 'status error' : 'status'}>${c.inlineStatus} ${
          c.blockedLink
            ? html`<a href=${c.blockedLink} target="_blank" rel="noopener noreferrer">${c.strings().openInTab}</a>`
            : nothing
        }</p>`
      : nothing
  }${
    failure
      ? html`<div part="error" class="error"><p>${failure.message}</p>${
          again
            ? html`<button class="secondary" part="retry-button" type="button"
                @click=${retry}>${c.strings().retry}</button>`
            : nothing
        }</div>`
      : nothing
  }`;
}
