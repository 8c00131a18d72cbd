/**
 * `samesurf-launcher/analytics`: registers <samesurf-analytics> (and <samesurf-room-report>, which its rows open).
 * Safe to load twice and to import where there is no DOM.
 */
import { SameSurfAnalytics } from './samesurf-analytics.js';

export { SameSurfAnalytics };
export type { AgentStrings } from './agent-strings.js';

export const TAG = 'samesurf-analytics';

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, SameSurfAnalytics);
}

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-analytics': SameSurfAnalytics;
  }
}
