/**
 * `samesurf-launcher/rooms`: registers <samesurf-rooms> (and <samesurf-launcher>, which its rows join rooms with).
 * Safe to load twice and to import where there is no DOM.
 */
import '../define.js';
import { SameSurfRooms } from './samesurf-rooms.js';

export { SameSurfRooms };
export type { AgentStrings } from './agent-strings.js';

export const TAG = 'samesurf-rooms';

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, SameSurfRooms);
}

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-rooms': SameSurfRooms;
  }
}
