/**
 * The running rooms' state, one owner: the page of rooms shown, its total, loading and failure, the clock the
 * durations are counted on, and when to refresh (on an interval, paused while the tab is hidden and caught up the
 * moment it shows again; on demand). One request at a time: a newer load aborts the one in flight.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SameSurfClient } from '../api/client.js';
import type { RunningRoom } from '../api/types.js';
import type { SameSurfErrorDetail } from '../launcher/events.js';

/** What the controller reads of its element, and tells it. */
export interface RoomsIO {
  client(): SameSurfClient | undefined;
  /** Rooms per page. */
  pageSize(): number;
  /** Seconds between refreshes; 0: only on demand. */
  refreshSeconds(): number;
  /** Tells the person and the page; undefined for an aborted call. */
  report(err: unknown): SameSurfErrorDetail | undefined;
  /** The polite announcement after a load that changed what is shown. */
  announce(rooms: number): void;
}

export class RoomsController implements ReactiveController {
  rooms: RunningRoom[] = [];
  total = 0;
  skip = 0;
  /** True until the first page has arrived (or failed). */
  loading = true;
  /** A refresh or a page change is out; what is shown stays until it answers (no layout jump). */
  busy = false;
  failure?: SameSurfErrorDetail;
  /** The clock the durations are counted on, ticking each second while the tab shows. */
  now = Date.now();

  #abort?: AbortController;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  #ticker?: ReturnType<typeof setInterval>;
  #shownIds?: string;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly io: RoomsIO,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#resume();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#pause();
    this.#abort?.abort();
  }

  /** Loads the page at `skip` (default: the current one); resolves once it is shown or has failed. */
  async load(skip = this.skip): Promise<void> {
    const client = this.io.client();
    if (!client || !this.#connected) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    clearTimeout(this.#refreshTimer);
    this.busy = true;
    this.host.requestUpdate();
    try {
      const res = await client.runningRooms({ skip, limit: this.io.pageSize() }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      // Rooms ended meanwhile and this page is past the end: show the last page there is.
      if (res.rooms.length === 0 && skip > 0 && res.totalrooms > 0) {
        this.busy = false;
        return this.load(Math.floor((res.totalrooms - 1) / this.io.pageSize()) * this.io.pageSize());
      }
      const rooms = wellFormed(res.rooms);
      const total = Number.isFinite(res.totalrooms) ? res.totalrooms : rooms.length;
      Object.assign(this, { rooms, total, skip, failure: undefined, now: Date.now() });
      const ids = `${skip}|${total}|${rooms.map((r) => r.room).join()}`;
      if (ids !== this.#shownIds) this.io.announce(total);
      this.#shownIds = ids;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.failure = this.io.report(err);
    } finally {
      if (this.#abort === abort) {
        this.loading = this.busy = false;
        this.#abort = undefined;
        this.#schedule();
        this.host.requestUpdate();
      }
    }
  }

  /** The configuration changed (auth, page size): start again from the first page. */
  restart(): void {
    this.skip = 0;
    this.loading = true;
    this.#shownIds = undefined;
    if (!document.hidden) void this.load(0);
  }

  /** The interval changed: the next refresh follows the new one. */
  reschedule(): void {
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#refreshTimer);
    const seconds = this.io.refreshSeconds();
    if (!this.#connected || document.hidden || !(seconds > 0) || this.#abort) return;
    this.#refreshTimer = setTimeout(() => void this.load(), Math.min(seconds * 1000, 2 ** 31 - 1));
  }

  #onVisibility = () => (document.hidden ? this.#pause() : this.#resume());

  /** Hidden: no refresh, no ticking. */
  #pause(): void {
    clearTimeout(this.#refreshTimer);
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /** Shown again (or first connected): caught up at once, then on the interval. */
  #resume(): void {
    if (document.hidden) return;
    this.now = Date.now();
    this.#ticker ??= setInterval(() => {
      if (!this.rooms.length) return;
      this.now = Date.now();
      this.host.requestUpdate();
    }, 1000);
    void this.load();
  }
}

/**
 * The rooms of an answer as the table can show them: a room without a number is left out, a title or a time that is
 * no string becomes none. An odd answer (a proxy's, a future API's) must not break the table for good.
 */
function wellFormed(rooms: unknown): RunningRoom[] {
  if (!Array.isArray(rooms)) return [];
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return rooms
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && typeof r.room === 'string')
    .map((r) => ({
      room: r.room as string,
      title: text(r.title) || null,
      starttime: text(r.starttime),
      publicinvitation: text(r.publicinvitation),
      privateinvitation: text(r.privateinvitation),
    }));
}
