/**
 * The only module that touches jsrsasign. It is loaded with `import()` so that
 * a page pays for its ~80 KB only when a token is actually signed.
 */
/**
 * The part of jsrsasign's `KJUR` this package uses. Declared here so that the published types never need
 * `@types/jsrsasign` (a consumer type-checking with `skipLibCheck: false` would otherwise fail).
 */
export interface JwsSigner {
  jws: {
    JWS: {
      sign(alg: string, header: object, payload: object, key?: string | { utf8: string }): string;
      verify(token: string, key: string | { utf8: string }, acceptAlgs: string[]): boolean;
    };
  };
}

let loading: Promise<JwsSigner> | undefined;

/** Loads jsrsasign once; a page may call this early (on hover, in idle time) to warm it up. */
export function loadJsrsasign(): Promise<JwsSigner> {
  loading ??= import('jsrsasign').then(
    (mod) => {
      // CommonJS interop differs between bundlers, Node and the dev server.
      const m = mod as unknown as { KJUR?: JwsSigner; default?: { KJUR: JwsSigner } };
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
  // The vendor's header has only `typ`: jsrsasign adds `alg`.
  const header = { typ: 'JWT' };
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
    return KJUR.jws.JWS.verify(token, { utf8: secret }, ['HS256']);
  } catch {
    return false;
  }
}
