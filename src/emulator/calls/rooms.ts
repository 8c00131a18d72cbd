/** runningrooms, create (and schedule), find. */
import { parseEventTime } from '../../api/validate.js';
import type { Bookmark, RoomSession } from '../../api/types.js';
import { ApiFailure, iso, ownRoom, page, type CallHandler } from './context.js';
import { eventInstant } from './time.js';

export const runningrooms: CallHandler = (ctx) => {
  const running = ctx.state.roomsOf(ctx.key.subscription).filter((r) => ctx.state.isRunning(r));
  return {
    // As the vendor's example has it: the leader link is "publicinvitation" here.
    rooms: page(running, ctx.body).map((r) => ({
      room: r.room,
      starttime: iso(r.schedule?.at ?? r.createdAt),
      publicinvitation: ctx.roomLink(r, r.leadertoken),
      privateinvitation: ctx.roomLink(r, r.token),
      title: r.title,
    })),
    totalrooms: running.length,
  };
};

export const create: CallHandler = (ctx) => {
  const { state, body } = ctx;
  const now = state.now();
  let schedule;
  if (body.eventtime !== undefined) {
    const at = eventInstant(parseEventTime(body.eventtime as string)!, body.timezone as string | undefined);
    if (at <= now) throw new ApiFailure(122, `The event time ${body.eventtime as string} is not in the future.`);
    schedule = {
      at,
      timezone: body.timezone as string | undefined,
      lengthinminutes: body.lengthinminutes as number | undefined,
      invitees: body.invitees === undefined ? [] : (body.invitees as string).split(',').map((s) => s.trim()),
      invitemessage: body.invitemessage as string | undefined,
    };
  }
  const sub = state.subscriptions.get(ctx.key.subscription);
  const room = state.addRoom({
    room: state.newRoomNumber(),
    subscription: ctx.key.subscription,
    title: (body.title as string | undefined) ?? null,
    starturl: (body.starturl as string | undefined) ?? null,
    bookmarks: (body.bookmarks as Bookmark[] | undefined) ?? sub?.bookmarks ?? [],
    session: (body.session as RoomSession | undefined) ?? {},
    disabledfeatures: [...new Set([...(sub?.disabledfeatures ?? []), ...((body.disabledfeatures as string[]) ?? [])])],
    createdAt: now,
    schedule,
  });
  return {
    room: room.room,
    token: room.token,
    leadertoken: room.leadertoken,
    privateinvitation: ctx.roomLink(room, room.leadertoken),
    publicinvitation: ctx.roomLink(room, room.token),
  };
};

export const find: CallHandler = (ctx) => {
  const room = ownRoom(ctx);
  if (room.endedAt !== undefined) throw new ApiFailure(103, `Room ${room.room} has already been used (it has ended).`);
  return {
    room: room.room,
    token: room.token,
    leadertoken: room.leadertoken,
    publicinvitation: ctx.roomLink(room, room.token),
  };
};
