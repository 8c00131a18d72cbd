/**
 * `samesurf-launcher/room-report`: registers <samesurf-room-report>. Safe to load twice and to import where there is
 * no DOM.
 */
import { SameSurfRoomReport } from './samesurf-room-report.js';

export { SameSurfRoomReport };
export type { AgentStrings } from './agent-strings.js';

export const TAG = 'samesurf-room-report';

/** Defines <samesurf-room-report> unless it is; for entries that need it (analytics.ts) to call by name. */
export function defineRoomReport(): void {
  if (typeof customElements !== 'undefined' && !customElements.get(TAG)) customElements.define(TAG, SameSurfRoomReport);
}

defineRoomReport();

declare global {
  interface HTMLElementTagNameMap {
    'samesurf-room-report': SameSurfRoomReport;
  }
}
