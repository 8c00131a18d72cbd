/**
 * The launch chunk: everything past the button, loaded by import() in idle time after the first
 * render or on the first pointer or focus intent, so that the element's own module stays small.
 */
export { readConfig } from './config.js';
export { describeFailure } from './messages.js';
export { stringsFor } from './strings.js';
export { loadInvitation, saveInvitation, forgetInvitation } from './session.js';
export { ModalController } from './modal-controller.js';
export { DialogView } from './dialog-view.js';
export { dialogStyles } from './dialog-styles.js';
export { runLaunch } from './launch-flow.js';
export { preload, reportConfigProblem, startSession } from './start-session.js';
