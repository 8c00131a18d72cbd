/** The background check that a re-entered room still runs: sent after the frame that shows the dialog, stoppable. */
import type { LaunchConfig } from './config.js';
import type { Invitation } from './saved-invitation.js';
import { roomStillRuns } from './start-session.js';

/** After the next painted frame (or 100 ms, for a page in a background tab, which paints none). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });

export class RoomCheck {
  #abort?: AbortController;

  /**
   * Checks whether `inv`'s room still runs, after the next frame: the check must not cost the reopen its speed.
   * `ended` is called only when the room has ended and the check was not stopped (or started again) meanwhile.
   */
  start(config: LaunchConfig, inv: Invitation, ended: () => void): void {
    this.stop();
    const abort = (this.#abort = new AbortController());
    afterPaint()
      .then(() => roomStillRuns(config, inv, abort.signal))
      .then(
        (runs) => {
          if (!runs && !abort.signal.aborted) ended();
        },
        () => undefined, // stopped: the visitor left, reset or the launcher was removed
      );
  }

  stop(): void {
    this.#abort?.abort();
  }
}
