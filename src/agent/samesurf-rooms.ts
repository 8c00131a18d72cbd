import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../define.js'; // <samesurf-launcher>, which joins a room for the agent
import type { SameSurfLauncher } from '../launcher/samesurf-launcher.js';
import type { RunningRoom } from '../api/types.js';
import { findProblem } from '../api/validate.js';
import { emit } from '../launcher/events.js';
import { languageOf } from '../launcher/lang.js';
import { format } from '../launcher/strings.js';
import { AgentElement } from './agent-element.js';
import type { AgentStrings } from './agent-strings.js';
import { agentStyles } from './agent-styles.js';
import { copyText } from './copy-text.js';
import { dateTime, elapsed, isoDuration } from './format.js';
import { RoomsController } from './rooms-controller.js';
import { roomsStyles } from './rooms-styles.js';

/** The invitation form open under one row, and what came of it. */
interface InviteState {
  room: string;
  busy: boolean;
  link?: string;
  /** A problem with a field (`usagelimit`, `usersname`) or with the call (`''`). */
  problem?: { field: string; message: string };
}

/**
 * The running rooms, for an agent's portal: join one as its leader (in the launcher's dialog), copy its guest link,
 * or make a limited-use invitation into it. Works only through your proxy (`api-base`) or your tokens (`token-url`,
 * `getToken`): never on a key in the page.
 *
 * @summary The running co-browsing rooms as a table, with join, guest link and invitation actions.
 * @tag samesurf-rooms
 *
 * @csspart title - The heading over the table.
 * @csspart refresh-button - Loads the rooms again now.
 * @csspart table - The table of rooms.
 * @csspart copy-button - A row's "copy guest link" button, and the new invitation's copy button.
 * @csspart invite-button - Opens a row's invitation form.
 * @csspart invite-form - The invitation form under a row.
 * @csspart share-button - Shares the new invitation (where the browser can).
 * @csspart pager - The page range and the previous and next buttons.
 * @csspart previous-button - The previous page.
 * @csspart next-button - The next page.
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
 * @fires {CustomEvent<SameSurfCreatedDetail>} samesurf-created - A limited-use invitation was made (`mode: 'invite'`).
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - A call failed, or the configuration is wrong.
 */
export class SameSurfRooms extends AgentElement {
  static override styles = [agentStyles, roomsStyles];

  static override properties = {
    limit: { type: Number },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
  };

  /** Rooms per page (default 10). */
  limit = 10;
  /** Seconds between refreshes while the tab shows (default 30; 0: only on demand). */
  refreshInterval = 30;

  #inviteState?: InviteState;
  #announced = '';

