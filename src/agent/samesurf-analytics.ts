import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AnalyticsOverviewResponse, AnalyticsRoom } from '../api/types.js';
import { languageOf } from '../launcher/lang.js';
import { format } from '../launcher/strings.js';
import { AgentElement } from './agent-element.js';
import type { AgentStrings } from './agent-strings.js';
import { agentStyles } from './agent-styles.js';
import { chart, type ChartBar } from './analytics-chart.js';
import { AnalyticsController } from './analytics-controller.js';
import { dateTime, elapsed } from './format.js';
import './room-report.js'; // <samesurf-room-report>, which a row opens (analytics.ts makes sure it is defined)

/**
 * The account's co-browsing analytics, for an agent's portal: rooms and their average length today, this week, this
 * month and in all (figures, a small chart and the same figures as a table), and every room, page by page, each
 * opening its report. Works only through your proxy (`api-base`) or your tokens (`token-url`, `getToken`).
 *
 * @summary Co-browsing figures by period, a chart, and all rooms with their reports.
 * @tag samesurf-analytics
 *
 * @csspart title - The heading.
 * @csspart refresh-button - Loads the analytics again.
 * @csspart figures - The four figure cards.
 * @csspart chart - The inline SVG chart.
 * @csspart table - The table of rooms.
 * @csspart report-button - A row's button that opens its room's report.
 * @csspart pager - The page range and the previous and next buttons.
 * @csspart previous-button - The previous page.
 * @csspart next-button - The next page.
 * @csspart report - The room report opened from a row (a `<samesurf-room-report>`).
 * @csspart close-report-button - Closes the room report.
 * @csspart error - A failed load (with `retry-button`), or a configuration problem (on localhost or with `debug`).
 * @csspart retry-button - Loads again after a failure.
 *
 * @cssprop [--samesurf-accent=#0b57d0] - Button, focus and chart colour.
 * @cssprop [--samesurf-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--samesurf-text=#1d2433] - Text colour.
 * @cssprop [--samesurf-muted=#525b6c] - Secondary text, and the chart's second series.
 * @cssprop [--samesurf-background=#ffffff] - Background.
 * @cssprop [--samesurf-error=#b3261e] - Error text.
 * @cssprop [--samesurf-radius=10px] - Corner radius.
 * @cssprop [--samesurf-font=inherit] - Font family.
 * @cssprop [--samesurf-focus-ring=var(--samesurf-accent)] - Focus outline colour.
 *
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - A call failed, or the configuration is wrong.
 */
