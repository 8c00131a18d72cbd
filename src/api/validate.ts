/**
 * What the reference requires of each request, as data. The client runs these
 * checks before sending anything; the emulator runs the same ones on what it
 * receives, so both refuse the same requests with the same words.
 */
import { CONFIGURATION_OVERRIDE_KEYS, DISABLED_FEATURES, type CallName } from './types.js';

/** A request field that breaks a rule of the reference. */
export interface Problem {
  /** Path of the field, e.g. `usagelimit` or `bookmarks[1].link`. */
  field: string;
  message: string;
  /** The API's code for this fault, where the reference has one. */
  errorcode?: number;
}

/** Returns what was expected when `value` is wrong: `[sub-path, expectation]`. */
type Check = (value: unknown) => [string, string] | undefined;
interface FieldRule {
  check: Check;
  required?: boolean;
  code?: number;
}
type Rules = Record<string, FieldRule>;

const fail = (expected: string, path = ''): [string, string] => [path, expected];

const isString: Check = (v) => (typeof v === 'string' ? undefined : fail('must be a string'));
const nonEmpty: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' ? undefined : fail('must be a non-empty string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : fail('must be true or false'));
const wholeAtLeast =
  (min: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min ? undefined : fail(`must be a whole number of at least ${min}`);
const positiveNumber: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : fail('must be a number greater than 0');
const pixels: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 8192
    ? undefined
    : fail('must be a whole number of pixels from 1 to 8192');

const httpUrl: Check = (v) => {
  if (typeof v !== 'string') return fail('must be a string');
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  } catch {
    /* falls through */
  }
  return fail('must be an absolute http: or https: URL');
};

const oneOf =
  (allowed: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v) ? undefined : fail(`must be one of ${allowed.join(', ')}`);

const arrayOf =
  (item: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return fail('must be an array');
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i]);
      if (bad) return fail(bad[1], `[${i}]${bad[0]}`);
    }
    return undefined;
  };

const objectOf =
  (fields: Record<string, Check>, optional: string[] = []): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('must be an object');
    const record = v as Record<string, unknown>;
    for (const [name, check] of Object.entries(fields)) {
      if (record[name] === undefined) {
        if (optional.includes(name)) continue;
        return fail('is required', `.${name}`);
      }
      const bad = check(record[name]);
      if (bad) return fail(bad[1], `.${name}${bad[0]}`);
    }
    return undefined;
  };

const bookmark = objectOf({ name: isString, link: isString });
const cookie = objectOf({
  domain: isString,
  path: isString,
  name: isString,
  value: isString,
  secure: isBoolean,
  httponly: isBoolean,
});
const storageItem = objectOf({ domain: isString, name: isString, value: isString });
const session = objectOf({ cookies: arrayOf(cookie), storage: arrayOf(storageItem) }, ['cookies', 'storage']);
const features = arrayOf(oneOf(DISABLED_FEATURES));

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
/** `invitees` is one string of comma-separated addresses. */
const emailList: Check = (v) => {
  if (typeof v !== 'string') return fail('must be a string of comma-separated e-mail addresses');
  const bad = v
    .split(',')
    .map((s) => s.trim())
    .find((s) => !EMAIL.test(s));
  return bad === undefined ? undefined : fail(`must list valid e-mail addresses ("${bad}" is not one)`);
};

/** ISO 8601 local or UTC time, or the `dd/MM/yyyyThh:mm:ss` form the vendor's text gives. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DMY_TIME = /^(\d{2})\/(\d{2})\/(\d{4})T(\d{2}):(\d{2}):(\d{2})(Z)?$/;

export interface EventTime {
  /** Calendar fields as written. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the time says (`Z` is 0), otherwise undefined: a zone is needed. */
  offsetMinutes?: number;
}

/** Reads an `eventtime`, or undefined when it is in neither documented format. */
export function parseEventTime(text: string): EventTime | undefined {
  let parts: EventTime | undefined;
  let zone: string | undefined;
  const iso = ISO_TIME.exec(text);
  if (iso) {
    parts = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, hour: +iso[4]!, minute: +iso[5]!, second: +(iso[6] ?? 0) };
    zone = iso[7];
  } else {
    const dmy = DMY_TIME.exec(text);
    if (!dmy) return undefined;
    parts = { year: +dmy[3]!, month: +dmy[2]!, day: +dmy[1]!, hour: +dmy[4]!, minute: +dmy[5]!, second: +dmy[6]! };
    zone = dmy[7];
  }
  const { year, month, day, hour, minute, second } = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  if (zone === 'Z') parts.offsetMinutes = 0;
  else if (zone) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    parts.offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return parts;
}

