import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import '../define.js'; // <samesurf-launcher>, which each row joins its room with
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
  static override styles = [
    agentStyles,
    css`
      .invite-row td {
        padding-block: 0.75em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75em;
      }
      form input[type='number'] {
        inline-size: 6em;
      }
      .result {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5em;
        flex-basis: 100%;
      }
      .result label {
        flex: 1 1 20em;
        max-inline-size: 40em;
      }
      .result input {
        inline-size: 100%;
      }
      .busy-note {
        min-inline-size: 8em;
        text-align: end;
      }
      samesurf-launcher::part(button) {
        min-block-size: 2.25rem;
        padding-block: 0.35em;
      }
    `,
  ];

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

  /** What the live region says: each change renders (and is announced). */
  get #announcement(): string {
    return this.#announced;
  }
  set #announcement(value: string) {
    this.#announced = value;
    this.requestUpdate();
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

  #page = (delta: number) => {
    const c = this.#rooms;
    const skip = c.skip + delta * this.#pageSize();
    if (c.busy || skip < 0 || skip >= c.total) return;
    void c.load(skip);
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
    const request = {
      room: state.room,
      usagelimit: Number(data.get('usagelimit')),
      isleader: false,
      ...(name ? { usersname: name } : {}),
    };
    // The same rules the client, the emulator and the proxy hold (the per-call map): shown on the field at fault.
    const problem = findProblem('createlimitedusetoken', request);
    if (problem) {
      this.#invite = { ...state, link: undefined, problem: { field: problem.field, message: problem.message } };
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
      this.#invite = { room: state.room, busy: false, problem: detail && { field, message: detail.message } };
    }
  };

  #share = (link: string) => {
    void navigator.share?.({ url: link }).catch(() => undefined);
  };

  #joinLabels?: { start: string; rejoin: string };
  /** The join buttons' labels: the same object while they stay the same (a new one would render every row again). */
  #joinStrings(s: AgentStrings): { start: string; rejoin: string } {
    const l = this.#joinLabels;
    if (l?.start !== s.join || l.rejoin !== s.joinLive) this.#joinLabels = { start: s.join, rejoin: s.joinLive };
    return this.#joinLabels!;
  }

  #row(r: RunningRoom, s: AgentStrings, lang: string): TemplateResult {
    const ran = this.#rooms.now - Date.parse(r.starttime);
    const label = format(s.roomLabel, { room: r.room });
    const open = this.#invite?.room === r.room;
    const title = r.title || html`<span class="muted">${s.untitled}</span>`;
    return html`<tr role="row">
        <td role="cell" data-label=${s.columnTitle}>${title}</td>
        <td role="cell" data-label=${s.columnStarted}>
          <time datetime=${r.starttime}>${dateTime(r.starttime, lang)}</time>
        </td>
        <td role="cell" data-label=${s.columnRunning} class="num">
          <time datetime=${isoDuration(ran)}>${elapsed(ran)}</time>
        </td>
        <td role="cell" data-label=${s.columnRoom} class="num">${r.room}</td>
        <td role="cell">
          <div class="actions">
          <samesurf-launcher .mode=${'join'} .room=${r.room} .apiBase=${this.apiBase} .tokenUrl=${this.tokenUrl}
            .getToken=${this.getToken} .realtimeOrigin=${this.realtimeOrigin} .timeout=${this.timeout}
            .strings=${this.#joinStrings(s)} theme=${ifDefined(this.theme)}
            >${s.join}<span class="sr-only">, ${label}</span></samesurf-launcher>
          <button class="secondary" part="copy-button" type="button"
            @click=${(e: Event) => this.#copy(e, r.privateinvitation)}>${s.copyGuestLink}<span class="sr-only"
            >, ${label}</span></button>
          <button class="secondary" part="invite-button" type="button" aria-expanded=${open ? 'true' : 'false'}
            aria-controls="invite-${r.room}" @click=${() => this.#toggleInvite(r.room)}>${s.newInvitation}<span
            class="sr-only">, ${label}</span></button>
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
    const from = c.total ? c.skip + 1 : 0;
    const to = c.skip + c.rooms.length;
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
        <span class="muted busy-note" aria-hidden="true">${c.busy && !c.loading ? s.refreshing : ''}</span>
        <button class="secondary" part="refresh-button" type="button" aria-disabled=${this.client ? 'false' : 'true'}
          @click=${() => void this.refresh()}>${s.refresh}</button>
      </div>
      ${
        c.failure
          ? html`<div part="error" class="error" role="alert">${c.failure.message}
              <button class="secondary" part="retry-button" type="button"
                @click=${() => void this.refresh()}>${s.retry}</button></div>`
          : nothing
      }
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
      <div class="pager" part="pager">
        <span class="num">${format(s.pageRange, { from, to, total: c.total })}</span>
        <button class="secondary" part="previous-button" type="button"
          aria-disabled=${c.skip === 0 ? 'true' : 'false'} @click=${() => this.#page(-1)}>${s.previousPage}</button>
        <button class="secondary" part="next-button" type="button" aria-disabled=${noMore ? 'true' : 'false'}
          @click=${() => this.#page(1)}>${s.nextPage}</button>
      </div>
      <div class="sr-only" role="status">${this.#announcement}</div>`;
  }
}