export class SameSurfAnalytics extends AgentElement {
  static override styles = [
    agentStyles,
    css`
      .cards {
        list-style: none;
        margin: 0 0 1em;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(11em, 100%), 1fr));
        gap: 0.75em;
      }
      .card {
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 0.75em 1em;
      }
      .card h3 {
        font-size: 0.9em;
        margin: 0;
        color: var(--_muted);
      }
      .card .big {
        font-size: 2em;
        font-weight: 700;
        margin: 0.1em 0 0;
        font-variant-numeric: tabular-nums;
      }
      .card p {
        margin: 0;
      }
      .chart {
        inline-size: 100%;
        max-inline-size: 40em;
        block-size: auto;
        display: block;
      }
      .chart .rooms {
        fill: var(--_accent);
      }
      .chart .minutes {
        fill: var(--_muted);
      }
      .chart text {
        fill: var(--_text);
        font-size: 12px;
      }
      .chart .base {
        stroke: var(--_line);
      }
      details {
        margin-block: 0.5em 1em;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
        font-weight: 600;
      }
      .urls {
        margin: 0 0 1em;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2em 1em;
      }
      .urls dt {
        color: var(--_muted);
      }
      .urls dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .report {
        margin-block-start: 1.5em;
        border-block-start: 2px solid var(--_line);
        padding-block-start: 1em;
      }
      @media (forced-colors: active) {
        .chart .rooms {
          fill: Highlight;
        }
        .chart .minutes {
          fill: CanvasText;
        }
        .chart text {
          fill: CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    limit: { type: Number },
  };

  /** Rooms per page (default 10). */
  limit = 10;

  #open?: AnalyticsRoom;
  #said = '';
  readonly #data = new AnalyticsController(this, {
    client: () => this.client,
    pageSize: () => this.#pageSize(),
    report: (err) => this.report(err),
  });

  #pageSize(): number {
    return Number.isInteger(this.limit) && this.limit > 0 ? Math.min(this.limit, 1000) : 10;
  }

  /** Loads everything again. Resolves once it is shown, or has failed (see samesurf-error). */
  refresh(): Promise<void> {
    return this.#data.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reload = ['apiBase', 'tokenUrl', 'apiKey', 'getToken', 'timeout', 'limit'] as const;
    if (reload.some((p) => changed.has(p))) void this.#data.load(0);
  }

  #page = async (delta: number) => {
    const c = this.#data;
    const skip = c.skip + delta * this.#pageSize();
    if (c.loading || skip < 0 || skip >= c.total) return;
    await c.load(skip, false);
    const s = this.s();
    this.#said = format(s.pageRange, { from: c.skip + 1, to: c.skip + c.rooms.length, total: c.total });
    this.requestUpdate();
  };

  /** Opens a room's report under the table and takes focus to it (its heading says which room). */
  async #openReport(room: AnalyticsRoom): Promise<void> {
    this.#open = room;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.report')?.focus();
  }

  async #closeReport(): Promise<void> {
    const room = this.#open?.room;
    this.#open = undefined;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-room="${room}"] [part~="report-button"]`)?.focus();
  }

  #figures(o: AnalyticsOverviewResponse, s: AgentStrings): TemplateResult {
    const periods: [string, number, number][] = [
      [s.periodToday, o.rooms_today, o.averageduration_today],
      [s.periodWeek, o.rooms_thisweek, o.averageduration_thisweek],
      [s.periodMonth, o.rooms_thismonth, o.averageduration_thismonth],
      [s.periodAll, o.rooms_total, o.averageduration_alltime],
    ];
    const bars: ChartBar[] = periods.map(([label, rooms, minutes]) => ({ label, rooms, minutes }));
    return html`<ul class="cards" part="figures">
        ${periods.map(
          ([label, rooms, minutes]) => html`<li class="card">
            <h3>${label}</h3>
            <p class="big">${rooms}</p>
            <p>${s.figureRooms}</p>
            <p class="muted">${format(s.figureAverage, { minutes })}</p>
          </li>`,
        )}
      </ul>
      ${chart(bars, s.chartTitle, s.chartRooms, s.chartAverage)}
      <details>
        <summary>${s.showTable}</summary>
        <table role="table">
          <caption class="sr-only">${s.chartTitle}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${s.columnPeriod}</th>
              <th role="columnheader" scope="col">${s.columnRooms}</th>
              <th role="columnheader" scope="col">${s.columnAverage}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${periods.map(
              ([label, rooms, minutes]) => html`<tr role="row">
                <th role="rowheader" scope="row">${label}</th>
                <td role="cell" class="num" data-label=${s.columnRooms}>${rooms}</td>
                <td role="cell" class="num" data-label=${s.columnAverage}>${format(s.minutes, { minutes })}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
      <dl class="urls">
        ${o.url_latest ? html`<dt>${s.latestUrl}</dt><dd>${o.url_latest}</dd>` : nothing}
        ${o.url_most_popular ? html`<dt>${s.popularUrl}</dt><dd>${o.url_most_popular}</dd>` : nothing}
      </dl>`;
  }

  #row(r: AnalyticsRoom, s: AgentStrings, lang: string): TemplateResult {
    const label = format(s.roomLabel, { room: r.room });
    return html`<tr role="row" data-room=${r.room}>
      <td role="cell" data-label=${s.columnTitle}>${r.title || html`<span class="muted">${s.untitled}</span>`}</td>
      <td role="cell" data-label=${s.columnDate}><time datetime=${r.date}>${dateTime(r.date, lang)}</time></td>
      <td role="cell" data-label=${s.columnLength} class="num">${elapsed(r.duration * 1000)}</td>
      <td role="cell" data-label=${s.columnRecordings} class="num">${r.screenrecordings}</td>
      <td role="cell" data-label=${s.columnRoom} class="num">${r.room}</td>
      <td role="cell">
        <button class="secondary" part="report-button" type="button" aria-label=${`${s.openReport}, ${label}`}
          aria-expanded=${this.#open?.room === r.room ? 'true' : 'false'}
          @click=${() => void this.#openReport(r)}>${s.openReport}</button>
      </td>
    </tr>`;
  }

  protected override render(): TemplateResult {
    const s = this.s();
    const lang = languageOf(this);
    const c = this.#data;
    const from = c.total ? c.skip + 1 : 0;
    const to = c.skip + c.rooms.length;
    const open = this.#open;
    return html`${this.renderConfigProblem()}
      <div class="toolbar">
        <h2 part="title">${s.analyticsTitle}</h2>
        <button class="secondary" part="refresh-button" type="button"
          @click=${() => void this.refresh()}>${s.refresh}</button>
      </div>
      ${this.renderFailure(c.failure, () => void this.refresh())}
      ${c.loading && !c.overview ? html`<p class="muted">${s.loadingAnalytics}</p>` : nothing}
      ${c.overview ? this.#figures(c.overview, s) : nothing}
      <h3 id="rooms-title">${s.pastRoomsTitle}</h3>
      <table part="table" role="table" aria-labelledby="rooms-title" aria-busy=${c.loading ? 'true' : 'false'}>
        <thead role="rowgroup">
          <tr role="row">
            ${[s.columnTitle, s.columnDate, s.columnLength, s.columnRecordings, s.columnRoom, s.columnReport].map(
              (h) => html`<th role="columnheader" scope="col">${h}</th>`,
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${
            c.rooms.length
              ? c.rooms.map((r) => this.#row(r, s, lang))
              : c.overview
                ? html`<tr role="row"><td role="cell" colspan="6">${s.noPastRooms}</td></tr>`
                : nothing
          }
        </tbody>
      </table>
      <div class="pager" part="pager">
        <span class="num">${format(s.pageRange, { from, to, total: c.total })}</span>
        <button class="secondary" part="previous-button" type="button" aria-disabled=${c.skip === 0 ? 'true' : 'false'}
          @click=${() => void this.#page(-1)}>${s.previousPage}</button>
        <button class="secondary" part="next-button" type="button"
          aria-disabled=${c.skip + this.#pageSize() >= c.total ? 'true' : 'false'}
          @click=${() => void this.#page(1)}>${s.nextPage}</button>
      </div>
      ${
        open
          ? html`<section class="report" tabindex="-1" aria-label=${format(s.roomLabel, { room: open.room })}>
              <samesurf-room-report part="report" .room=${open.room} .recordings=${open.screenrecordings}
                .apiBase=${this.apiBase} .tokenUrl=${this.tokenUrl} .getToken=${this.getToken}
                .timeout=${this.timeout} .strings=${this.strings} theme=${this.theme ?? 'auto'}></samesurf-room-report>
              <button class="secondary" part="close-report-button" type="button"
                @click=${() => void this.#closeReport()}>${s.closeReport}</button>
            </section>`
          : nothing
      }
      <div class="sr-only" role="status">${this.#said}</div>`;
  }
}
