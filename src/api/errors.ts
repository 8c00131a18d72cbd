/** The API's error codes and what they mean, from the vendor's public table. */
export const ERROR_CODES: Readonly<Record<number, string>> = {
  0: 'No error.',
  100: 'Unknown error.',
  101: 'Invalid JWT token.',
  102: 'Invalid room name.',
  103: 'The room has already been used.',
  104: 'There are invalid e-mail addresses.',
  105: 'A start URL must be specified.',
  106: 'A timezone in IANA format must be provided.',
  107: 'The timezone is not a valid IANA timezone.',
  108: 'The time is not in ISO 8601 format (e.g. 2016-10-30T12:00:00).',
  109: 'Screen recording not found.',
  111: 'Failed to create image.',
  112: 'Invalid token.',
  113: 'Webhook event not found.',
  114: 'The subscription already exists.',
  115: 'The name was not specified.',
  116: 'This call can only be made by a reseller subscription.',
  117: 'Incorrect reseller subscription.',
  118: 'Subscription not found.',
  119: 'API key not found.',
  120: 'One API key is required.',
  121: 'Failed to create the subscription.',
  122: 'The event time must be in the future.',
  123: 'The length must be at least one if it is specified.',
  124: 'The licence count must be greater than zero.',
  125: 'The usage limit must be at least one.',
};

/**
 * What went wrong, for a caller to branch on:
 * - `api`: the API answered with `success: false` (see `errorcode`);
 * - `http`: a non-2xx status without an API error body;
 * - `parse`: a 2xx answer that is not the JSON the API sends;
 * - `connection`: no answer at all (offline, refused, dropped);
 * - `timeout`: no answer within `timeoutMs`;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `validation`: the request was refused before it was sent;
 * - `config`: the client itself is set up wrongly.
 */
export type SameSurfErrorKind =
  'api' | 'http' | 'parse' | 'connection' | 'timeout' | 'aborted' | 'validation' | 'config';

export interface SameSurfErrorInit {
  kind: SameSurfErrorKind;
  call: string;
  message: string;
  errorcode?: number;
  status?: number;
  field?: string;
  retryAfterSeconds?: number;
  /** The answer's own `error` text, as sent (the API's, or the site's proxy's reason for a refusal). */
  said?: string;
  cause?: unknown;
}

/** The one error type of the client: every failure of every call is one of these. */
export class SameSurfError extends Error {
  override readonly name = 'SameSurfError';
  readonly kind: SameSurfErrorKind;
  /** The API call, e.g. `create`. */
  readonly call: string;
  /** The API's `errorcode`, when it gave one (or when validation maps to one). */
  readonly errorcode?: number;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
  /** The request field at fault, for `validation` errors. */
  readonly field?: string;
  /** From a `Retry-After` header, when the API sent one. */
  readonly retryAfterSeconds?: number;
  /** The answer's own `error` text, as sent (the API's, or the site's proxy's reason for a refusal). */
  readonly said?: string;

  constructor(init: SameSurfErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.call = init.call;
    this.errorcode = init.errorcode;
    this.status = init.status;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.said = init.said;
  }

  /** True for faults where no answer came back: worth retrying for reads. */
  get isNetworkError(): boolean {
    return this.kind === 'connection' || this.kind === 'timeout';
  }
}

/** Our sentence for an error code, for when the API sends none of its own. */
export function describeErrorCode(code: number): string {
  return ERROR_CODES[code] ?? `Error code ${code}.`;
}
