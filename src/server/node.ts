/** The handler for `node:http` and Express-style `(req, res)`. */
import { Readable } from 'node:stream';
import type { SameSurfHandler } from './handler.js';
import { isHost } from './request-identity.js';

/**
 * What the listener reads of a `node:http` (or Express) request. Structural, so that the package's types never need
 * `@types/node`: a Workers project type-checks `samesurf-launcher/server` without them.
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string;
  url?: string;
  /** Express: the URL before its router stripped the mount path. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string; encrypted?: boolean };
  /** Express: a body a parser (express.json()) has already read. */
  body?: unknown;
  readableEnded?: boolean;
}

/** What the listener uses of a `node:http` (or Express) response. */
export interface NodeResponseLike {
  headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(chunk?: string | Uint8Array): unknown;
}

/**
 * The request URL, whose authority never comes from the request target: `//evil.test/x` and the absolute form
 * `http://evil.test/x` are paths on this server, not other hosts. The handler reads its own origin from the Host
 * header (or trusted forwarded headers), never from this URL; the host here only keeps `request.url` readable.
 */
export function requestUrl(target: string, secure: boolean, host: string | undefined): URL {
  let path = target.startsWith('/') ? target : `/${target}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const absolute = new URL(target);
      path = absolute.pathname + absolute.search;
    } catch {
      // Not a URL after all: left as a path.
    }
  }
  // Concatenated after a host, the path cannot start an authority of its own.
  return new URL(`${secure ? 'https' : 'http'}://${isHost(host) ? host : 'localhost'}${path}`);
}

export function toNodeListener(
  handler: SameSurfHandler,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    try {
      const secure = Boolean(req.socket.encrypted);
      const url = requestUrl(req.originalUrl ?? req.url ?? '/', secure, [req.headers.host].flat()[0]);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        // HTTP/2's pseudo-headers are no header names; its :authority is the Host.
        if (name === ':authority' && !req.headers.host && typeof value === 'string') headers.set('host', value);
        if (value !== undefined && !name.startsWith(':'))
          headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: BodyInit | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // A body parser (express.json()) may have read the stream already.
        if (req.body !== undefined && req.readableEnded)
          body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
        else body = Readable.toWeb(req as unknown as Readable) as unknown as ReadableStream<Uint8Array>;
      }
      const request = new Request(url, { method: req.method, headers, body, duplex: 'half' } as RequestInit);
      const response = await handler(request, { clientAddress: req.socket.remoteAddress });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(new Uint8Array(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: false, error: 'The co-browsing endpoint failed.', errorcode: 100 }));
    }
  };
}
