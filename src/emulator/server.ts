/** The emulator's HTTP server: routing, CORS, body limits, JWT checks, faults, JSON errors. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findProblem } from '../api/validate.js';
import { authenticate } from './auth.js';
import { ApiFailure } from './calls/context.js';
import { CALLS, isCallName, normalizeQuirks, runCall } from './calls/index.js';
import { controlAccess } from './control-access.js';
import { handleControl } from './control.js';
import { FaultQueue, ROOM_PAGE, type Fault, type FaultSpec } from './faults.js';
import { clientIp, decodeSegment, readBody, requestUrl, send, sendFailure, sendJson, statusFor } from './http.js';
import { recordingVideo, screenshotPng } from './media.js';
import { ROOM_CSS, ROOM_JS, endRoomAsLeader, enterRoom, errorPage, leaveRoom } from './room-page.js';
import { checkOptions, type EmulatorOptions } from './options.js';
import { plantSeed, SeedError } from './seed.js';
import { EmulatorState } from './state.js';

export type { EmulatorOptions };

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  /** `url` + `/api/v3`: what a client's `baseUrl` should be. */
  apiBase: string;
  port: number;
  state: EmulatorState;
  /** Back to the start state: rooms, keys and clock as started (seeds planted again), pending faults cleared. */
  reset(): void;
  /** Queues faults for the next requests, as `POST /__emulator/faults` does; throws naming a bad field. */
  fault(...faults: FaultSpec[]): void;
  /** Moves the emulator's clock (token iat, schedules, link expiry, analytics); throws for a jump out of range. */
  advanceClock(ms: number): void;
  /** Requests per API call since the start or the last reset. */
  requests(): Record<string, number>;
  close(): Promise<void>;
}

