/** Every API call the emulator answers, by its path below /api/v3/. */
import type { CallName } from '../../api/types.js';
import { analyticsoverview, analyticsrooms, roomanalytics } from './analytics.js';
import type { CallHandler } from './context.js';
import { screenrecordingimage, screenrecordingpubliclink, screenrecordingthumbnail } from './recordings.js';
import { createapikey, createsubscription, deletesubscription } from './reseller.js';
import { create, find, runningrooms } from './rooms.js';
import { createlimitedusetoken, deletelimitedusetoken } from './tokens.js';

export const CALLS: Record<CallName, CallHandler> = {
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

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(CALLS, name);
}

/** The vendor's examples spell some parameters differently from its lists: accept both. */
export function normalizeQuirks(call: CallName, body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  if (call === 'analyticsrooms' && out.limit === undefined && out.take !== undefined) out.limit = out.take;
  if (call === 'reseller/createsubscription' && out.disabledfeatures === undefined && out.disabled_features !== undefined) {
    out.disabledfeatures = out.disabled_features;
  }
  delete out.take;
  delete out.disabled_features;
  return out;
}
