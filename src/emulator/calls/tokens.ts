/** createlimitedusetoken, deletelimitedusetoken. */
import { hex } from '../state.js';
import { ApiFailure, ownRoom, type CallHandler } from './context.js';

export const createlimitedusetoken: CallHandler<'createlimitedusetoken'> = (ctx) => {
  const room = ownRoom(ctx);
  if (room.endedAt !== undefined) throw new ApiFailure(103, `Room ${room.room} has already been used (it has ended).`);
  const token = hex(6);
  ctx.state.limitedTokens.set(token, {
    token,
    room,
    usagelimit: ctx.body.usagelimit,
    uses: 0,
    isleader: ctx.body.isleader,
    usersname: ctx.body.usersname,
    deleted: false,
  });
  return { token, link: ctx.roomLink(room, token) };
};

export const deletelimitedusetoken: CallHandler<'deletelimitedusetoken'> = (ctx) => {
  const entry = ctx.state.limitedTokens.get(ctx.body.token);
  if (!entry || entry.deleted || entry.room.subscription !== ctx.key.subscription) {
    throw new ApiFailure(112, 'There is no such limited-use token for this API key.');
  }
  entry.deleted = true;
  return {};
};
