/** runningrooms, create (and schedule), find. */
import { parseEventTime } from '../../api/checks.js';
import { ApiFailure, iso, ownRoom, page, type CallHandler } from './context.js';
import { eventInstant } from '../../api/event-time.js';
import { startedAt } from '../state.js';

export const runningrooms: CallHandler<'runningrooms'> = (ctx) => {
  const running = ctx.state.roomsOf(ctx.key.subscription).filter((r) => ctx.state.isRunning(r));
  return {
    // As the vendor's example has it: the leader link is "publicinvitation" here.
    rooms: page(running, ctx.body).map((r) => ({
      room: r.room,
      starttime: iso(startedAt(r)),
      publicinvitation: ctx.roomLink(r, r.leadertoken),
      privateinvitation: ctx.roomLink(r, r.token),
      title: r.title,
    })),
    totalrooms: running.length,
  };
};

export const create: CallHandler<'create'> = (ctx) => {
  const { state, body } = ctx;
  const now = state.now();
  let schedule;
  if (body.eventtime !== undefined) {
    const at = eventInstant(parseEventTime(body.eventtime)!, body.timezone);
    if (at <= now) throw new ApiFailure(122, `The event time ${body.eventtime} is not in the future.`);
    schedule = {
      at,
      timezone: body.timezone,
      lengthinminutes: body.lengthinminutes,
      invitees: body.invitees === undefined ? [] : body.invitees.split(',').map((s) => s.trim()),
      invitemessage: body.invitemessage,
    };
  }
  const sub = state.subscriptions.get(ctx.key.subscription);
  const room = state.addRoom({
    room: state.newRoomNumber(),
    subscription: ctx.key.subscription,
    title: body.title ?? null,
    starturl: body.starturl ?? null,
    bookmarks: body.bookmarks ?? sub?.bookmarks ?? [],
    session: body.session ?? {},
    disabledfeatures: [...new Set([...(sub?.disabledfeatures ?? []), ...(body.disabledfeatures ?? [])])],
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

export const find: CallHandler<'find'> = (ctx) => {
  const room = ownRoom(ctx);
  if (room.endedAt !== undefined) throw new ApiFailure(103, `Room ${room.room} has already been used (it has ended).`);
  return {
    room: room.room,
    token: room.token,
    leadertoken: room.leadertoken,
    publicinvitation: ctx.roomLink(room, room.token),
  };
};
