/**
 * THE per-call map: for every API v3 call, its request type, its response type (as it comes over the wire)
 * and the rules its request must keep. The client's methods, validate.ts, the emulator's handlers and the
 * proxy all read it, so they cannot drift: a rule for a field the request type lacks, a missing rule, a
 * `required` that disagrees with the type, or a check that proves another type than the field's does not compile.
 */
import {
  arrayOf,
  bookmark,
  disabledFeatures,
  emailList,
  eventTime,
  httpUrl,
  isBoolean,
  isString,
  nonEmpty,
  objectOf,
  overrideKey,
  parseEventTime,
  pixels,
  positiveNumber,
  timeZone,
  wholeAtLeast,
  type Check,
} from './checks.js';
import type * as T from './types.js';

interface Call<Request, Response> {
  request: Request;
  response: Response;
}

export interface CallMap {
  runningrooms: Call<T.RunningRoomsRequest, T.RunningRoomsResponse>;
  create: Call<T.CreateCallRequest, T.CreateRoomResponse>;
  find: Call<T.FindRoomRequest, T.FindRoomResponse>;
  createlimitedusetoken: Call<T.CreateLimitedUseTokenRequest, T.CreateLimitedUseTokenResponse>;
  deletelimitedusetoken: Call<T.DeleteLimitedUseTokenRequest, T.DeleteLimitedUseTokenResponse>;
  screenrecordingpubliclink: Call<T.RecordingRequest, T.LinkResponse>;
  screenrecordingthumbnail: Call<T.RecordingRequest, T.LinkResponse>;
  screenrecordingimage: Call<T.RecordingImageRequest, T.LinkResponse>;
  analyticsoverview: Call<T.EmptyRequest, T.AnalyticsOverviewResponse>;
  analyticsrooms: Call<T.AnalyticsRoomsRequest, T.AnalyticsRoomsAnswer>;
  roomanalytics: Call<T.RoomAnalyticsRequest, T.RoomAnalyticsResponse>;
  'reseller/createsubscription': Call<T.ResellerCreateSubscriptionRequest, T.ResellerCreateSubscriptionResponse>;
  'reseller/deletesubscription': Call<T.ResellerDeleteSubscriptionRequest, T.ResellerDeleteSubscriptionResponse>;
  'reseller/createapikey': Call<T.ResellerCreateApiKeyRequest, T.ResellerCreateApiKeyResponse>;
}

/** Every call of the API, by its path below `/api/v3/`. */
export type CallName = keyof CallMap;
export type CallRequest<C extends CallName> = CallMap[C]['request'];
/** The answer as the API sends it (with `success: true`). */
export type CallResponse<C extends CallName> = CallMap[C]['response'];

/** A request field that breaks a rule of the reference. */
export interface Problem {
  /** Path of the field, e.g. `usagelimit` or `bookmarks[1].link`. */
  field: string;
  message: string;
  /** The API's code for this fault, where the reference has one. */
  errorcode?: number;
}

/** K is optional in R exactly when `Pick<R, K>` accepts its own `Partial`. */
type RequiredKeys<R> = { [K in keyof R]-?: Partial<Pick<R, K>> extends Pick<R, K> ? never : K }[keyof R];

/** How one field is checked; `required` is there exactly when the request type requires the field. */
export type FieldRule<V, Required extends boolean> = { check: Check<V>; code?: number } & (Required extends true
  ? { required: true }
  : { required?: false });

/** One rule for every field of the request type, and none for anything else. */
export type FieldRules<R> = {
  [K in keyof R]-?: FieldRule<NonNullable<R[K]>, K extends RequiredKeys<R> ? true : false>;
};

export interface CallSpec<R> {
  fields: FieldRules<R>;
  /** Rules across fields, run once every field passed its own. */
  across?: (body: R) => Problem | undefined;
}

const page: CallSpec<T.PageRequest> = {
  fields: { skip: { check: wholeAtLeast(0) }, limit: { check: wholeAtLeast(0) } },
};
const room = { check: nonEmpty, required: true, code: 102 } as const;
const recording: CallSpec<T.RecordingRequest> = {
  fields: { room, recording: { check: wholeAtLeast(0) }, validfor: { check: positiveNumber } },
};

const session = objectOf<T.RoomSession>(
  {
    cookies: arrayOf(
      objectOf<T.SessionCookie>({
        domain: isString,
        path: isString,
        name: isString,
        value: isString,
        secure: isBoolean,
        httponly: isBoolean,
      }),
    ),
    storage: arrayOf(objectOf<T.SessionStorageItem>({ domain: isString, name: isString, value: isString })),
  },
  ['cookies', 'storage'],
);

export const CALL_SPECS: { [C in CallName]: CallSpec<CallRequest<C>> } = {
  runningrooms: page,
  create: {
    fields: {
      starturl: { check: httpUrl, code: 105 },
      title: { check: isString },
      bookmarks: { check: arrayOf(bookmark) },
      session: { check: session },
      disabledfeatures: { check: disabledFeatures },
      // Scheduling: `eventtime` is the only parameter a scheduled room needs.
      eventtime: { check: eventTime, code: 108 },
      timezone: { check: timeZone, code: 107 },
      lengthinminutes: { check: wholeAtLeast(1), code: 123 },
      invitees: { check: emailList, code: 104 },
      invitemessage: { check: isString },
    },
    across: (body) => {
      const time = body.eventtime === undefined ? undefined : parseEventTime(body.eventtime);
      if (time && time.offsetMinutes === undefined && body.timezone === undefined) {
        return {
          field: 'timezone',
          message: '"timezone" is required when "eventtime" has no Z or offset (e.g. Europe/London).',
          errorcode: 106,
        };
      }
      return undefined;
    },
  },
  find: { fields: { room } },
  createlimitedusetoken: {
    fields: {
      room,
      usagelimit: { check: wholeAtLeast(1), required: true, code: 125 },
      isleader: { check: isBoolean, required: true },
      usersname: { check: isString },
      ticket: { check: isString },
    },
  },
  deletelimitedusetoken: { fields: { token: { check: nonEmpty, required: true, code: 112 } } },
  screenrecordingpubliclink: recording,
  screenrecordingthumbnail: recording,
  screenrecordingimage: {
    fields: { ...recording.fields, width: { check: pixels, code: 111 }, height: { check: pixels, code: 111 } },
  },
  analyticsoverview: { fields: {} },
  analyticsrooms: page,
  roomanalytics: { fields: { room, version: { check: wholeAtLeast(0) } } },
  'reseller/createsubscription': {
    fields: {
      name: { check: nonEmpty, required: true, code: 115 },
      licensecount: { check: wholeAtLeast(1), required: true, code: 124 },
      configuration_overrides: {
        check: arrayOf(objectOf<T.ConfigurationOverride>({ key: overrideKey, value: isString })),
        code: 121,
      },
      bookmarks: { check: arrayOf(bookmark), code: 121 },
      disabledfeatures: { check: disabledFeatures, code: 121 },
    },
  },
  'reseller/deletesubscription': { fields: { name: { check: nonEmpty, required: true, code: 115 } } },
  'reseller/createapikey': { fields: { subscription: { check: nonEmpty, required: true, code: 115 } } },
};

export const CALL_NAMES = Object.keys(CALL_SPECS) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(CALL_SPECS, name);
}
