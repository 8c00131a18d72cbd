/** Small helpers for answering over node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The HTTP status that goes with each API error code. */
export function statusFor(errorcode: number): number {
  if (errorcode === 101) return 401;
  if (errorcode === 116 || errorcode === 117) return 403;
  if ([102, 109, 112, 113, 118, 119].includes(errorcode)) return 404;
  if (errorcode === 103 || errorcode === 114) return 409;
  if (errorcode === 100) return 500;
  return 400;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendFailure(
  res: ServerResponse,
  status: number,
  errorcode: number,
  error: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { success: false, error, errorcode }, headers);
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/** Reads the whole body; past `limit` bytes it keeps draining but stops keeping. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.destroy(); // far too large: stop reading at all
    });
    req.on('end', () =>
      resolve(
        size > limit ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('close', () => {
      if (size > limit) resolve({ ok: false, tooLarge: true });
    });
    req.on('error', reject);
  });
}

/** Decodes one path segment; undefined when its percent-encoding is broken (decodeURIComponent throws). */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The path and query of a request. The target is read as a path: `new URL('//x/y', base)` would
 * take `x` for a host and route `/y`. An absolute-form target (`http://host/path`) keeps its path.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  const raw = target || '/';
  try {
    return raw.startsWith('/') ? new URL(`http://emulator${raw}`) : new URL(raw);
  } catch {
    return undefined;
  }
}

/** The caller's IP as the API would record it. */
export function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}
