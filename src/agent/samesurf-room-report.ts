import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RoomEvent, RoomUser } from '../api/types.js';
import { findProblem } from '../api/validate.js';
import { languageOf } from '../launcher/lang.js';
import { format } from '../launcher/strings.js';
import { AgentElement } from './agent-element.js';
import type { AgentStrings } from './agent-strings.js';
import { agentStyles } from './agent-styles.js';
import { dateTime, elapsed } from './format.js';
import { MediaLinks, type MediaKind } from './media-links.js';
import { ReportController } from './report-controller.js';
import { reportStyles } from './report-styles.js';

/** What the agent has asked of one recording, and what came of it. */
interface RecordingState {
  /** The video's link, once Play was pressed. */
  video?: string;
  screenshot?: { link: string; width: number };
  busy?: 'video' | 'download' | 'image';
  problem?: string;
  /** The thumbnail failed to load once already: a second failure shows "no preview". */
  thumbRetried?: boolean;
  thumbFailed?: boolean;
}

/**
 * One room's report, for an agent's portal: who was in it (name, leader or guest, joined and left, time in the room,
 * city and country), what happened (a timeline), and its screen recordings (thumbnails, playback, download, a
 * screenshot at a chosen width). Recording links are temporary: fetched when needed, fetched again when stale or
 * when one fails to load. Works only through your proxy (`api-base`) or your tokens (`token-url`, `getToken`).
 *
 * @summary One co-browsing room's people, timeline and recordings.
 * @tag samesurf-room-report
 *
 * @csspart title - The room's title.
 * @csspart refresh-button - Loads the report again.
 * @csspart people - The table of people.
 * @csspart timeline - The list of events.
 * @csspart recordings - The list of recordings.
 * @csspart thumbnail - A recording's thumbnail.
 * @csspart video - A recording's video player.
 * @csspart play-button - Plays a recording.
 * @csspart download-button - Downloads a recording.
 * @csspart screenshot-form - Asks for a screenshot at a width.
 * @csspart screenshot - A screenshot.
 * @csspart error - A failed load (with `retry-button`), or a configuration problem (on localhost or with `debug`).
 * @csspart retry-button - Loads again after a failure.
 *
 * @cssprop [--samesurf-accent=#0b57d0] - Button and focus colour.
 * @cssprop [--samesurf-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--samesurf-text=#1d2433] - Text colour.
 * @cssprop [--samesurf-muted=#525b6c] - Secondary text.
 * @cssprop [--samesurf-background=#ffffff] - Background.
 * @cssprop [--samesurf-error=#b3261e] - Error text.
 * @cssprop [--samesurf-radius=10px] - Corner radius.
 * @cssprop [--samesurf-font=inherit] - Font family.
 * @cssprop [--samesurf-focus-ring=var(--samesurf-accent)] - Focus outline colour.
 *
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - A call failed, or the configuration is wrong.
 */
export class SameSurfRoomReport extends AgentElement {
  static override styles = [agentStyles, reportStyles];

  static override properties = {
    room: {},
    version: { type: Number },
    recordings: { type: Number },
    linkMinutes: { type: Number, attribute: 'link-minutes' },
  };

  /** The room's number. */
  room?: string;
  /** The room's version, when its number was used more than once (default 0, the latest). */
  version?: number;
  /** How many recordings the room has, when known (`analyticsrooms` says); otherwise they are looked for. */
  recordings?: number;
  /** Minutes each recording link is asked to stay valid (the API's `validfor`; default 15). */
  linkMinutes = 15;

