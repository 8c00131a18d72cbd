/**
 * Field checks for the per-call rules (calls.ts). Each check carries, in its type only, the type a value
 * that passes it has: a rule whose check proves another type than the request field's does not compile.
 */
import {
  CONFIGURATION_OVERRIDE_KEYS,
  DISABLED_FEATURES,
  type Bookmark,
  type ConfigurationOverrideKey,
  type DisabledFeature,
} from './types.js';

declare const proves: unique symbol;

/** A wrong value's `[sub-path, expectation]`, e.g. `['[1].link', 'must be …']`. */
export type Fault = [path: string, expected: string];

export interface Check<T> {
  (value: unknown): Fault | undefined;
  /** Type only: what a value that passes is. */
  readonly [proves]?: T;
}

const fail = (expected: string, path = ''): Fault => [path, expected];

export const isString: Check<string> = (v) => (typeof v === 'string' ? undefined : fail('must be a string'));
export const nonEmpty: Check<string> = (v) =>
  typeof v === 'string' && v.trim() !== '' ? undefined : fail('must be a non-empty string');
export const isBoolean: Check<boolean> = (v) => (typeof v === 'boolean' ? undefined : fail('must be true or false'));
export const wholeAtLeast =
  (min: number): Check<number> =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min ? undefined : fail(`must be a whole number of at least ${min}`);
export const positiveNumber: Check<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : fail('must be a number greater than 0');
export const pixels: Check<number> = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 8192
    ? undefined
    : fail('must be a whole number of pixels from 1 to 8192');

/** An absolute http(s) URL: never `javascript:`, `data:` or a relative path. */
export const httpUrl: Check<string> = (v) => {
  if (typeof v !== 'string') return fail('must be a string');
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  } catch {
    /* falls through */
  }
  return fail('must be an absolute http: or https: URL');
};

export const oneOf =
  <T extends string>(allowed: readonly T[]): Check<T> =>
  (v) =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? undefined
      : fail(`must be one of ${allowed.join(', ')}`);

export const arrayOf =
  <T>(item: Check<T>): Check<T[]> =>
  (v) => {
    if (!Array.isArray(v)) return fail('must be an array');
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i]);
      if (bad) return fail(bad[1], `[${i}]${bad[0]}`);
    }
    return undefined;
  };

/** K is optional in T exactly when `Pick<T, K>` accepts its own `Partial`. */
type OptionalKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? K : never }[keyof T];

/** An object with exactly a check for every field of `T`; `optional` lists the fields that may be missing. */
export const objectOf =
  <T extends object>(
    fields: { [K in keyof T]-?: Check<NonNullable<T[K]>> },
    optional: readonly OptionalKeys<T>[] = [],
  ): Check<T> =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('must be an object');
    const record = v as Record<string, unknown>;
    for (const [name, check] of Object.entries(fields) as [string, Check<unknown>][]) {
      if (record[name] === undefined) {
        if ((optional as readonly string[]).includes(name)) continue;
        return fail('is required', `.${name}`);
      }
      const bad = check(record[name]);
      if (bad) return fail(bad[1], `.${name}${bad[0]}`);
    }
    return undefined;
  };

export const disabledFeatures: Check<DisabledFeature[]> = arrayOf(oneOf(DISABLED_FEATURES));
export const bookmark: Check<Bookmark> = objectOf<Bookmark>({ name: isString, link: httpUrl });
export const overrideKey: Check<ConfigurationOverrideKey> = oneOf(CONFIGURATION_OVERRIDE_KEYS);

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
/** `invitees` is one string of comma-separated addresses. */
export const emailList: Check<string> = (v) => {
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
    parts = {
      year: +iso[1]!,
      month: +iso[2]!,
      day: +iso[3]!,
      hour: +iso[4]!,
      minute: +iso[5]!,
      second: +(iso[6] ?? 0),
    };
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

export const eventTime: Check<string> = (v) =>
  typeof v === 'string' && parseEventTime(v)
    ? undefined
    : fail('must be an ISO 8601 date and time, e.g. 2030-02-22T16:30:00 (add Z for UTC)');
export const timeZone: Check<string> = (v) =>
  typeof v === 'string' && isIanaTimeZone(v) ? undefined : fail('must be an IANA time zone, e.g. Europe/London');
