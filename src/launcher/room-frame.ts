/** The room page in the dialog: the link it shows (none: no frame at all), how its load went, and its deadline. */

/** How long the room page may take to load before the dialog offers to try again (unless the page set `timeout`). */
const FRAME_TIMEOUT_MS = 30_000;

export class RoomFrame {
  link?: string;
  state: 'loading' | 'loaded' | 'failed' = 'loading';
  /** Bumped to load the frame afresh (the same src would not reload). */
  generation = 0;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    /** Something changed that the dialog shows. */
    private readonly changed: () => void,
    /** The page did not load within the deadline. */
    private readonly failed: () => void,
    private readonly timeoutMs: () => number | undefined,
    /** The room page loaded another page (its leader ended the session, say): worth asking whether the room runs. */
    private readonly navigated: () => void = () => undefined,
  ) {}

  load(link: string): void {
    this.link = link;
    this.state = 'loading';
    this.generation++;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.state !== 'loading' || !this.link) return;
      this.state = 'failed';
      this.failed();
      this.changed();
    }, this.timeoutMs() ?? FRAME_TIMEOUT_MS);
    this.changed();
  }

  /** Unloads the room page: the room sees the visitor leave. */
  drop(): void {
    clearTimeout(this.#timer);
    this.link = undefined;
    this.changed();
  }

  onLoad = (): void => {
    if (this.state === 'loaded') return this.navigated();
    clearTimeout(this.#timer);
    this.state = 'loaded';
    this.changed();
  };

  /** Loads the room page again (after it did not load). */
  reload = (): void => {
    if (this.link) this.load(this.link);
  };

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
