/** Test-mode endpoints under /__emulator/: faults, ending rooms, seeding, the clock, fresh keys, stats, reset. */
import { FaultQueue, parseFault } from './faults.js';
import { decodeSegment } from './http.js';
import { hex, type EmulatorState } from './state.js';

export interface ControlContext {
  state: EmulatorState;
  faults: FaultQueue;
  /** How many API requests each call has received since the last reset. */
  requests: Map<string, number>;
  /** Creates the rooms the emulator was started with again, after a reset. */
  reseed(): void;
}

export interface SeedRoom {
  /** The subscription that owns it (default `demo`, the built-in keys'). */
  subscription?: string;
  /** A room number; reusing an ended room's number makes a new version. */
  room?: string;
  title?: string;
  starturl?: string;
  /** End the room at once, storing this many recordings. */
  recordings?: number;
  ended?: boolean;
}

export interface ControlAnswer {
  status: number;
  body: Record<string, unknown>;
}

const ok = (body: Record<string, unknown> = {}): ControlAnswer => ({ status: 200, body: { success: true, ...body } });
const bad = (status: number, error: string): ControlAnswer => ({ status, body: { success: false, error, errorcode: 100 } });

export function seedRoom(state: EmulatorState, seed: SeedRoom): ControlAnswer {
  const subscription = seed.subscription ?? 'demo';
  if (!state.subscriptions.has(subscription)) return bad(404, `No subscription ${JSON.stringify(subscription)}.`);
  const number = seed.room ?? state.newRoomNumber();
  if (!/^\d{1,12}$/.test(number)) return bad(400, '"room" must be digits.');
  const current = state.findRoom(number);
  if (current && current.endedAt === undefined) return bad(409, `Room ${number} is still running.`);
  const room = state.addRoom({
    room: number,
    subscription,
    title: seed.title ?? null,
    starturl: seed.starturl ?? null,
    bookmarks: [],
    session: {},
    disabledfeatures: [],
    createdAt: state.now(),
  });
  if (seed.ended || (seed.recordings ?? 0) > 0) state.endRoom(room, seed.recordings ?? 0);
  return ok({ room: room.room, version: room.version, token: room.token, leadertoken: room.leadertoken });
}

export function handleControl(ctx: ControlContext, method: string, path: string, body: unknown): ControlAnswer {
  const { state, faults } = ctx;
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const route = `${method} ${path}`;

  if (route === 'POST /__emulator/reset') {
    state.reset();
    faults.clear();
    ctx.requests.clear();
    ctx.reseed();
    return ok();
  }
  if (route === 'GET /__emulator/faults') return ok({ faults: faults.list() });
  if (route === 'DELETE /__emulator/faults') {
    faults.clear();
    return ok();
  }
  if (route === 'POST /__emulator/faults') {
    const list = Array.isArray(body) ? body : [body];
    const parsed = list.map(parseFault);
    const at = parsed.findIndex((p) => typeof p === 'string');
    // All or nothing: a list with one bad fault queues none of them.
    if (at >= 0) return bad(400, `${list.length > 1 ? `Fault ${at + 1} of ${list.length}: ` : ''}${parsed[at] as string}`);
    for (const fault of parsed) faults.add(fault as Exclude<typeof fault, string>);
    return ok({ faults: faults.list() });
  }
  if (route === 'GET /__emulator/stats') return ok({ requests: Object.fromEntries(ctx.requests) });
  if (route === 'POST /__emulator/clock') {
    if (!Number.isFinite(input.advanceMs)) return bad(400, '"advanceMs" must be a number of milliseconds.');
    state.clockOffsetMs += input.advanceMs as number;
    return ok({ now: new Date(state.now()).toISOString() });
  }
  if (route === 'POST /__emulator/keys') {
    // A key in a subscription of its own: a test's rooms and analytics stay apart from others'.
    const subscription = `sub-${hex(6).toLowerCase()}`;
    const apikey = `key-${hex(8).toLowerCase()}`;
    const apisecret = hex(16).toLowerCase();
    const allowNone = input.allowNone !== false;
    const reseller = input.reseller === true;
    state.addKey({ apikey, apisecret, allowNone, reseller, subscription });
    return ok({ apikey, apisecret, allowNone, reseller, subscription });
  }
  if (route === 'POST /__emulator/rooms') return seedRoom(state, input as SeedRoom);

  const inspect = /^\/__emulator\/rooms\/(\d+)$/.exec(path);
  if (inspect && method === 'GET') {
    // What the emulator stored for a room, so tests can see what a client really sent.
    const room = state.findRoom(inspect[1]!);
    if (!room) return bad(404, `No room ${inspect[1]}.`);
    const { room: number, version, subscription, title, starturl, bookmarks, session, disabledfeatures, endedAt } = room;
    return ok({ room: number, version, subscription, title, starturl, bookmarks, session, disabledfeatures, ended: endedAt !== undefined, users: room.users.length });
  }
  const end = /^\/__emulator\/rooms\/([^/]+)\/end$/.exec(path);
  if (end && method === 'POST') {
    const number = decodeSegment(end[1]!);
    if (number === undefined) return bad(400, `The room in ${path} is not valid percent-encoding.`);
    const room = state.findRoom(number);
    if (!room) return bad(404, `No room ${end[1]}.`);
    const recordings = input.recordings ?? (room.disabledfeatures.includes('TOOLS_SCREEN_RECORDING') ? 0 : 1);
    if (!Number.isInteger(recordings) || (recordings as number) < 0) return bad(400, '"recordings" must be a whole number ≥ 0.');
    state.endRoom(room, recordings as number);
    return ok({ room: room.room, recordings: room.recordings.length });
  }
  return bad(404, `No control endpoint ${route}.`);
}