  readonly #links = new MediaLinks(
    () => this.client,
    () => this.room?.trim() ?? '',
    () => (Number.isFinite(this.linkMinutes) && this.linkMinutes > 0 ? this.linkMinutes : 15),
  );
  #recs: RecordingState[] = [];
  #said = '';
  readonly #report = new ReportController(this, {
    client: () => this.client,
    room: () => this.room?.trim() || undefined,
    version: () => (Number.isInteger(this.version) && this.version! >= 0 ? this.version : undefined),
    recordings: () => (Number.isInteger(this.recordings) && this.recordings! >= 0 ? this.recordings : undefined),
    links: this.#links,
    report: (err) => this.report(err),
    loaded: (report, recordings) => {
      this.#recs = Array.from({ length: recordings }, () => ({}));
      const s = this.s();
      this.#say(
        `${report.title || s.untitled}: ${s.peopleTitle} ${report.users.length}, ${s.recordingsTitle} ${recordings}`,
      );
    },
  });

  /** Loads the report again (links included). Resolves once it is shown, or has failed (see samesurf-error). */
  refresh(): Promise<void> {
    this.#links.clear();
    return this.#report.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reload = ['apiBase', 'tokenUrl', 'apiKey', 'getToken', 'timeout', 'room', 'version', 'recordings'] as const;
    if (reload.some((p) => changed.has(p))) {
      // A report needs a room: told to the developer like any misconfiguration.
      if (!this.configProblem && !this.room?.trim())
        this.reportProblem({ attribute: 'room', detail: 'Set room to the number of the room to report on.' });
      else void this.refresh();
    }
  }

  #say(text: string): void {
    this.#said = text;
    this.requestUpdate();
  }

  #set(i: number, patch: Partial<RecordingState>): void {
    this.#recs = this.#recs.map((r, k) => (k === i ? { ...r, ...patch } : r));
    this.requestUpdate();
  }

  /** Fetches a link (fresh when the one held is stale) for a recording, telling a failure by the recording. */
  async #link(i: number, kind: MediaKind, busy: RecordingState['busy'], width?: number): Promise<string | undefined> {
    this.#set(i, { busy, problem: undefined });
    try {
      return await this.#links.get(kind, i, width);
    } catch (err) {
      const detail = this.report(err);
      this.#set(i, { problem: detail?.message ?? this.s().mediaFailed });
      if (detail) this.#say(detail.message);
      return undefined;
    } finally {
      this.#set(i, { busy: undefined });
    }
  }

  async #play(i: number): Promise<void> {
    const link = await this.#link(i, 'video', 'video');
    if (!link) return;
    this.#set(i, { video: link });
    await this.updateComplete;
    const video = this.renderRoot.querySelector<HTMLVideoElement>(`[data-recording="${i}"] video`);
    video?.focus();
    void video?.play().catch(() => undefined); // a browser may refuse autoplay: the controls are there
  }

  async #download(i: number): Promise<void> {
    const link = await this.#link(i, 'video', 'download');
    if (!link) return;
    // A new tab, never this page: a link to another origin is opened rather than saved by some browsers.
    const a = document.createElement('a');
    Object.assign(a, { href: link, target: '_blank', rel: 'noopener noreferrer' });
    a.download = `room-${this.room}-recording-${i + 1}.webm`;
    a.click();
  }

  #screenshot = async (e: SubmitEvent, i: number) => {
    e.preventDefault();
    const given = String(new FormData(e.target as HTMLFormElement).get('width') ?? '').trim();
    const width = given === '' ? Number.NaN : Number(given);
    // The same rule the client, the emulator and the proxy hold (1 to 8192 pixels), told on the field.
    const problem = findProblem('screenrecordingimage', { room: this.room ?? '', recording: i, width });
    if (problem) {
      this.#set(i, { problem: problem.field === 'width' ? this.s().screenshotWidthInvalid : problem.message });
      return;
    }
    const link = await this.#link(i, 'image', 'image', width);
    if (link) this.#set(i, { screenshot: { link, width } });
  };

  /** A thumbnail did not load (its link expired early, say): a fresh link once, then "no preview". */
  async #thumbFailed(i: number): Promise<void> {
    const r = this.#recs[i];
    if (!r || r.thumbRetried) {
      this.#set(i, { thumbFailed: true });
      return;
    }
    this.#set(i, { thumbRetried: true });
    this.#links.drop('thumbnail', i);
    this.#report.thumbnails[i] = (await this.#link(i, 'thumbnail', undefined)) ?? '';
    this.requestUpdate();
  }

  /** The video stopped loading (its link expired while it played): a fresh link, from where it was. */
  async #videoFailed(e: Event, i: number): Promise<void> {
    const video = e.target as HTMLVideoElement;
    const at = video.currentTime;
    const playing = !video.paused;
    this.#links.drop('video', i);
    const link = await this.#link(i, 'video', 'video');
    if (!link || link === this.#recs[i]?.video) return;
    this.#set(i, { video: link });
    await this.updateComplete;
    video.currentTime = at;
    if (playing) void video.play().catch(() => undefined);
  }

  #person(u: RoomUser, s: AgentStrings, lang: string): TemplateResult {
    const ran = (u.leftat ? Date.parse(u.leftat) : Date.now()) - Date.parse(u.joinedat);
    const place = [u.city, u.country].filter(Boolean).join(', ');
    return html`<tr role="row">
      <td role="cell" data-label=${s.columnName}>${u.name}</td>
      <td role="cell" data-label=${s.columnRole}>${u.host ? s.leader : s.guest}</td>
      <td role="cell" data-label=${s.columnJoined}>
        <time datetime=${u.joinedat}>${dateTime(u.joinedat, lang)}</time>
      </td>
      <td role="cell" data-label=${s.columnLeft}>
        ${u.leftat ? html`<time datetime=${u.leftat}>${dateTime(u.leftat, lang)}</time>` : s.stillIn}
      </td>
      <td role="cell" data-label=${s.columnDuration} class="num">${elapsed(ran)}</td>
      <td role="cell" data-label=${s.columnLocation}>${place || html`<span class="muted">${s.placeUnknown}</span>`}</td>
    </tr>`;
  }

  #event(e: RoomEvent, s: AgentStrings, lang: string): TemplateResult {
    const known: Record<string, string> = {
      start: s.eventStart,
      url: s.eventUrl,
      join: s.eventJoin,
      leave: s.eventLeave,
      end: s.eventEnd,
    };
    const text = format(known[e.type] ?? s.eventOther, { type: e.type, data: e.data });
    return html`<li><time datetime=${e.date}>${dateTime(e.date, lang)}</time>${text}</li>`;
  }

  #recording(i: number, s: AgentStrings): TemplateResult {
    const r = this.#recs[i] ?? {};
    const label = format(s.recordingLabel, { n: i + 1 });
    const thumb = this.#report.thumbnails[i];
    const media = r.video
      ? html`<video part="video" controls preload="metadata" src=${r.video} aria-label=${label}
          @error=${(e: Event) => void this.#videoFailed(e, i)}></video>`
      : thumb && !r.thumbFailed
        ? html`<img part="thumbnail" src=${thumb} alt=${label} @error=${() => void this.#thumbFailed(i)} />`
        : html`<span class="muted">${s.noPreview}</span>`;
    return html`<li class="recording" data-recording=${i} aria-labelledby="rec-${i}">
      <h4 id="rec-${i}" class="sr-only">${label}</h4>
      <div class="media">${media}</div>
      <div class="actions">
        <button part="play-button" type="button" aria-busy=${r.busy === 'video' ? 'true' : 'false'}
          aria-label=${`${s.play}, ${label}`} @click=${() => void this.#play(i)}>${s.play}</button>
        <button class="secondary" part="download-button" type="button"
          aria-busy=${r.busy === 'download' ? 'true' : 'false'} aria-label=${`${s.download}, ${label}`}
          @click=${() => void this.#download(i)}>${s.download}</button>
      </div>
      <form part="screenshot-form" novalidate aria-label=${`${s.takeScreenshot}, ${label}`}
        @submit=${(e: SubmitEvent) => this.#screenshot(e, i)}>
        <label>${s.screenshotWidth}<input name="width" type="number" min="1" max="8192" step="1" value="640"
          required aria-invalid=${r.problem ? 'true' : 'false'}
          aria-describedby=${r.problem ? `rec-problem-${i}` : nothing} /></label>
        <button class="secondary" type="submit" aria-busy=${r.busy === 'image' ? 'true' : 'false'}
          >${s.takeScreenshot}</button>
      </form>
      ${r.problem ? html`<p class="error" id="rec-problem-${i}" role="alert">${r.problem}</p>` : nothing}
      ${
        r.screenshot
          ? html`<figure class="shot" part="screenshot">
              <img src=${r.screenshot.link} alt=${format(s.screenshotAlt, { n: i + 1, width: r.screenshot.width })} />
              <figcaption><a href=${r.screenshot.link} target="_blank" rel="noopener noreferrer"
                >${s.openScreenshot}</a></figcaption>
            </figure>`
          : nothing
      }
    </li>`;
  }

  protected override render(): TemplateResult {
    const s = this.s();
    const lang = languageOf(this);
    const c = this.#report;
    const rep = c.report;
    const room = this.room?.trim() ?? '';
    const version = Number.isInteger(this.version) ? this.version : undefined;
    const number = version ? format(s.roomVersion, { room, version }) : format(s.roomNumber, { room });
    return html`${this.renderConfigProblem()}
      <div class="toolbar">
        <h2 id="heading" part="title">${rep ? rep.title || s.untitled : number}</h2>
        <span class="muted">${rep ? number : ''}</span>
        <button class="secondary" part="refresh-button" type="button"
          @click=${() => void this.refresh()}>${s.refresh}</button>
      </div>
      ${this.renderFailure(c.failure, () => void this.refresh())}
      ${c.loading && !rep ? html`<p class="muted" aria-busy="true">${s.loadingReport}</p>` : nothing}
      ${rep ? this.#body(rep.users, rep.events, s, lang) : nothing}
      <div class="sr-only" role="status">${this.#said}</div>`;
  }

  #body(users: RoomUser[], events: RoomEvent[], s: AgentStrings, lang: string): TemplateResult {
    const count = this.#report.recordings ?? 0;
    return html`<h3 id="people-title">${s.peopleTitle}</h3>
      ${
        users.length
          ? html`<table part="people" role="table" aria-labelledby="people-title">
              <thead role="rowgroup">
                <tr role="row">
                  ${[s.columnName, s.columnRole, s.columnJoined, s.columnLeft, s.columnDuration, s.columnLocation].map(
                    (h) => html`<th role="columnheader" scope="col">${h}</th>`,
                  )}
                </tr>
              </thead>
              <tbody role="rowgroup">${users.map((u) => this.#person(u, s, lang))}</tbody>
            </table>`
          : html`<p class="muted">${s.noPeople}</p>`
      }
      <h3 id="timeline-title">${s.timelineTitle}</h3>
      ${
        events.length
          ? html`<ol part="timeline" class="timeline" aria-labelledby="timeline-title">
              ${events.map((e) => this.#event(e, s, lang))}
            </ol>`
          : html`<p class="muted">${s.noEvents}</p>`
      }
      <h3 id="recordings-title">${s.recordingsTitle}</h3>
      ${
        count
          ? html`<ul part="recordings" class="recordings" aria-labelledby="recordings-title">
              ${Array.from({ length: count }, (_, i) => this.#recording(i, s))}
            </ul>`
          : html`<p class="muted">${s.noRecordings}</p>`
      }`;
  }
}
