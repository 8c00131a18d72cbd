/**
 * The launch chunk: everything past the button, loaded by import() in idle time after the first
 * render or on the first pointer or focus intent, so that the element's own module stays small.
 */
export { stringsFor } from './strings.js';
export { LaunchController } from './launch-controller.js';
export { DialogView } from './dialog-view.js';
export { dialogStyles } from './dialog-styles.js';
export { liveDot, renderAfterButton } from './status-view.js';

import { configFor, type LauncherAttributes } from './config.js';
import { hasInvitation } from './saved-invitation.js';

/**
 * Whether a launcher that was seen, but not used yet, has something to show already: a configuration problem, or a
 * session to rejoin (saved before a reload). Otherwise it needs nothing more until the visitor's intent.
 */
export function needsController(a: LauncherAttributes): boolean {
  const result = configFor(a);
  return !result.ok || (result.config.mode === 'room' && hasInvitation(result.config.key));
}
