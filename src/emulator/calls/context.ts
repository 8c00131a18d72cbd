import type { PageRequest } from '../../api/types.js';
import type { CallName, CallRequest, CallResponse } from '../../api/calls.js';
import type { ApiKey, EmulatorState, Room } from '../state.js';

/** What a call handler gets: the checked request and the emulator around it. */
export interface CallContext<B = unknown> {
  state: EmulatorState;
  key: ApiKey;
  /** The request body, already checked against the call's rules in the per-call map. */
  body: B;
  /** An invitation link into the stand-in room page. */
  roomLink(room: Room, token: string): string;
  /** A temporary link served by the emulator. */
  mediaLink(id: string): string;
}

/** One call: its request type in, its response type (less `success`, which the server adds) out. */
export type CallHandler<C extends CallName> = (ctx: CallContext<CallRequest<C>>) => Omit<CallResponse<C>, 'success'>;

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
export function ownRoom(ctx: CallContext<{ room: string }>, version?: number): Room {
  const number = ctx.body.room;
  const room = ctx.state.findRoom(number, ctx.key.subscription, version);
  if (!room) {
    const what = version === undefined ? '' : ` with version ${version}`;
    throw new ApiFailure(102, `There is no room ${number}${what} for this API key.`);
  }
  return room;
}

/** Paging as the API does it: `skip` then `limit` items. */
export function page<T>(items: T[], { skip = 0, limit }: PageRequest): T[] {
  return items.slice(skip, limit === undefined ? undefined : skip + limit);
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
