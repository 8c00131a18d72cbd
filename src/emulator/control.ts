/** Test-mode endpoints under /__emulator/: faults, ending rooms, seeding, the clock, fresh keys, stats, reset. */
import { FaultQueue, parseFault } from './faults.js';
import { decodeSegment } from './http.js';
import { parseSeed, plantSeed, recordingCount } from './seed.js';
import { hex, type EmulatorState } from './state.js';

export interface ControlContext {
  state: EmulatorState;
  faults: FaultQueue;
  /** How many API requests each call has received since the last reset. */
  requests: Map<string, number>;
  /** Creates the rooms the emulator was started with again, after a reset. */
  reseed(): void;
}

export interface ControlAnswer {
  status: number;
  body: Record<string, unknown>;
}

const ok = (body: Record<string, unknown> = {}): ControlAnswer => ({ status: 200, body: { success: true, ...body } });
const bad = (status: number, error: string): ControlAnswer => ({
  status,
  body: { success: false, error, errorcode: 100 },
});

/** The Date range (ECMA-262 §21.4.1.22): a clock outside it makes every timestamp throw. */
const MAX_DATE_MS = 8.64e15;

/**
 * A control body's fields, or why not: a misspelt or mistyped field would otherwise silently mean
 * its default. `number` fields are checked by their endpoint.
 */
function fieldsOf(body: unknown, fields: Record<string, 'boolean' | 'number'>): Record<string, unknown> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'The request body must be a JSON object.';
  for (const [field, value] of Object.entries(body)) {
    const kind = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (kind === undefined) return `Unknown field ${JSON.stringify(field)}. Fields: ${Object.keys(fields).join(', ')}.`;
    if (kind === 'boolean' && typeof value !== 'boolean') return `"${field}" must be true or false.`;
  }
  return body as Record<string, unknown>;
}

function seedRoom(state: EmulatorState, body: unknown): ControlAnswer {
  const seed = parseSeed(body);
  if (typeof seed === 'string') return bad(400, seed);
  const planted = plantSeed(state, seed);
  if (!planted.ok) return bad(planted.status, planted.error);
  const { room } = planted;
  return ok({ room: room.room, version: room.version, token: room.token, leadertoken: room.leadertoken });
}

function moveClock(state: EmulatorState, body: unknown): ControlAnswer {
  const input = fieldsOf(body, { advanceMs: 'number' });
  if (typeof input === 'string') return bad(400, input);
  const advanceMs = input.advanceMs;
  if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs))
    return bad(400, '"advanceMs" must be a number of milliseconds.');
  // Checked before moving: a clock outside the range would refuse every later token until a reset.
  const offset = state.clockOffsetMs + advanceMs;
  if (!(Math.abs(Date.now() + offset) <= MAX_DATE_MS)) {
    return bad(
      400,
      `"advanceMs" ${advanceMs} would move the clock outside the dates JavaScript can hold ` +
        '(±8.64e15 ms around 1970); the clock was not moved.',
    );
  }
  state.clockOffsetMs = offset;
  return ok({ now: new Date(state.now()).toISOString() });
}

function freshKey(state: EmulatorState, body: unknown): ControlAnswer {
  const input = fieldsOf(body, { allowNone: 'boolean', reseller: 'boolean' });
  if (typeof input === 'string') return bad(400, input);
  // A key in a subscription of its own: a test's rooms and analytics stay apart from others'.
  const subscription = `sub-${hex(6).toLowerCase()}`;
  const apikey = `key-${hex(8).toLowerCase()}`;
  const apisecret = hex(16).toLowerCase();
  const allowNone = input.allowNone !== false;
  const reseller = input.reseller === true;
  state.addKey({ apikey, apisecret, allowNone, reseller, subscription });
  return ok({ apikey, apisecret, allowNone, reseller, subscription });
}

function endRoom(state: EmulatorState, path: string, segment: string, body: unknown): ControlAnswer {
  const number = decodeSegment(segment);
  if (number === undefined) return bad(400, `The room in ${path} is not valid percent-encoding.`);
  const input = fieldsOf(body, { recordings: 'number' });
  if (typeof input === 'string') return bad(400, input);
  const room = state.findRoom(number);
  if (!room) return bad(404, `No room ${segment}.`);
  const recordings = input.recordings ?? (room.disabledfeatures.includes('TOOLS_SCREEN_RECORDING') ? 0 : 1);
  const problem = recordingCount(recordings);
  if (problem) return bad(400, `"recordings" ${problem[1]}.`);
  state.endRoom(room, recordings as number);
  return ok({ room: room.room, recordings: room.recordings.length });
}

export function handleControl(ctx: ControlContext, method: string, path: string, body: unknown): ControlAnswer {
  const { state, faults } = ctx;
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
    // Refused like `{}`: a test that sends no fault expects one and would pass for the wrong reason.
    if (list.length === 0) return bad(400, 'An empty list of faults queues nothing: give at least one fault.');
    const parsed = list.map(parseFault);
    const at = parsed.findIndex((p) => typeof p === 'string');
    // All or nothing: a list with one bad fault queues none of them.
    if (at >= 0)
      return bad(400, `${list.length > 1 ? `Fault ${at + 1} of ${list.length}: ` : ''}${parsed[at] as string}`);
    for (const fault of parsed) faults.add(fault as Exclude<typeof fault, string>);
    return ok({ faults: faults.list() });
  }
  if (route === 'GET /__emulator/stats') return ok({ requests: Object.fromEntries(ctx.requests) });
  if (route === 'POST /__emulator/clock') return moveClock(state, body);
  if (route === 'POST /__emulator/keys') return freshKey(state, body);
  if (route === 'POST /__emulator/rooms') return seedRoom(state, body);

  const inspect = /^\/__emulator\/rooms\/(\d+)$/.exec(path);
  if (inspect && method === 'GET') {
    // What the emulator stored for a room, so tests can see what a client really sent.
    const room = state.findRoom(inspect[1]!);
    if (!room) return bad(404, `No room ${inspect[1]}.`);
    const {
      room: number,
      version,
      subscription,
      title,
      starturl,
      bookmarks,
      session,
      disabledfeatures,
      endedAt,
    } = room;
    return ok({
      room: number,
      version,
      subscription,
      title,
      starturl,
      bookmarks,
      session,
      disabledfeatures,
      ended: endedAt !== undefined,
      users: room.users.length,
    });
  }
  const end = /^\/__emulator\/rooms\/([^/]+)\/end$/.exec(path);
  if (end && method === 'POST') return endRoom(state, path, end[1]!, body);
  return bad(404, `No control endpoint ${route}.`);
}
