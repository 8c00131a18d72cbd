/**
 * What every element of the agent's kit shares: how it reaches the API (agent-auth.ts), its strings and theme, and
 * how a failure is told to the person (a sentence) and to the page (`samesurf-error`). A misconfiguration is told to
 * the developer: inline on localhost or with `debug`, always in the console and as `samesurf-error`.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { SameSurfClient, type TokenSource } from '../api/client.js';
import { emit } from '../launcher/events.js';
import type { SameSurfErrorDetail } from '../launcher/events.js';
import { languageOf } from '../launcher/lang.js';
import { describeFailure } from '../launcher/messages.js';
import { agentAuth, type AgentConfigProblem } from './agent-auth.js';
import { agentStringsFor, type AgentStrings } from './agent-strings.js';

/** Where a developer looks: the misconfiguration is shown inline there; visitors of a live site never see it. */
export const isDevelopment = () => {
  const { hostname, protocol } = location;
  return (
    protocol === 'file:' || hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1'
  );
};

export abstract class AgentElement extends LitElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    tokenUrl: { attribute: 'token-url' },
    apiKey: { attribute: 'api-key' },
    getToken: { attribute: false },
    timeout: { type: Number },
    realtimeOrigin: { attribute: 'realtime-origin' },
    strings: { attribute: false },
    theme: { reflect: true },
    debug: { type: Boolean },
  };

  /** Your proxy's path (`samesurf-launcher/server` with an `authorize` hook tied to your agents' login). */
  apiBase?: string;
  /** Your endpoint that answers `POST {call}` with `{ token }` for a logged-in agent. */
  tokenUrl?: string;
  /** Refused: these elements never run on a key in the page (see the README's agent section). */
  apiKey?: string;
  /** Instead of `token-url`: your function that gives a bearer token for each call (`{ call, signal }`). */
  getToken?: TokenSource;
  /** Milliseconds to wait for each API call before giving up (default 15000). */
  timeout?: number;
  /** Space-separated origins whose invitation links may be opened (default `https://realtime.samesurf.com`). */
  realtimeOrigin?: string;
  /** Overrides for any built-in string. */
  strings?: Partial<AgentStrings>;
  /** `light`, `dark` or `auto` (default: the visitor's `prefers-color-scheme`). */
  theme?: 'light' | 'dark' | 'auto';
  /** Shows a configuration problem inline on a live site too (it always shows on localhost). */
  debug = false;

  #client?: SameSurfClient;
  #reported?: string;
  /** The attribute at fault, while there is one: nothing is fetched. */
  protected configProblem?: AgentConfigProblem;

  /** The client for the current attributes; undefined (and the problem reported once) when they are wrong. */
  protected get client(): SameSurfClient | undefined {
    return this.#client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const auth = ['apiBase', 'tokenUrl', 'apiKey', 'getToken', 'timeout'] as const;
    if (this.hasUpdated && !auth.some((p) => changed.has(p))) return;
    const result = agentAuth({
      apiBase: this.apiBase,
      tokenUrl: this.tokenUrl,
      apiKey: this.apiKey,
      getToken: this.getToken,
      timeout: this.timeout,
      attributeNames: this.getAttributeNames(),
    });
    if (result.ok) {
      this.configProblem = this.#reported = undefined;
      this.#client = new SameSurfClient(result.client);
      return;
    }
    this.#client = undefined;
    this.reportProblem(result.problem);
  }

  /**
   * A misconfiguration: shown inline where its developer looks, one console line and one `samesurf-error` (once for
   * the same problem), and nothing is fetched.
   */
  protected reportProblem(problem: AgentConfigProblem): void {
    this.configProblem = problem;
    const id = `${problem.attribute}|${problem.detail}`;
    if (this.#reported === id) return;
    this.#reported = id;
    const line = `<${this.localName}>: ${problem.attribute}: ${problem.detail}`;
    if (problem.secret) console.error(line);
    else console.warn(line);
    const s = this.s();
    emit(this, 'samesurf-error', {
      code: problem.secret ? 'secret' : 'config',
      message: problem.secret ? s.errorSecret : s.errorConfig,
      attribute: problem.attribute,
      cause: new Error(problem.detail),
    });
  }

  /** Every string, in the element's language, with the page's overrides. */
  protected s(): AgentStrings {
    return agentStringsFor(languageOf(this), this.strings);
  }

  /** A failed call: the sentence for the person, and `samesurf-error` for the page. Aborted calls say nothing. */
  protected report(err: unknown): SameSurfErrorDetail | undefined {
    if ((err as { kind?: string })?.kind === 'aborted') return undefined;
    const detail = describeFailure(err, this.s());
    emit(this, 'samesurf-error', detail);
    return detail;
  }

  /** A failed load, with its retry: the same markup in every element of the kit. */
  protected renderFailure(
    failure: SameSurfErrorDetail | undefined,
    retry: (e: Event) => unknown,
  ): TemplateResult | typeof nothing {
    return failure
      ? html`<div part="error" class="error" role="alert">${failure.message}
          <button class="secondary" part="retry-button" type="button" @click=${retry}>${this.s().retry}</button></div>`
      : nothing;
  }

  /** The misconfiguration, inline where its developer looks (localhost, or `debug`); nothing for visitors. */
  protected renderConfigProblem(): TemplateResult | typeof nothing {
    const p = this.configProblem;
    if (!p) return nothing;
    return this.debug || isDevelopment()
      ? html`<p part="error" class="error" role="alert"><strong>&lt;${this.localName}&gt;</strong> ${p.attribute}:
          ${p.detail}</p>`
      : nothing;
  }
}
