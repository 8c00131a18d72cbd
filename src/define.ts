/**
 * Registers <samesurf-launcher>. Safe to load twice (a second copy leaves the first in place)
 * and to import where there is no DOM (server-side rendering).
 */
import { SameSurfLauncher } from './launcher/samesurf-launcher.js';

export { SameSurfLauncher };
// Re-exported so that importing only this entry brings the events' types (HTMLElementEventMap) along too.
export type {
  SameSurfBeforeCreateDetail,
  SameSurfCreatedDetail,
  SameSurfErrorDetail,
  SameSurfHideDetail,
  SameSurfLeaveDetail,
} from './launcher/events.js';

// The agent's elements' classes, as types only (registering them is `samesurf-launcher/rooms`, …): the generated
// framework types (dist/types) import every element from here.
export type { SameSurfRooms } from './agent/samesurf-rooms.js';
export type { SameSurfRoomReport } from './agent/samesurf-room-report.js';
export type { SameSurfAnalytics } from './agent/samesurf-analytics.js';
export type { SameSurfScheduler } from './agent/samesurf-scheduler.js';

export const TAG = 'samesurf-launcher';

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, SameSurfLauncher);
}

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-launcher': SameSurfLauncher;
  }
}
