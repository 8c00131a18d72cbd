/**
 * Temporary links to a room's recordings (video, thumbnail, screenshot), fetched when needed and never used past
 * their validity: each is kept until shortly before the minutes it was asked for run out (by this browser's clock),
 * and one that fails to load anyway (a clock apart from the API's, a link revoked) is fetched again once.
 */
import type { CallOptions, SameSurfClient } from '../api/client.js';

export type MediaKind = 'video' | 'thumbnail' | 'image';

interface Held {
  link: Promise<string>;
  /** Past this (ms, this browser's clock), a new link is fetched. */
  until: number;
}

/** Margin before the end of a link's validity: a link about to expire is not handed out. */
const MARGIN_MS = 15_000;

export class MediaLinks {
  readonly #held = new Map<string, Held>();

  constructor(
    private readonly client: () => SameSurfClient | undefined,
    private readonly room: () => string,
    /** Minutes each link is asked to stay valid (the API's `validfor`). */
    private readonly minutes: () => number,
  ) {}

  /** A link that is valid now: the one held, or a fresh one. `width`: a screenshot's. */
  get(kind: MediaKind, recording: number, width?: number, opts?: CallOptions): Promise<string> {
    const key = `${this.room()}|${kind}|${recording}|${width ?? ''}`;
    const held = this.#held.get(key);
    if (held && Date.now() < held.until) return held.link;
    const client = this.client();
    if (!client) return Promise.reject(new Error('No way to the API (see the configuration message).'));
    const validfor = this.minutes();
    const until = Date.now() + Math.max(0, validfor * 60_000 - Math.min(MARGIN_MS, (validfor * 60_000) / 4));
    const req = { room: this.room(), recording, validfor };
    const call =
      kind === 'video'
        ? client.screenRecordingPublicLink(req, opts)
        : kind === 'thumbnail'
          ? client.screenRecordingThumbnail(req, opts)
          : client.screenRecordingImage({ ...req, width }, opts);
    const link = call.then((res) => res.link);
    this.#held.set(key, { link, until });
    // A failed fetch is not kept: the next ask tries again.
    link.catch(() => this.#held.get(key)?.link === link && this.#held.delete(key));
    return link;
  }

  /** The link failed to load (expired early, revoked): the next get() fetches a new one. */
  drop(kind: MediaKind, recording: number, width?: number): void {
    this.#held.delete(`${this.room()}|${kind}|${recording}|${width ?? ''}`);
  }

  clear(): void {
    this.#held.clear();
  }
}
