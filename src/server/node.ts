/** The handler for `node:http` and Express-style `(req, res)`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { SameSurfHandler } from './handler.js';
import { isHost } from './request-identity.js';

type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

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

export function toNodeListener(handler: SameSurfHandler): (req: NodeRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const secure = 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
      const url = requestUrl(req.originalUrl ?? req.url ?? '/', secure, req.headers.host);
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
        else body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
      }
      const request = new Request(url, { method: req.method, headers, body, duplex: 'half' } as RequestInit);
      const response = await handler(request, { clientAddress: req.socket.remoteAddress });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: false, error: 'The co-browsing endpoint failed.', errorcode: 100 }));
    }
  };
}
