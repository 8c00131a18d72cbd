/** Every API call the emulator answers, by its path below /api/v3/. */
import type { CallName, CallResponse } from '../../api/calls.js';
import { analyticsoverview, analyticsrooms, roomanalytics } from './analytics.js';
import type { CallContext, CallHandler } from './context.js';
import { screenrecordingimage, screenrecordingpubliclink, screenrecordingthumbnail } from './recordings.js';
import { createapikey, createsubscription, deletesubscription } from './reseller.js';
import { create, find, runningrooms } from './rooms.js';
import { createlimitedusetoken, deletelimitedusetoken } from './tokens.js';

export const CALLS: { [C in CallName]: CallHandler<C> } = {
  runningrooms,
  create,
  find,
  createlimitedusetoken,
  deletelimitedusetoken,
  screenrecordingpubliclink,
  screenrecordingthumbnail,
  screenrecordingimage,
  analyticsoverview,
  analyticsrooms,
  roomanalytics,
  'reseller/createsubscription': createsubscription,
  'reseller/deletesubscription': deletesubscription,
  'reseller/createapikey': createapikey,
};

export { isCallName } from '../../api/calls.js';

/**
 * Runs `call` on a body that the server already checked with findProblem against the same per-call map:
 * the one place where a checked body becomes the call's request type.
 */
export function runCall<C extends CallName>(call: C, ctx: CallContext<unknown>): Omit<CallResponse<C>, 'success'> {
  const handler: CallHandler<C> = CALLS[call];
  return handler(ctx as Parameters<CallHandler<C>>[0]);
}

/** The vendor's examples spell some parameters differently from its lists: accept both. */
export function normalizeQuirks(call: CallName, body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  if (call === 'analyticsrooms' && out.limit === undefined && out.take !== undefined) out.limit = out.take;
  if (
    call === 'reseller/createsubscription' &&
    out.disabledfeatures === undefined &&
    out.disabled_features !== undefined
  ) {
    out.disabledfeatures = out.disabled_features;
  }
  delete out.take;
  delete out.disabled_features;
  return out;
}
