/**
 * The client's one way to jsrsasign: its JWT subset (`vendor/jsrsasign-jwths.js`, ~22 KB gzip, where the whole
 * library is ~80 KB), which signs `none` and HS256 tokens byte for byte like the full library (tested). It is loaded
 * with `import()` so that a page pays for it only when a token is actually signed. The emulator checks signatures with
 * the full library (src/emulator/verify-hs256.ts).
 */
/**
 * The part of jsrsasign's `KJUR` this package signs with. Declared here so that the published types never need
 * `@types/jsrsasign` (a consumer type-checking with `skipLibCheck: false` would otherwise fail).
 */
export interface JwsSigner {
  jws: {
    JWS: {
      sign(alg: string, header: object, payload: object, key?: string | { utf8: string }): string;
    };
  };
}

let loading: Promise<JwsSigner> | undefined;

/** Loads the signer once; a page may call this early (on hover, in idle time) to warm it up. */
export function loadJsrsasign(): Promise<JwsSigner> {
  loading ??= import('./vendor/jsrsasign-jwths.js').then(
    (mod) => mod.KJUR,
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
