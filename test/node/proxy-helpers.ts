/** Helpers for tests of samesurf-launcher/server: a handler on a real emulator, and calls to it as a page makes them. */
import { createSameSurfHandler, type SameSurfHandler, type SameSurfHandlerOptions } from '../../src/server/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { JsonBody } from '../helpers/json.js';

export const PROXY_SECRET = 'proxy-secret-5e1b2d-never-echoed';
export const PROXY_KEY = 'proxy-key';
export const SITE = 'http://shop.test';
export const proxyKey = {
  apikey: PROXY_KEY,
  apisecret: PROXY_SECRET,
  allowNone: false,
  reseller: false,
  subscription: 'demo',
};

/** A handler for SITE's pages on `emu`, no rate limit, its log lines collected in `lines`. */
export function proxyFor(
  emu: RunningEmulator,
  extra: Partial<SameSurfHandlerOptions> = {},
  lines: string[] = [],
): SameSurfHandler {
  return createSameSurfHandler({
    apiKey: PROXY_KEY,
    apiSecret: PROXY_SECRET,
    baseUrl: emu.apiBase,
    rateLimit: false,
    allowedOrigins: [SITE],
    log: (line) => lines.push(line),
    ...extra,
  });
}

export interface ProxyAnswer {
  status: number;
  headers: Headers;
  body: JsonBody;
}

/** POSTs `body` to `/samesurf/<call>` from a page on SITE. */
export async function callProxy(
  h: SameSurfHandler,
  call: string,
  body: unknown = {},
  headers: Record<string, string> = {},
  clientAddress = '203.0.113.9',
): Promise<ProxyAnswer> {
  const res = await h(
    new Request(`${SITE}/samesurf/${call}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: SITE, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { clientAddress },
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}