  /** The invitation form's state: each change renders. */
  get #invite(): InviteState | undefined {
    return this.#inviteState;
  }
  set #invite(value: InviteState | undefined) {
    this.#inviteState = value;
    this.requestUpdate();
  }

  /**
   * What the live region says. The same words again are announced again: the region is emptied first, and the words
   * put back a frame later (a screen reader reads a change, not a repeat).
   */
  get #announcement(): string {
    return this.#announced;
  }
  set #announcement(value: string) {
    this.#announced = '';
    this.requestUpdate();
    requestAnimationFrame(() => {
      this.#announced = value;
      this.requestUpdate();
    });
  }
  readonly #rooms = new RoomsController(this, {
    client: () => this.client,
    pageSize: () => this.#pageSize(),
    refreshSeconds: () =>
      Number.isFinite(this.refreshInterval) && this.refreshInterval > 0 ? this.refreshInterval : 0,
    report: (err) => this.report(err),
    announce: (rooms) => {
      const s = this.s();
      this.#announcement = rooms === 1 ? s.roomsCountOne : format(s.roomsCount, { count: rooms });
    },
  });

  /** Rooms per page: `limit` when it is a whole number from 1 to 1000, else 10. */
  #pageSize(): number {
    return Number.isInteger(this.limit) && this.limit > 0 ? Math.min(this.limit, 1000) : 10;
  }

  /** Loads the rooms again now. Resolves once they are shown (or the load has failed: see samesurf-error). */
  refresh(): Promise<void> {
    return this.#rooms.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Loaded once the client is known, again from the first page when how to reach the API or the page size changes.
    const restart = ['apiBase', 'tokenUrl', 'apiKey', 'getToken', 'timeout', 'limit'] as const;
    if (restart.some((p) => changed.has(p))) this.#rooms.restart();
    else if (changed.has('refreshInterval')) this.#rooms.reschedule();
  }

  #page = async (delta: number) => {
    const c = this.#rooms;
    const skip = c.skip + delta * this.#pageSize();
    if (c.busy || skip < 0 || skip >= c.total) return;
    await c.load(skip);
    // Which rooms are shown now: the pager's range, said (the rooms' count alone would not change).
    if (!c.failure) this.#announcement = this.#range(this.s());
  };

  #range(s: AgentStrings): string {
    const c = this.#rooms;
    return format(s.pageRange, { from: c.total ? c.skip + 1 : 0, to: c.skip + c.rooms.length, total: c.total });
  }

  /** Refresh or retry, by the person: the same count said again when nothing changed, focus kept on the toolbar. */
  #refreshByHand = async (e: Event) => {
    const fromRetry = (e.target as HTMLElement).matches('[part~="retry-button"]');
    if (fromRetry) this.renderRoot.querySelector<HTMLElement>('[part~="refresh-button"]')?.focus();
    await this.#rooms.load();
    const c = this.#rooms;
    const s = this.s();
    if (!c.failure) this.#announcement = c.total === 1 ? s.roomsCountOne : format(s.roomsCount, { count: c.total });
  };

  #copy = async (e: Event, link: string) => {
    const s = this.s();
    const ok = await copyText(link, this.renderRoot as ShadowRoot);
    this.#announcement = ok ? s.copied : s.copyFailed;
    (e.target as HTMLElement).focus();
  };

  #toggleInvite = (room: string) => {
    this.#invite = this.#invite?.room === room ? undefined : { room, busy: false };
    if (this.#invite)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form input')?.focus());
  };

  #createInvitation = async (e: SubmitEvent) => {
    e.preventDefault();
    const state = this.#invite;
    const client = this.client;
    if (!state || state.busy || !client) return;
    const data = new FormData(e.target as HTMLFormElement);
    const name = String(data.get('usersname') ?? '').trim();
    const usage = String(data.get('usagelimit') ?? '').trim();
    const request = {
      room: state.room,
      usagelimit: usage === '' ? Number.NaN : Number(usage),
      isleader: false,
      ...(name ? { usersname: name } : {}),
    };
    // The same rules the client, the emulator and the proxy hold (the per-call map): shown on the field at fault.
    const problem = findProblem('createlimitedusetoken', request);
    if (problem) {
      const s = this.s();
      const message = problem.field === 'usagelimit' ? s.usageLimitInvalid : problem.message;
      this.#invite = { ...state, link: undefined, problem: { field: problem.field, message } };
      return;
    }
    this.#invite = { room: state.room, busy: true };
    try {
      const res = await client.createLimitedUseToken(request);
      emit(this, 'samesurf-created', { mode: 'invite', ...res });
      this.#invite = { room: state.room, busy: false, link: res.link };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('.result input')?.select();
    } catch (err) {
      const detail = this.report(err);
      const field = detail?.errorcode === 125 ? 'usagelimit' : '';
      const message = field ? this.s().usageLimitInvalid : detail?.message;
      this.#invite = { room: state.room, busy: false, problem: message ? { field, message } : undefined };
    }
  };

  #share = (link: string) => {
    void navigator.share?.({ url: link }).catch(() => undefined);
  };

  /**
   * The agent's sessions, by room: each a <samesurf-launcher mode="join"> of its own, kept in the sessions strip
   * above the table rather than in a row, so that a refresh or a page change that takes the row away leaves the
   * session (its dialog, open or minimised) as it was. It goes when the agent leaves it.
   */
  readonly #sessions = new Map<string, SameSurfLauncher>();

  #join(r: RunningRoom): void {
    let session = this.#sessions.get(r.room);
    if (!session) {
      const s = this.s();
      const label = format(s.roomLabel, { room: r.room });
      session = document.createElement('samesurf-launcher');
      Object.assign(session, {
        mode: 'join',
        room: r.room,
        apiBase: this.apiBase,
        tokenUrl: this.tokenUrl,
        getToken: this.getToken,
        realtimeOrigin: this.realtimeOrigin,
        timeout: this.timeout,
        strings: { start: label, rejoin: format(s.sessionLive, { room: r.room }) },
      });
      if (this.theme) session.setAttribute('theme', this.theme);
      session.textContent = r.title && typeof r.title === 'string' ? `${label}: ${r.title}` : label;
      session.addEventListener('samesurf-leave', () => this.#left(r.room));
      this.renderRoot.querySelector('.sessions')!.append(session);
      this.#sessions.set(r.room, session);
      this.requestUpdate();
    }
    // In the click's own task: the launcher may open a tab (open="tab") only with the click's activation.
    void session.launch();
  }

  /** The agent left a session: its launcher goes; focus goes back to the room's row, or to the toolbar. */
  #left(room: string): void {
    const session = this.#sessions.get(room);
    this.#sessions.delete(room);
    this.requestUpdate();
    // After the launcher's own close (it gives focus to its button): then the button goes.
    setTimeout(() => {
      const hadFocus = session?.matches(':focus-within');
      session?.remove();
      if (!hadFocus) return;
      const row = this.renderRoot.querySelector<HTMLElement>(`tr[data-room="${room}"] [part~="join-button"]`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('[part~="refresh-button"]'))?.focus();
    });
  }

  #row(r: RunningRoom, s: AgentStrings, lang: string): TemplateResult {
    const ran = this.#rooms.now - Date.parse(r.starttime);
    const label = format(s.roomLabel, { room: r.room });
    const open = this.#invite?.room === r.room;
    // <bdi>: a title in another direction (or one that tries to turn the line around) stays apart.
    const title = r.title ? html`<bdi>${r.title}</bdi>` : html`<span class="muted">${s.untitled}</span>`;
    const joined = this.#sessions.has(r.room);
    return html`<tr role="row" data-room=${r.room}>
        <td role="cell" class="title" data-label=${s.columnTitle}>${title}</td>
        <td role="cell" data-label=${s.columnStarted}>
          <time datetime=${r.starttime}>${dateTime(r.starttime, lang)}</time>
        </td>
        <td role="cell" data-label=${s.columnRunning} class="num">
          <time datetime=${isoDuration(ran)}>${elapsed(ran)}</time>
        </td>
        <td role="cell" data-label=${s.columnRoom} class="num">${r.room}</td>
        <td role="cell">
          <div class="actions">
            <button part="join-button" type="button" aria-label=${`${joined ? s.joinLive : s.join}, ${label}`}
              @click=${() => this.#join(r)}>${joined ? s.joinLive : s.join}</button>
            <button class="secondary" part="copy-button" type="button" aria-label=${`${s.copyGuestLink}, ${label}`}
              @click=${(e: Event) => this.#copy(e, r.privateinvitation)}>${s.copyGuestLink}</button>
            <button class="secondary" part="invite-button" type="button" aria-expanded=${open ? 'true' : 'false'}
              aria-controls="invite-${r.room}" aria-label=${`${s.newInvitation}, ${label}`}
              @click=${() => this.#toggleInvite(r.room)}>${s.newInvitation}</button>
          </div>
        </td>
      </tr>
      ${open ? this.#inviteRow(s, label) : nothing}`;
  }

  #inviteRow(s: AgentStrings, label: string): TemplateResult {
    const st = this.#invite!;
    const bad = (field: string) => st.problem?.field === field;
    const message = st.problem ? html`<p class="error" id="invite-problem" role="alert">${st.problem.message}</p>` : '';
    return html`<tr class="invite-row" role="row">
      <td role="cell" colspan="5" id="invite-${st.room}">
        <form part="invite-form" aria-label=${`${s.newInvitation} ${label}`} novalidate
          @submit=${this.#createInvitation}>
          <label>${s.usageLimit}<input name="usagelimit" type="number" min="1" step="1" value="1" required
            aria-invalid=${bad('usagelimit') ? 'true' : 'false'}
            aria-describedby=${bad('usagelimit') ? 'invite-problem' : nothing} /></label>
          <label>${s.visitorName}<input name="usersname" autocomplete="off" maxlength="200"
            aria-invalid=${bad('usersname') ? 'true' : 'false'}
            aria-describedby=${bad('usersname') ? 'invite-problem' : nothing} /></label>
          <button type="submit" aria-busy=${st.busy ? 'true' : 'false'}>${s.createInvitation}</button>
          ${message}
          ${
            st.link
              ? html`<div class="result">
                  <label>${s.invitationLink}<input readonly .value=${st.link} /></label>
                  <button class="secondary" part="copy-button" type="button"
                    @click=${(e: Event) => this.#copy(e, st.link!)}>${s.copy}</button>
                  ${
                    'share' in navigator
                      ? html`<button class="secondary" part="share-button" type="button"
                          @click=${() => this.#share(st.link!)}>${s.share}</button>`
                      : nothing
                  }
                </div>`
              : nothing
          }
        </form>
      </td>
    </tr>`;
  }

  protected override render(): TemplateResult {
    const s = this.s();
    const c = this.#rooms;
    const lang = languageOf(this);
    const noMore = c.skip + this.#pageSize() >= c.total;
    let body: unknown;
    if (this.configProblem) body = nothing;
    else if (c.loading)
      body = html`<tr class="loading" role="row"><td role="cell" colspan="5" class="muted">${s.loadingRooms}</td></tr>`;
    else if (!c.rooms.length)
      body = c.failure ? nothing : html`<tr role="row"><td role="cell" colspan="5">${s.noRooms}</td></tr>`;
    else
      body = repeat(
        c.rooms,
        (r) => r.room,
        (r) => this.#row(r, s, lang),
      );
    return html`${this.renderConfigProblem()}
      <div class="toolbar">
        <h2 id="heading" part="title">${s.roomsTitle}</h2>
        <button class="secondary" part="refresh-button" type="button" aria-disabled=${this.client ? 'false' : 'true'}
          @click=${this.#refreshByHand}>${s.refresh}</button>
        <!-- Out of the flow: a longer word in another language never moves the button. -->
        <span class="muted busy-note" aria-hidden="true">${c.busy && !c.loading ? s.refreshing : ''}</span>
      </div>
      <!-- The agent's sessions: launchers added and removed by #join and #left, never by this template. -->
      <div class="sessions" part="sessions" role="group" aria-label=${s.sessionsTitle}
        ?hidden=${this.#sessions.size === 0}></div>
      <!-- Roles spelled out: they stay when the narrow layout makes each row a card (display: block). -->
      <table part="table" role="table" aria-labelledby="heading" aria-busy=${c.busy ? 'true' : 'false'}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${s.columnTitle}</th>
            <th role="columnheader" scope="col">${s.columnStarted}</th>
            <th role="columnheader" scope="col">${s.columnRunning}</th>
            <th role="columnheader" scope="col">${s.columnRoom}</th>
            <th role="columnheader" scope="col">${s.columnActions}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">${body}</tbody>
      </table>
      <!-- Under the table, not over it: a failed refresh never moves the rows an agent is about to click. -->
      ${this.renderFailure(c.failure, this.#refreshByHand)}
      <div class="pager" part="pager" ?hidden=${c.total === 0 && !c.skip}>
        <span class="num"><bdi>${this.#range(s)}</bdi></span>
        <button class="secondary" part="previous-button" type="button"
          aria-disabled=${c.skip === 0 ? 'true' : 'false'} @click=${() => this.#page(-1)}>${s.previousPage}</button>
        <button class="secondary" part="next-button" type="button" aria-disabled=${noMore ? 'true' : 'false'}
          @click=${() => this.#page(1)}>${s.nextPage}</button>
      </div>
      <div class="sr-only" role="status">${this.#announcement}</div>`;
  }
}