const ROOM_PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  // Any site may frame the room page, as the real one is framed by the launcher.
  'Content-Security-Policy': [
    "default-src 'none'",
    "style-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    'frame-ancestors *',
    "base-uri 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const state = new EmulatorState(options.keys ?? []);
  const faults = new FaultQueue();
  const requests = new Map<string, number>();
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const skew = options.iatSkewSeconds ?? 300;
  const allowed = options.allowedOrigins ?? '*';
  const controlPolicy = { origins: options.controlOrigins ?? [], ownHost: options.host ?? '127.0.0.1' };
  let base = '';
  let realtime = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Never crash: whatever went wrong becomes a JSON 500.
      if (!res.headersSent) sendFailure(res, 500, 100, `The emulator failed: ${(err as Error)?.message ?? err}`);
      else res.destroy();
    });
  });
  // Idle connections live as long as at a real API's load balancer (60 s and more), not Node's 5 s: a client that
  // reuses a connection just as the server drops it sees a reset, which a loaded machine makes likely.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  function corsHeaders(req: IncomingMessage): Record<string, string> | undefined {
    const origin = req.headers.origin;
    if (!origin) return {};
    if (allowed !== '*' && !allowed.includes(origin)) return undefined;
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'Retry-After' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req.url);
    if (!url) return sendFailure(res, 400, 100, 'The request target is not a valid path.');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    // Control endpoints have their own, stricter rule for who may call them.
    if (path.startsWith('/__emulator/')) return controlRequest(req, res, path, method);
    const cors = corsHeaders(req);

    if (method === 'OPTIONS') {
      if (!cors) return send(res, 403, 'text/plain', 'Origin not allowed');
      return preflight(res, cors);
    }

    if (path.startsWith('/api/v3/')) {
      if (!cors) return sendFailure(res, 403, 100, `The origin ${req.headers.origin} may not call this API.`);
      return api(req, res, path.slice('/api/v3/'.length), method, cors);
    }
    if (path.startsWith('/realtime/')) return realtimePage(req, res, path, method, url);
    if (path.startsWith('/__media/')) return media(res, path.slice('/__media/'.length), method);
    if (path === '/' && method === 'GET') {
      return send(res, 200, 'text/plain; charset=utf-8', `SameSurf API v3 emulator. POST ${base}/api/v3/<call>\n`);
    }
    return sendFailure(res, 404, 100, `Nothing at ${method} ${path}. The API is under /api/v3/.`, cors);
  }

  function preflight(res: ServerResponse, cors: Record<string, string>) {
    send(res, 204, 'text/plain', '', {
      ...cors,
      'Access-Control-Allow-Methods': 'POST, GET, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    });
  }

  async function controlRequest(req: IncomingMessage, res: ServerResponse, path: string, method: string) {
    if (!options.testMode)
      return sendFailure(res, 404, 100, 'Control endpoints are off: start the emulator with --test-mode.');
    const access = controlAccess(req, controlPolicy);
    // Refused without CORS headers, so a foreign page cannot even read why.
    if (!access.ok) return sendFailure(res, 403, 100, access.reason);
    if (method === 'OPTIONS') return preflight(res, access.cors);
    const body = await readJson(req, res, access.cors);
    if (body === FAILED) return;
    const answer = handleControl({ state, faults, requests, reseed }, method, path, body);
    sendJson(res, answer.status, answer.body, access.cors);
  }

  const FAILED = Symbol('failed');
  async function readJson(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<unknown> {
    const body = await readBody(req, maxBody);
    if (!body.ok) {
      sendFailure(res, 413, 100, `The request body is larger than ${maxBody} bytes.`, {
        ...headers,
        Connection: 'close',
      });
      return FAILED;
    }
    if (body.text.trim() === '') return {};
    try {
      return JSON.parse(body.text);
    } catch (err) {
      sendFailure(res, 400, 100, `The request body is not valid JSON: ${(err as Error).message}`, headers);
      return FAILED;
    }
  }

  async function api(
    req: IncomingMessage,
    res: ServerResponse,
    call: string,
    method: string,
    cors: Record<string, string>,
  ) {
    if (!isCallName(call)) {
      return sendFailure(res, 404, 100, `Unknown call "${call}". Calls: ${Object.keys(CALLS).join(', ')}.`, cors);
    }
    if (method !== 'POST')
      return sendFailure(res, 405, 100, `${call} takes POST, not ${method}.`, { ...cors, Allow: 'POST, OPTIONS' });
    requests.set(call, (requests.get(call) ?? 0) + 1);

    // A client that gives up while a slow fault holds its request never reaches the handler.
    let clientGone = false;
    res.once('close', () => (clientGone = !res.writableEnded));
    const fault = faults.take(call);
    if (fault && (await applyFault(res, fault, cors))) return;
    if (clientGone) return;

    const raw = await readJson(req, res, cors);
    if (raw === FAILED) return;
    const auth = await authenticate(req.headers.authorization, state, skew);
    if (!auth.ok) return sendFailure(res, 401, 101, `Invalid JWT token: ${auth.reason}`, cors);

    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return sendFailure(res, 400, 100, 'The request body must be a JSON object.', cors);
    }
    const body = normalizeQuirks(call, raw as Record<string, unknown>);
    const problem = findProblem(call, body);
    if (problem) {
      const code = problem.errorcode ?? 100;
      return sendFailure(res, code === 100 ? 400 : statusFor(code), code, problem.message, cors);
    }
    try {
      const result = runCall(call, {
        state,
        key: auth.key,
        body,
        roomLink: (room, token) => `${realtime}/${room.room}/${token}`,
        mediaLink: (id) => `${base}/__media/${id}`,
      });
      sendJson(res, 200, { ...result, ...fault?.patch, success: true }, cors);
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      sendFailure(res, statusFor(err.errorcode), err.errorcode, err.message, cors);
    }
  }

  /** Returns true when the fault answered (or dropped) the request itself. */
  async function applyFault(res: ServerResponse, fault: Fault, cors: Record<string, string>): Promise<boolean> {
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    const headers = fault.retryAfter === undefined ? cors : { ...cors, 'Retry-After': String(fault.retryAfter) };
    if (fault.drop) {
      // Cut off mid-answer: a connection closed before any byte would be retried by
      // browsers as a stale keep-alive, hiding the fault (and re-sending a create).
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': '64' });
      res.write('{"success":');
      setTimeout(() => res.socket?.destroy(), 10);
      return true;
    }
    if (fault.malformed) {
      send(res, fault.status ?? 200, 'application/json', '{"success": tru', headers);
      return true;
    }
    if (fault.empty) {
      send(res, fault.status ?? 200, 'application/json', '', headers);
      return true;
    }
    if (fault.errorcode !== undefined) {
      sendFailure(
        res,
        fault.status ?? 200,
        fault.errorcode,
        fault.error ?? `Injected fault (errorcode ${fault.errorcode}).`,
        headers,
      );
      return true;
    }
    if (fault.status !== undefined) {
      send(res, fault.status, 'text/plain; charset=utf-8', `Injected HTTP ${fault.status}`, headers);
      return true;
    }
    return false;
  }

  async function realtimePage(req: IncomingMessage, res: ServerResponse, path: string, method: string, url: URL) {
    if (path === '/realtime/__room.css') return send(res, 200, 'text/css; charset=utf-8', ROOM_CSS);
    if (path === '/realtime/__room.js') return send(res, 200, 'text/javascript; charset=utf-8', ROOM_JS);
    const html = (entry: { status: number; html: string }) =>
      send(res, entry.status, 'text/html; charset=utf-8', entry.html, ROOM_PAGE_HEADERS);
    const decoded = path.split('/').slice(2).map(decodeSegment);
    if (decoded.includes(undefined)) {
      return html({ status: 400, html: errorPage('Invalid invitation', 'This link is not valid percent-encoding.') });
    }
    const parts = decoded as string[];
    if (parts.length === 2 && method === 'GET') {
      // A slow, failing or dropped room page, as tests ask for it (call "realtime").
      const fault = faults.take(ROOM_PAGE);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.drop) return void req.socket.destroy();
      if (fault?.status !== undefined)
        return html({ status: fault.status, html: errorPage('Room unavailable', `Injected HTTP ${fault.status}`) });
      return html(enterRoom(state, parts[0]!, parts[1]!, clientIp(req), url.searchParams.get('name')));
    }
    if (parts.length === 3 && parts[2] === 'leave' && method === 'POST') {
      const body = await readBody(req, 4096);
      const guid = body.ok ? (new URLSearchParams(body.text).get('guid') ?? '') : '';
      return html(leaveRoom(state, parts[0]!, guid));
    }
    if (parts.length === 3 && parts[2] === 'end' && method === 'POST') {
      const body = await readBody(req, 4096);
      const guid = body.ok ? (new URLSearchParams(body.text).get('guid') ?? '') : '';
      return html(endRoomAsLeader(state, parts[0]!, guid));
    }
    return html({ status: 404, html: errorPage('Invalid invitation', 'This is not an invitation link.') });
  }

  function media(res: ServerResponse, id: string, method: string) {
    const link = state.media.get(id);
    const headers = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only', headers);
    if (!link) return send(res, 404, 'text/plain', 'No such link.', headers);
    if (state.now() > link.expiresAt) return send(res, 410, 'text/plain', 'This link has expired.', headers);
    if (link.kind === 'video') return send(res, 200, 'video/webm', recordingVideo(), headers);
    return send(res, 200, 'image/png', screenshotPng(link.width, link.height), headers);
  }

  function reseed() {
    (options.seed ?? []).forEach((seed, i) => {
      const planted = plantSeed(state, seed);
      if (!planted.ok) throw new SeedError(i, planted.error);
    });
  }
  // Before listening: a seed that cannot be planted leaves no server behind.
  reseed();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  realtime = `${(options.realtimeOrigin ?? base).replace(/\/+$/, '')}/realtime`;

  // The control endpoints' own logic, so that a test in the same process gets exactly what HTTP callers get.
  const control = (method: string, path: string, body?: unknown) => {
    const answer = handleControl({ state, faults, requests, reseed }, method, `/__emulator/${path}`, body);
    if (answer.status !== 200) throw new Error(`samesurf emulator: ${String(answer.body.error)}`);
    return answer.body;
  };
  return {
    url: base,
    apiBase: `${base}/api/v3`,
    port,
    state,
    reset: () => void control('POST', 'reset', {}),
    fault: (...list) => void control('POST', 'faults', list),
    advanceClock: (ms) => void control('POST', 'clock', { advanceMs: ms }),
    requests: () => control('GET', 'stats').requests as Record<string, number>,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
