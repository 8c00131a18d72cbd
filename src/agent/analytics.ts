/**
 * `samesurf-launcher/analytics`: registers <samesurf-analytics> (and <samesurf-room-report>, which its rows open).
 * Safe to load twice and to import where there is no DOM.
 */
import { SameSurfAnalytics } from './samesurf-analytics.js';
import { defineRoomReport } from './room-report.js';

export { SameSurfAnalytics };
export type { AgentStrings } from './agent-strings.js';

export const TAG = 'samesurf-analytics';

// The report is defined by a call, not by a bare import of its entry: a bundler that trusts package.json's
// "sideEffects" drops a bare import of a file it does not list (the CDN file lost the report that way).
defineRoomReport();
if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, SameSurfAnalytics);
}

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-analytics': SameSurfAnalytics;
  }
}
