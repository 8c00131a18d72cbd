/**
 * The only module that touches jsrsasign. It is loaded with `import()` so that
 * a page pays for its ~80 KB only when a token is actually signed.
 */
type KjurModule = typeof import('jsrsasign');

let loading: Promise<KjurModule['KJUR']> | undefined;

/** Loads jsrsasign once; a page may call this early (on hover, in idle time) to warm it up. */
export function loadJsrsasign(): Promise<KjurModule['KJUR']> {
  loading ??= import('jsrsasign').then(
    (mod) => {
      // CommonJS interop differs between bundlers, Node and the dev server.
      const m = mod as KjurModule & { default?: KjurModule };
      return m.KJUR ?? m.default!.KJUR;
    },
    (err: unknown) => {
      loading = undefined; // offline now need not mean offline on the next try
      throw err;
    },
  );
  return loading;
}

export interface JwtClaims {
  /** Issued-at time, Unix seconds. */
  iat: number;
  /** The API key. */
  sub: string;
}

export type JwtAlgorithm = 'none' | 'HS256';

/**
 * Signs `{iat, sub}` the way the vendor's examples do:
 * `KJUR.jws.JWS.sign(alg, { typ: "JWT" }, body[, secret])`.
 * `none` gives `header.payload.` (with the trailing dot).
 */
export async function signJwt(alg: JwtAlgorithm, claims: JwtClaims, secret?: string): Promise<string> {
  const KJUR = await loadJsrsasign();
  // @types/jsrsasign wants `alg` in the header type; the vendor's header has only `typ`.
  const header = { typ: 'JWT' } as unknown as { alg: string };
  if (alg === 'none') return KJUR.jws.JWS.sign('none', header, claims);
  if (!secret) throw new Error('HS256 needs a secret.');
  // As {utf8}: a plain string that looks like hex would otherwise be read as hex.
  return KJUR.jws.JWS.sign('HS256', header, claims, { utf8: secret });
}

/** Claims for a request made now. */
export function claimsFor(apiKey: string, nowMs = Date.now()): JwtClaims {
  return { iat: Math.floor(nowMs / 1000), sub: apiKey };
}

/** True when `token` is an HS256 JWS whose signature matches `secret`. */
export async function verifyHs256(token: string, secret: string): Promise<boolean> {
  const KJUR = await loadJsrsasign();
  try {
    return KJUR.jws.JWS.verify(token, { utf8: secret } as unknown as string, ['HS256']);
  } catch {
    return false;
  }
}
