import { css, html, nothing, type TemplateResult } from 'lit';
import { parseEventTime } from '../api/checks.js';
import { eventInstant } from '../api/event-time.js';
import type { CreateCallRequest, CreateRoomResponse } from '../api/types.js';
import { findProblem } from '../api/validate.js';
import { emit } from '../launcher/events.js';
import { format } from '../launcher/strings.js';
import { AgentElement } from './agent-element.js';
import type { AgentStrings } from './agent-strings.js';
import { agentStyles } from './agent-styles.js';
import { copyText } from './copy-text.js';
import { calendarFile } from './ics.js';

/** The form's fields, by the API's names. */
type Field = 'title' | 'starturl' | 'eventtime' | 'timezone' | 'lengthinminutes' | 'invitees' | 'invitemessage';

/** Where the API's own validation errors belong (its error codes), so that each shows on its field. */
const FIELD_OF_CODE: Record<number, Field> = {
  104: 'invitees',
  105: 'starturl',
  106: 'timezone',
  107: 'timezone',
  108: 'eventtime',
  122: 'eventtime',
  123: 'lengthinminutes',
};

/** Every IANA zone the browser knows, with UTC (which some leave out of the list). */
function timeZones(): string[] {
  const list = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return list.includes('UTC') ? list : ['UTC', ...list];
}

/**
 * A form to schedule a co-browsing room, for an agent's portal: when (date, time and IANA time zone, the visitor's by
 * default), how long, who is invited (each address checked on its own) and with what message, the title and start
 * page. Every field is checked by the API's own rules before sending, and the API's validation errors (104, 106, 107,
 * 108, 122, 123) show on their field. Once scheduled: the leader's and the guests' links, with copy buttons, and a
 * calendar file (.ics). Works only through your proxy (`api-base`) or your tokens (`token-url`, `getToken`).
 *
 * @summary Schedules a co-browsing room: the form, its links and a calendar file.
 * @tag samesurf-scheduler
 *
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart submit-button - Schedules the room.
 * @csspart result - The links and the calendar file, once scheduled.
 * @csspart copy-button - A link's copy button.
 * @csspart ics-button - Downloads the calendar file.
 * @csspart error - A failure that is no field's, or a configuration problem (on localhost or with `debug`).
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
 * @fires {CustomEvent<SameSurfCreatedDetail>} samesurf-created - The room was scheduled (`mode: 'room'`).
 * @fires {CustomEvent<SameSurfErrorDetail>} samesurf-error - A call failed, or the configuration is wrong.
 */
