/**
 * `samesurf-launcher/scheduler`: registers <samesurf-scheduler>. Safe to load twice and to import where there is no
 * DOM.
 */
import { SameSurfScheduler } from './samesurf-scheduler.js';

export { SameSurfScheduler };
export type { AgentStrings } from './agent-strings.js';

export const TAG = 'samesurf-scheduler';

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, SameSurfScheduler);
}

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-scheduler': SameSurfScheduler;
  }
}
