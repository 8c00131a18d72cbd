/**
 * The launch chunk: everything past the button, loaded by import() once the launcher is seen or on the first pointer
 * or focus intent, so that the element's own module stays small.
 */
import { css } from 'lit';
import { configFor, type LauncherAttributes } from './config.js';
import { dialogStyles } from './dialog-styles.js';
import { hasInvitation } from './saved-invitation.js';
import { statusStyles } from './status-styles.js';

export { stringsFor } from './strings.js';
export { LaunchController } from './launch-controller.js';
export { DialogView } from './dialog-view.js';
export { liveDot, renderAfterButton } from './status-view.js';

/** Everything past the button's first styles, as one sheet: the dialog's and those of the lines beside the button. */
export const launchStyles = css`${dialogStyles}${statusStyles}`;

/**
 * Whether a launcher that was seen, but not used yet, has something to show already: a configuration problem, or a
 * session to rejoin (saved before a reload). Otherwise it needs nothing more until the visitor's intent.
 */
export function needsController(a: LauncherAttributes): boolean {
  const result = configFor(a);
  return !result.ok || (result.config.mode === 'room' && hasInvitation(result.config.key));
}