export class SameSurfScheduler extends AgentElement {
  static override styles = [
    agentStyles,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(16em, 100%), 1fr));
        gap: 0.9em 1em;
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
      input,
      select,
      textarea {
        inline-size: 100%;
      }
      .hint {
        font-weight: 400;
        font-size: 0.9em;
        color: var(--_muted);
      }
      .field-error {
        color: var(--_error);
        font-weight: 400;
        margin: 0;
      }
      .result {
        display: grid;
        gap: 0.75em;
      }
      .link {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5em;
      }
      .link label {
        flex: 1 1 20em;
      }
    `,
  ];

  static override properties = {
    startUrl: { attribute: 'start-url' },
    length: { type: Number },
  };

  /** The start page filled in (the agent may change it). */
  startUrl?: string;
  /** The length filled in, in minutes (default 30). */
  length = 30;

  #problems: Partial<Record<Field, string>> = {};
  #failure?: string;
  #busy = false;
  #done?: { res: CreateRoomResponse; request: CreateCallRequest };
  #said = '';

  #say(text: string): void {
    this.#said = text;
    this.requestUpdate();
  }

  /** The field's message, in the person's language, for a problem the rules found (or the API reported). */
  #message(field: Field, request: CreateCallRequest, s: AgentStrings): string {
    if (field === 'invitees') {
      const bad = (request.invitees ?? '')
        .split(',')
        .map((a) => a.trim())
        .find((a) => findProblem('create', { invitees: a })?.field === 'invitees');
      return format(s.invalidInvitee, { address: bad ?? request.invitees ?? '' });
    }
    const messages: Partial<Record<Field, string>> = {
      eventtime: s.invalidWhen,
      timezone: s.invalidTimezone,
      lengthinminutes: s.invalidLength,
      starturl: s.invalidStartUrl,
    };
    return messages[field] ?? '';
  }

  #submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const client = this.client;
    if (this.#busy || !client) return;
    const s = this.s();
    const data = new FormData(e.target as HTMLFormElement);
    const value = (name: Field) => String(data.get(name) ?? '').trim();
    const when = value('eventtime');
    const length = value('lengthinminutes');
    const invitees = value('invitees')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .join(',');
    // datetime-local gives minutes: the API's ISO form has seconds.
    const request: CreateCallRequest = {
      eventtime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when) ? `${when}:00` : when,
      timezone: value('timezone'),
    };
    if (length) request.lengthinminutes = Number(length);
    if (invitees) request.invitees = invitees;
    for (const name of ['title', 'starturl', 'invitemessage'] as const) if (value(name)) request[name] = value(name);
    // Every field against the API's own rules (the per-call map), each problem on its field, before any request.
    const problems: Partial<Record<Field, string>> = {};
    if (!when) problems.eventtime = s.invalidWhen;
    for (const field of ['eventtime', 'timezone', 'lengthinminutes', 'invitees', 'starturl'] as const) {
      if (problems[field] || request[field] === undefined) continue;
      // Field by field (a rule across fields, timezone with a local eventtime, is the select's to satisfy).
      const problem = findProblem('create', { [field]: request[field] } as CreateCallRequest);
      if (problem?.field === field) problems[field] = this.#message(field, request, s);
    }
    const time = parseEventTime(request.eventtime ?? '');
    if (!problems.eventtime && time && eventInstant(time, request.timezone) <= Date.now())
      problems.eventtime = s.pastWhen;
    this.#problems = problems;
    this.#failure = undefined;
    if (Object.keys(problems).length) {
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.#busy = true;
    this.requestUpdate();
    try {
      const res = await client.createRoom(request);
      emit(this, 'samesurf-created', { mode: 'room', ...res });
      this.#done = { res, request };
      this.#say(s.scheduled);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="result"] h3')?.focus();
    } catch (err) {
      const detail = this.report(err);
      const field = detail?.errorcode === undefined ? undefined : FIELD_OF_CODE[detail.errorcode];
      if (field) {
        const message =
          detail?.errorcode === 122 ? s.pastWhen : this.#message(field, request, s) || (detail?.message ?? '');
        this.#problems = { [field]: message };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      } else this.#failure = detail?.message;
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  };

  #copy = async (e: Event, link: string) => {
    const s = this.s();
    this.#say('');
    this.#say((await copyText(link, this.renderRoot as ShadowRoot)) ? s.copied : s.copyFailed);
    (e.target as HTMLElement).focus();
  };

  /** The calendar file: made here, saved through a link to a blob (nothing is sent anywhere). */
  #downloadIcs = () => {
    const { res, request } = this.#done!;
    const time = parseEventTime(request.eventtime!)!;
    const s = this.s();
    const file = calendarFile({
      uid: `${res.room}@samesurf-launcher`,
      start: eventInstant(time, request.timezone),
      minutes: request.lengthinminutes ?? 30,
      title: request.title || format(s.roomLabel, { room: res.room }),
      description: [request.invitemessage, res.publicinvitation].filter(Boolean).join('\n\n'),
      url: res.publicinvitation,
      stamp: Date.now(),
    });
    const url = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    Object.assign(a, { href: url, download: `samesurf-room-${res.room}.ics` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  #again = async () => {
    this.#done = undefined;
    this.#problems = {};
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name="eventtime"]')?.focus();
  };

  /** A labelled field with its problem, if any, tied to it. */
  #field(name: Field, label: string, control: TemplateResult, hint?: string, wide = false): TemplateResult {
    const problem = this.#problems[name];
    return html`<label class=${wide ? 'wide' : ''}>${label}
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing} ${control}
      ${problem ? html`<span class="field-error" id="${name}-problem">${problem}</span>` : nothing}
    </label>`;
  }

  #aria(name: Field, hint = false): { invalid: 'true' | 'false'; described?: string } {
    const problem = this.#problems[name];
    const described = [hint ? `${name}-hint` : '', problem ? `${name}-problem` : ''].filter(Boolean).join(' ');
    return { invalid: problem ? 'true' : 'false', described: described || undefined };
  }

  #form(s: AgentStrings): TemplateResult {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const a = (name: Field, hint = false) => this.#aria(name, hint);
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.#submit}>
      ${this.#field(
        'eventtime',
        s.fieldWhen,
        html`<input name="eventtime" type="datetime-local" required aria-invalid=${a('eventtime').invalid}
          aria-describedby=${a('eventtime').described ?? nothing} />`,
      )}
      ${this.#field(
        'timezone',
        s.fieldTimezone,
        html`<select name="timezone" aria-invalid=${a('timezone').invalid}
          aria-describedby=${a('timezone').described ?? nothing}>
          ${timeZones().map((z) => html`<option value=${z} ?selected=${z === zone}>${z}</option>`)}
        </select>`,
      )}
      ${this.#field(
        'lengthinminutes',
        s.fieldLength,
        html`<input name="lengthinminutes" type="number" min="1" step="1" .value=${String(this.length)}
          aria-invalid=${a('lengthinminutes').invalid}
          aria-describedby=${a('lengthinminutes').described ?? nothing} />`,
      )}
      ${this.#field(
        'title',
        s.fieldTitle,
        html`<input name="title" autocomplete="off" maxlength="200" aria-invalid="false" />`,
      )}
      ${this.#field(
        'starturl',
        s.fieldStartUrl,
        html`<input name="starturl" type="url" .value=${this.startUrl ?? ''} aria-invalid=${a('starturl').invalid}
          aria-describedby=${a('starturl').described ?? nothing} />`,
      )}
      ${this.#field(
        'invitees',
        s.fieldInvitees,
        html`<input name="invitees" type="text" inputmode="email" autocomplete="off"
          aria-invalid=${a('invitees', true).invalid} aria-describedby=${a('invitees', true).described ?? nothing} />`,
        s.inviteesHint,
        true,
      )}
      ${this.#field(
        'invitemessage',
        s.fieldMessage,
        html`<textarea name="invitemessage" rows="3" aria-invalid="false"></textarea>`,
        undefined,
        true,
      )}
      <div class="wide">
        <button part="submit-button" type="submit" aria-busy=${this.#busy ? 'true' : 'false'}>${s.schedule}</button>
      </div>
    </form>`;
  }

  #result(s: AgentStrings): TemplateResult {
    const { res } = this.#done!;
    const link = (label: string, value: string) => html`<div class="link">
      <label>${label}<input readonly .value=${value} /></label>
      <button class="secondary" part="copy-button" type="button" aria-label=${`${s.copy}: ${label}`}
        @click=${(e: Event) => this.#copy(e, value)}>${s.copy}</button>
    </div>`;
    return html`<div class="result" part="result">
      <h3 tabindex="-1">${s.scheduled} ${format(s.roomLabel, { room: res.room })}</h3>
      ${link(s.leaderLink, res.privateinvitation)} ${link(s.guestLink, res.publicinvitation)}
      <div class="actions">
        <button part="ics-button" type="button" @click=${this.#downloadIcs}>${s.downloadIcs}</button>
        <button class="secondary" type="button" @click=${this.#again}>${s.scheduleAnother}</button>
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const s = this.s();
    return html`${this.renderConfigProblem()}
      <div class="toolbar"><h2 id="heading" part="title">${s.schedulerTitle}</h2></div>
      ${this.#done ? this.#result(s) : this.#form(s)}
      ${this.#failure ? html`<p part="error" class="error" role="alert">${this.#failure}</p>` : nothing}
      <div class="sr-only" role="status">${this.#said}</div>`;
  }
}
