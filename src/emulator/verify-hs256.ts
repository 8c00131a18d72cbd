/**
 * The emulator checks HS256 signatures with the whole jsrsasign library, as a server would: the browser's JWT
 * subset (src/api/jwt.ts) only signs. Node only; loaded on the first HS256 token.
 */
import type { KJUR as FullKjur } from 'jsrsasign';

let loading: Promise<typeof FullKjur> | undefined;

function jsrsasign(): Promise<typeof FullKjur> {
  loading ??= import('jsrsasign').then((mod) => {
    // CommonJS interop: Node gives the exports as `default`, bundlers may give them as named exports.
    const m = mod as unknown as { KJUR?: typeof FullKjur; default?: { KJUR: typeof FullKjur } };
    return m.KJUR ?? m.default!.KJUR;
  });
  return loading;
}

/** True when `token` is an HS256 JWS whose signature matches `secret` (read as UTF-8, never as hex). */
export async function verifyHs256(token: string, secret: string): Promise<boolean> {
  const KJUR = await jsrsasign();
  try {
    return KJUR.jws.JWS.verify(token, { utf8: secret }, ['HS256']);
  } catch {
    return false;
  }
}
