/**
 * The analytics' state, one owner: the overview (`analyticsoverview`) and the page of rooms shown (`analyticsrooms`,
 * with its total), loaded together; a page change loads only the rooms. One request of each kind at a time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SameSurfClient } from '../api/client.js';
import type { AnalyticsOverviewResponse, AnalyticsRoom } from '../api/types.js';
import type { SameSurfErrorDetail } from '../launcher/events.js';

export interface AnalyticsIO {
  client(): SameSurfClient | undefined;
  pageSize(): number;
  report(err: unknown): SameSurfErrorDetail | undefined;
}

export class AnalyticsController implements ReactiveController {
  overview?: AnalyticsOverviewResponse;
  rooms: AnalyticsRoom[] = [];
  total = 0;
  skip = 0;
  loading = false;
  failure?: SameSurfErrorDetail;
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly io: AnalyticsIO,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Loads the overview and the page at `skip` (default: the current one), or only that page. */
  async load(skip = this.skip, withOverview = true): Promise<void> {
    const client = this.io.client();
    this.#abort?.abort();
    if (!client) return;
    const abort = (this.#abort = new AbortController());
    const opts = { signal: abort.signal };
    Object.assign(this, { loading: true });
    this.host.requestUpdate();
    try {
      const [overview, page] = await Promise.all([
        withOverview ? client.analyticsOverview(opts) : Promise.resolve(this.overview),
        client.analyticsRooms({ skip, limit: this.io.pageSize() }, opts),
      ]);
      if (abort.signal.aborted) return;
      Object.assign(this, { overview, rooms: page.rooms, total: page.total_rooms, skip, failure: undefined });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.failure = this.io.report(err);
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#abort = undefined;
        this.host.requestUpdate();
      }
    }
  }
}
