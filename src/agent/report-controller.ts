/**
 * One room's report, one owner: its analytics (`roomanalytics`, with `version`) and how many recordings it has
 * (given, or found by asking for each recording's thumbnail until the API says there is none: error 109, the
 * thumbnails' links then already in hand). One load at a time: a newer one aborts the one in flight.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SameSurfClient } from '../api/client.js';
import { SameSurfError } from '../api/errors.js';
import type { RoomAnalyticsResponse } from '../api/types.js';
import type { SameSurfErrorDetail } from '../launcher/events.js';
import type { MediaLinks } from './media-links.js';

/** The most recordings looked for when the page does not say how many there are. */
const MAX_PROBED = 50;

export interface ReportIO {
  client(): SameSurfClient | undefined;
  room(): string | undefined;
  version(): number | undefined;
  /** How many recordings the page says the room has (from `analyticsrooms`), if it says. */
  recordings(): number | undefined;
  links: MediaLinks;
  report(err: unknown): SameSurfErrorDetail | undefined;
  /** Said politely once the report is shown. */
  loaded(report: RoomAnalyticsResponse, recordings: number): void;
}

export class ReportController implements ReactiveController {
  report?: RoomAnalyticsResponse;
  /** Recordings found; undefined while they are looked for. */
  recordings?: number;
  /** Thumbnail links found while counting, by recording. */
  thumbnails: string[] = [];
  loading = false;
  failure?: SameSurfErrorDetail;
  #abort?: AbortController;
  #room?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly io: ReportIO,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Loads the report of the room the element names now; resolves once it is shown or has failed. */
  async load(): Promise<void> {
    const client = this.io.client();
    const room = this.io.room();
    this.#abort?.abort();
    if (!client || !room) return;
    const abort = (this.#abort = new AbortController());
    const opts = { signal: abort.signal };
    Object.assign(this, { loading: true, failure: undefined });
    // Another room: nothing of the last one stays on screen while this one loads.
    if (this.#room !== room) Object.assign(this, { report: undefined, recordings: undefined, thumbnails: [] });
    this.#room = room;
    this.host.requestUpdate();
    try {
      const version = this.io.version();
      const report = await client.roomAnalytics(version === undefined ? { room } : { room, version }, opts);
      const given = this.io.recordings();
      let thumbnails: string[] = [];
      let count = given;
      if (count !== undefined) {
        // Known: their thumbnails together; one that cannot be had shows "no preview" rather than failing the report.
        const n = Math.min(count, MAX_PROBED);
        thumbnails = await Promise.all(
          Array.from({ length: n }, (_, i) => this.io.links.get('thumbnail', i, undefined, opts).catch(() => '')),
        );
      } else {
        for (count = 0; count < MAX_PROBED; count++) {
          try {
            thumbnails.push(await this.io.links.get('thumbnail', count, undefined, opts));
          } catch (err) {
            if (err instanceof SameSurfError && err.errorcode === 109) break; // no recording with that index
            throw err;
          }
        }
      }
      if (abort.signal.aborted) return;
      Object.assign(this, { report, recordings: count, thumbnails });
      this.io.loaded(report, count);
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
