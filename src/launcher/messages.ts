/** Turns any failure of a launch into the sentence a person reads and the detail a page gets. */
import { SameSurfError } from '../api/errors.js';
import type { SameSurfErrorDetail } from './events.js';
import { format, type LauncherStrings } from './strings.js';

/** An invitation link outside the allowed realtime origins. */
export class LinkRefusedError extends Error {
  constructor(readonly link: string) {
    super('The invitation link is not on an allowed realtime origin (see realtime-origin).');
  }
}

/** The sentences a failure may be told with (the agent's elements share them). */
export type ErrorStrings = Pick<
  LauncherStrings,
  | 'errorLink'
  | 'errorConnection'
  | 'errorAuth'
  | 'errorRoomGone'
  | 'errorRejected'
  | 'errorRateLimited'
  | 'errorServer'
  | 'errorHttp'
  | 'errorParse'
  | 'errorTimeout'
  | 'errorOffline'
  | 'errorToken'
  | 'errorConfig'
>;

export function describeFailure(err: unknown, s: ErrorStrings): SameSurfErrorDetail {
  if (err instanceof LinkRefusedError) return { code: 'link', message: s.errorLink, cause: err };
  if (!(err instanceof SameSurfError)) return { code: 'unknown', message: s.errorConnection, cause: err };
  const base = { cause: err, errorcode: err.errorcode };
  switch (err.kind) {
    case 'api':
      // The site's own proxy refusing (its authorize hook: "Please sign in"): its words are meant for the person.
      // (The API's own refusal is 101, told below in the package's words.)
      if ((err.status === 401 || err.status === 403) && err.said && err.errorcode !== 101)
        return { ...base, code: 'api', message: err.said };
      if (err.errorcode === 101 || err.status === 401 || err.status === 403)
        return { ...base, code: 'api', message: s.errorAuth };
      if (err.status === 429) return { ...base, code: 'api', message: s.errorRateLimited };
      // The site's proxy could not get a usable answer from the API (502): the service's trouble, not a refusal.
      if ((err.status ?? 0) >= 500) return { ...base, code: 'api', message: s.errorServer };
      if (err.errorcode === 102 || err.errorcode === 103) return { ...base, code: 'api', message: s.errorRoomGone };
      return { ...base, code: 'api', message: format(s.errorRejected, { detail: `error ${err.errorcode ?? '?'}` }) };
    case 'http':
      if (err.status === 401 || err.status === 403) return { ...base, code: 'http', message: s.errorAuth };
      if (err.status === 429) return { ...base, code: 'http', message: s.errorRateLimited };
      if ((err.status ?? 0) >= 500) return { ...base, code: 'http', message: s.errorServer };
      return { ...base, code: 'http', message: format(s.errorHttp, { status: err.status ?? '?' }) };
    case 'parse':
      return { ...base, code: 'parse', message: s.errorParse };
    case 'timeout':
      return { ...base, code: 'timeout', message: s.errorTimeout };
    case 'connection':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? { ...base, code: 'offline', message: s.errorOffline }
        : { ...base, code: 'connection', message: s.errorConnection };
    case 'config':
      return { ...base, code: 'token', message: s.errorToken };
    default:
      return { ...base, code: 'config', message: s.errorConfig };
  }
}
