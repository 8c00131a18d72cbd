/**
 * Compile-time tests of the per-call map (checked by `tsc --noEmit` in npm test): a call's rules that
 * disagree with its request type must not compile. Each `@ts-expect-error` fails the type-check if the
 * line below it ever compiles.
 */
import type { CallRequest, CallResponse, CallSpec } from '../../src/api/calls.js';
import { isBoolean, isString, wholeAtLeast } from '../../src/api/checks.js';
import type { CreateLimitedUseTokenRequest, FindRoomRequest, PageRequest } from '../../src/api/types.js';
import type { CallHandler } from '../../src/emulator/calls/context.js';

export const wrongCheck: CallSpec<FindRoomRequest> = {
  // @ts-expect-error a number check for a string field
  fields: { room: { check: wholeAtLeast(1), required: true } },
};

export const missingRequired: CallSpec<FindRoomRequest> = {
  // @ts-expect-error `room` is required by the type, so its rule must say so
  fields: { room: { check: isString } },
};

export const extraRule: CallSpec<FindRoomRequest> = {
  // @ts-expect-error a rule for a field the request type does not have
  fields: { room: { check: isString, required: true }, extra: { check: isString } },
};

export const missingRule: CallSpec<CreateLimitedUseTokenRequest> = {
  // @ts-expect-error a field of the type (`ticket`) without a rule
  fields: {
    room: { check: isString, required: true },
    usagelimit: { check: wholeAtLeast(1), required: true },
    isleader: { check: isBoolean, required: true },
    usersname: { check: isString },
  },
};

export const requiredOptional: CallSpec<PageRequest> = {
  // @ts-expect-error an optional field marked required
  fields: { skip: { check: wholeAtLeast(0), required: true }, limit: { check: wholeAtLeast(0) } },
};

// The emulator's handlers get the call's request type and must answer its response type.
export const typedBody: CallHandler<'find'> = (ctx) => {
  const room: string = ctx.body.room;
  // @ts-expect-error `find` has no `usagelimit`
  void ctx.body.usagelimit;
  return { room, token: 't', leadertoken: 'l', publicinvitation: 'p' };
};
// @ts-expect-error an answer without the response's fields
export const wrongAnswer: CallHandler<'createlimitedusetoken'> = () => ({ token: 't' });

// The client's and the wire's types are the map's.
export const scheduled: CallRequest<'create'> = { eventtime: '2030-01-01T10:00:00Z' };
export const total: CallResponse<'analyticsrooms'>['total_rooms'] = '123';
