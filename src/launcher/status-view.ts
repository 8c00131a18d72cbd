/**
 * What the launcher shows beside its button once the launch code is there: a tab opened or blocked, a failure with
 * its retry, a configuration problem. (The element's own module renders only the button, so that it stays small.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DialogView } from './dialog-view.js';
import type { LaunchController } from './launch-controller.js';

/** In the button's icon place while a session runs minimised (here, not in the element's module: first load). */
export const liveDot = html`<span part="live-dot" class="live-dot" aria-hidden="true"></span>`;

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

/**
 * Everything after the button once the launch code is there, in one template so that the dialog (and the room in it)
 * stays the same DOM whatever else renders: the configuration problem or the status lines, then the dialog.
 */
export function renderAfterButton(
  c: LaunchController,
  view: DialogView,
  o: { debug: boolean; retryLabel: string; onRetry: () => void },
): TemplateResult {
  const before = c.configProblem ? renderConfigProblem(c, o.debug) : renderStatus(c, o.retryLabel, o.onRetry);
  return html`${before}${view.render(c.strings())}`;
}

function renderStatus(c: LaunchController, retryLabel: string, onRetry: () => void): TemplateResult {
  const failure = c.failure;
  // A credentials or link problem does not go away by trying again.
  const retry = failure && failure.errorcode !== 101 && failure.code !== 'link' && failure.code !== 'secret';
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
          retry
            ? html`<button class="secondary" part="retry-button" type="button"
                @click=${onRetry}>${retryLabel}</button>`
            : nothing
        }</div>`
      : nothing
  }`;
}
