/**
 * How the agent's elements reach the API. They show leader links, visitors' names and addresses and recordings, so
 * they never run on a key in the page (anyone can read it and make the same calls): only through the site's proxy
 * (`api-base`, where an `authorize` hook ties each call to the agent's login) or with tokens the site mints for its
 * logged-in agents (`token-url`, or a `getToken` function).
 */
import type { ClientOptions, TokenSource } from '../api/client.js';
import { pageClientOptions } from '../launcher/config.js';

/** What the element holds that decides how it authenticates. */
export interface AgentAuthAttributes {
  apiBase?: string;
  tokenUrl?: string;
  apiKey?: string;
  getToken?: TokenSource;
  timeout?: number;
  /** Every attribute's name, to spot a secret. */
  attributeNames: string[];
}

/** A misconfiguration, for the developer: the attribute at fault and what to do. */
export interface AgentConfigProblem {
  attribute: string;
  detail: string;
  secret?: boolean;
}

export type AgentAuth = { ok: true; client: ClientOptions } | { ok: false; problem: AgentConfigProblem };

const WHY =
  "They show leader links, visitors' names and addresses and recordings: never on a key in the page, which anyone " +
  'can read and use. Serve them through your proxy (api-base, with an authorize hook tied to your agents’ login) ' +
  'or give them tokens from your server (token-url, or the getToken property).';

/** `baseURI`: what relative `api-base` and `token-url` resolve against (the page's). */
export function agentAuth(
  a: AgentAuthAttributes,
  baseURI: string | undefined = globalThis.document?.baseURI,
): AgentAuth {
  const no = (attribute: string, detail: string, secret = false): AgentAuth => ({
    ok: false,
    problem: { attribute, detail, secret },
  });
  const secret = a.attributeNames.find((n) => /secret/i.test(n));
  if (secret) return no(secret, 'An API secret must never be in a page: remove it and rotate the secret.', true);
  if (a.apiKey !== undefined && a.apiKey !== null) return no('api-key', `api-key is refused here. ${WHY}`);
  const apiBase = a.apiBase?.trim() || undefined;
  const tokenUrl = a.tokenUrl?.trim() || undefined;
  const getToken = typeof a.getToken === 'function' ? a.getToken : undefined;
  if (!apiBase && !tokenUrl && !getToken) return no('api-base', `Set api-base, token-url or getToken. ${WHY}`);
  if (tokenUrl && getToken) return no('token-url', 'Set either token-url or getToken, not both.');
  const client = pageClientOptions({ apiBase, tokenUrl, getToken, timeout: a.timeout }, baseURI);
  return 'attribute' in client ? no(client.attribute, client.detail) : { ok: true, client };
}
