/** Checks the bearer JWT of an API request as the real API does: every fault is errorcode 101. */
import { verifyHs256 } from './verify-hs256.js';
import type { ApiKey, EmulatorState } from './state.js';

export type AuthResult = { ok: true; key: ApiKey } | { ok: false; reason: string };

/** The header parameters JWS defines (RFC 7515 §4.1): `crit` may not name them. */
const JWS_HEADER_PARAMS = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit']);

/**
 * RFC 7515 §4.1.11: a token whose `crit` names an extension the recipient does not understand
 * is invalid. This API understands none, so a well-formed `crit` is refused as well: with a
 * reason that says which extension, or what is wrong with the list.
 */
function critProblem(header: Record<string, unknown>): string | undefined {
  if (!Object.hasOwn(header, 'crit')) return undefined;
  const crit = header.crit;
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((n) => typeof n === 'string' && n !== '')) {
    return 'The token\'s "crit" header must be a non-empty array of header parameter names.';
  }
  const names = crit as string[];
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return `The token's "crit" header names ${JSON.stringify(twice)} more than once.`;
  const registered = names.find((n) => JWS_HEADER_PARAMS.has(n));
  if (registered !== undefined) {
    const name = JSON.stringify(registered);
    return `The token's "crit" header names ${name}, which is defined by JWS and may not be listed.`;
  }
  const absent = names.find((n) => !Object.hasOwn(header, n));
  if (absent !== undefined)
    return `The token's "crit" header names ${JSON.stringify(absent)}, which is not in the header.`;
  const marked = names.map((n) => JSON.stringify(n)).join(', ');
  return `The token marks ${marked} as critical, and this API understands no JWS extensions.`;
}

/**
 * RFC 7519 §4.1.4/§4.1.5: `exp` and `nbf` are NumericDates (JSON numbers of seconds). They get the
 * same tolerance as `iat`: the window stands for how far the signer's clock may be from ours.
 */
function timeProblem(
  payload: Record<string, unknown>,
  nowSeconds: number,
  toleranceSeconds: number,
): string | undefined {
  for (const claim of ['exp', 'nbf'] as const) {
    const value = payload[claim];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      return (
        `The token's "${claim}" must be a NumericDate (Unix seconds as a JSON number), ` +
        `not ${JSON.stringify(value)}.`
      );
    }
  }
  const { exp, nbf } = payload as { exp?: number; nbf?: number };
  if (exp !== undefined && nowSeconds >= exp + toleranceSeconds) {
    const ago = Math.floor(nowSeconds - exp);
    return `The token expired ${ago} s ago ("exp"; ${toleranceSeconds} s of clock skew allowed).`;
  }
  if (nbf !== undefined && nowSeconds < nbf - toleranceSeconds) {
    const away = Math.ceil(nbf - nowSeconds);
    return `The token is not valid yet: its "nbf" is ${away} s away (${toleranceSeconds} s of clock skew allowed).`;
  }
  return undefined;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function authenticate(
  authorization: string | undefined,
  state: EmulatorState,
  iatSkewSeconds: number,
): Promise<AuthResult> {
  const no = (reason: string): AuthResult => ({ ok: false, reason });
  if (!authorization) return no('Missing Authorization header: send "Authorization: Bearer <JWT>".');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return no('The Authorization header must be "Bearer <JWT>".');
  const token = match[1]!;
  const parts = token.split('.');
  if (parts.length !== 3) return no('The token is not a JWT (it needs three dot-separated parts).');
  const header = decodePart(parts[0]!);
  const payload = decodePart(parts[1]!);
  if (!header || !payload) return no('The token is not a JWT (its header or payload is not base64url JSON).');

  const alg = header.alg;
  if (alg !== 'HS256' && alg !== 'none') {
    return no(`The token's algorithm ${JSON.stringify(alg)} is not accepted: use HS256 (or none where enabled).`);
  }
  const crit = critProblem(header);
  if (crit) return no(crit);
  if (typeof payload.sub !== 'string' || payload.sub === '') return no('The token has no "sub" (the API key).');
  const key = state.keys.get(payload.sub);
  if (!key) return no('The token names an unknown API key.');

  if (alg === 'none') {
    if (!key.allowNone) return no('The "none" algorithm is not enabled for this API key: sign with HS256.');
    if (parts[2] !== '') return no('A "none" token must have an empty signature.');
  } else if (!(await verifyHs256(token, key.apisecret))) {
    return no('The token signature is not valid for this API key.');
  }

  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) {
    return no('The token has no numeric "iat" (issued-at, Unix seconds).');
  }
  const nowSeconds = state.now() / 1000;
  const drift = payload.iat - nowSeconds;
  if (Math.abs(drift) > iatSkewSeconds) {
    const when = drift > 0 ? 'in the future' : 'in the past';
    return no(`The token's "iat" is ${Math.round(Math.abs(drift))} s ${when} (more than ${iatSkewSeconds} s allowed).`);
  }
  const time = timeProblem(payload, nowSeconds, iatSkewSeconds);
  if (time) return no(time);
  return { ok: true, key };
}
