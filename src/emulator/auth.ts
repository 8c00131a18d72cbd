/** Checks the bearer JWT of an API request as the real API does: every fault is errorcode 101. */
import { verifyHs256 } from '../api/jwt.js';
import type { ApiKey, EmulatorState } from './state.js';

export type AuthResult = { ok: true; key: ApiKey } | { ok: false; reason: string };

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
  const drift = payload.iat - state.now() / 1000;
  if (Math.abs(drift) > iatSkewSeconds) {
    const when = drift > 0 ? 'in the future' : 'in the past';
    return no(`The token's "iat" is ${Math.round(Math.abs(drift))} s ${when} (more than ${iatSkewSeconds} s allowed).`);
  }
  return { ok: true, key };
}
