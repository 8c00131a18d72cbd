import type { ApiKey, EmulatorState, Room } from '../state.js';

/** What a call handler gets: the checked request and the emulator around it. */
export interface CallContext {
  state: EmulatorState;
  key: ApiKey;
  /** The request body, already checked against the reference's rules. */
  body: Record<string, unknown>;
  /** An invitation link into the stand-in room page. */
  roomLink(room: Room, token: string): string;
  /** A temporary link served by the emulator. */
  mediaLink(id: string): string;
}

export type CallHandler = (ctx: CallContext) => Record<string, unknown>;

/** A refusal with the API's error code; the server turns it into `{success:false,…}`. */
export class ApiFailure extends Error {
  constructor(
    readonly errorcode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The room numbered `body.room` that this key's subscription owns, or errorcode 102. */
export function ownRoom(ctx: CallContext, version?: number): Room {
  const number = String(ctx.body.room);
  const room = ctx.state.findRoom(number, ctx.key.subscription, version);
  if (!room) {
    const what = version === undefined ? '' : ` with version ${version}`;
    throw new ApiFailure(102, `There is no room ${number}${what} for this API key.`);
  }
  return room;
}

/** Paging as the API does it: `skip` then `limit` items. */
export function page<T>(items: T[], body: Record<string, unknown>): T[] {
  const skip = (body.skip as number | undefined) ?? 0;
  const limit = body.limit as number | undefined;
  return items.slice(skip, limit === undefined ? undefined : skip + limit);
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
