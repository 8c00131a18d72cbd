/** The handler for `node:http` and Express-style `(req, res)`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { SameSurfHandler } from './handler.js';

type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

export function toNodeListener(handler: SameSurfHandler): (req: NodeRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const secure = 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
      const url = new URL(req.originalUrl ?? req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: BodyInit | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // A body parser (express.json()) may have read the stream already.
        if (req.body !== undefined && req.readableEnded) body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
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
