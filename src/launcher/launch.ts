/**
 * The launch chunk: everything past the button, loaded by import() in idle time after the first
 * render or on the first pointer or focus intent, so that the element's own module stays small.
 */
export { stringsFor } from './strings.js';
export { LaunchController } from './launch-controller.js';
export { DialogView } from './dialog-view.js';
export { dialogStyles } from './dialog-styles.js';
export { renderConfigProblem, renderStatus } from './status-view.js';