/** True when the runtime knows `zone` as an IANA time zone. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:[/_-][A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const eventTime: Check = (v) =>
  typeof v === 'string' && parseEventTime(v)
    ? undefined
    : fail('must be an ISO 8601 date and time, e.g. 2030-02-22T16:30:00 (add Z for UTC)');
const timeZone: Check = (v) =>
  typeof v === 'string' && isIanaTimeZone(v) ? undefined : fail('must be an IANA time zone, e.g. Europe/London');

const page: Rules = {
  skip: { check: wholeAtLeast(0) },
  limit: { check: wholeAtLeast(0) },
};
const room: FieldRule = { check: nonEmpty, required: true, code: 102 };
const recording: Rules = {
  room,
  recording: { check: wholeAtLeast(0) },
  validfor: { check: positiveNumber },
};
const createRules: Rules = {
  starturl: { check: httpUrl, code: 105 },
  title: { check: isString },
  bookmarks: { check: arrayOf(bookmark) },
  session: { check: session },
  disabledfeatures: { check: features },
};

/** The rules of each call. `create` covers both creating and scheduling. */
export const RULES: Record<CallName, Rules> = {
  runningrooms: page,
  create: {
    ...createRules,
    eventtime: { check: eventTime, code: 108 },
    timezone: { check: timeZone, code: 107 },
    lengthinminutes: { check: wholeAtLeast(1), code: 123 },
    invitees: { check: emailList, code: 104 },
    invitemessage: { check: isString },
  },
  find: { room },
  createlimitedusetoken: {
    room,
    usagelimit: { check: wholeAtLeast(1), required: true, code: 125 },
    isleader: { check: isBoolean, required: true },
    usersname: { check: isString },
  },
  deletelimitedusetoken: { token: { check: nonEmpty, required: true, code: 112 } },
  screenrecordingpubliclink: recording,
  screenrecordingthumbnail: recording,
  screenrecordingimage: { ...recording, width: { check: pixels, code: 111 }, height: { check: pixels, code: 111 } },
  analyticsoverview: {},
  analyticsrooms: page,
  roomanalytics: { room, version: { check: wholeAtLeast(0) } },
  'reseller/createsubscription': {
    name: { check: nonEmpty, required: true, code: 115 },
    licensecount: { check: wholeAtLeast(1), required: true, code: 124 },
    configuration_overrides: {
      check: arrayOf(objectOf({ key: oneOf(CONFIGURATION_OVERRIDE_KEYS), value: isString })),
      code: 121,
    },
    bookmarks: { check: arrayOf(bookmark), code: 121 },
    disabledfeatures: { check: features, code: 121 },
  },
  'reseller/deletesubscription': { name: { check: nonEmpty, required: true, code: 115 } },
  'reseller/createapikey': { subscription: { check: nonEmpty, required: true, code: 115 } },
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The first rule of `call` that `body` breaks, or undefined when it keeps them all. */
export function findProblem(call: CallName, body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { field: '', message: 'The request body must be a JSON object.' };
  }
  const record = body as Record<string, unknown>;
  for (const [field, rule] of Object.entries(RULES[call])) {
    const value = record[field];
    if (value === undefined) {
      if (rule.required) return { field, message: `"${field}" is required.`, errorcode: rule.code };
      continue;
    }
    const bad = rule.check(value);
    if (bad) {
      const path = field + bad[0];
      const got = bad[0] ? '' : ` (got ${describe(value)})`;
      return { field: path, message: `"${path}" ${bad[1]}${got}.`, errorcode: rule.code };
    }
  }
  if (call === 'create' && record.eventtime !== undefined) {
    if (record.starturl === undefined) {
      return { field: 'starturl', message: '"starturl" is required to schedule a room.', errorcode: 105 };
    }
    const time = parseEventTime(record.eventtime as string);
    if (time && time.offsetMinutes === undefined && record.timezone === undefined) {
      return {
        field: 'timezone',
        message: '"timezone" is required when "eventtime" has no Z or offset (e.g. Europe/London).',
        errorcode: 106,
      };
    }
  }
  return undefined;
}
