/** Serving the handler over real node:http for tests, and raw requests that fetch() cannot make. */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import type { JsonBody } from '../helpers/json.js';

export interface Served {
  port: number;
  server: Server;
}

/** Listens on 127.0.0.1 at a free port; closed after the enclosing suite. */
export async function serve(listener: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<Served> {
  const server = createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { port: (server.address() as AddressInfo).port, server };
}

/**
 * Mounts a listener at `/samesurf` the way Express's `app.use('/samesurf', …)` does: `req.url` loses the mount
 * path, `req.originalUrl` keeps it.
 */
export function mountAtSamesurf(
  listener: (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => unknown,
) {
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    const target = req.url ?? '/';
    if (!target.startsWith('/samesurf/')) {
      res.writeHead(404).end();
      return;
    }
    req.originalUrl = target;
    req.url = target.slice('/samesurf'.length);
    void listener(req, res);
  };
}

export interface RawAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: JsonBody;
}

/** A POST with any request target (`//evil.test/x` included), any headers, from a chosen loopback address. */
export function rawPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  options: { body?: string; localAddress?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? '{}';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress: options.localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
