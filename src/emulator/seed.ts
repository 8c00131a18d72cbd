/**
 * Seed rooms (`--seed`, the `seed` option, POST /__emulator/rooms): checked strictly, as fault specs
 * are, since a wrong type or a misspelt field would otherwise seed a room that is not the one asked
 * for (a number stored as a room that nothing can find, "no" read as ended).
 */
import { httpUrl, isBoolean, isString, type Check } from '../api/checks.js';
import type { EmulatorState, Room } from './state.js';

export interface SeedRoom {
  /** The subscription that owns it (default `demo`, the built-in keys'). */
  subscription?: string;
  /** A room number; reusing an ended room's number makes a new version. */
  room?: string;
  title?: string;
  starturl?: string;
  /** End the room at once, storing this many recordings (at most MAX_RECORDINGS). */
  recordings?: number;
  ended?: boolean;
}

/** The most recordings one room may end with: each is kept in memory, and a test needs a few. */
export const MAX_RECORDINGS = 100;

export const recordingCount: Check<number> = (v) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_RECORDINGS
    ? undefined
    : ['', `must be a whole number from 0 to ${MAX_RECORDINGS}`];

const roomNumber: Check<string> = (v) =>
  typeof v === 'string' && /^\d{1,12}$/.test(v)
    ? undefined
    : ['', 'must be a string of 1 to 12 digits, e.g. "555000111"'];

/** Every field a seed room may have; a SeedRoom field missing here does not compile. */
const FIELDS: { [K in keyof Required<SeedRoom>]: Check<NonNullable<SeedRoom[K]>> } = {
  subscription: isString,
  room: roomNumber,
  title: isString,
  starturl: httpUrl,
  recordings: recordingCount,
  ended: isBoolean,
};

/** Checks one seed room; returns an error message or the seed. */
export function parseSeed(input: unknown): SeedRoom | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'A seed room must be a JSON object.';
  for (const [field, value] of Object.entries(input)) {
    if (!Object.hasOwn(FIELDS, field))
      return `Unknown seed room field ${JSON.stringify(field)}. Fields: ${Object.keys(FIELDS).join(', ')}.`;
    if (value === undefined) continue;
    const bad = (FIELDS[field as keyof SeedRoom] as Check<unknown>)(value);
    if (bad) return `Seed room field "${field}" ${bad[1]}.`;
  }
  const seed = input as SeedRoom;
  if (seed.ended === false && (seed.recordings ?? 0) > 0) {
    return (
      'Seed room field "recordings": recordings are stored when the room ends, ' +
      'so they cannot go with "ended": false.'
    );
  }
  return seed;
}

/** A seed entry that cannot be used, by its index in the `seed` option (the CLI names the --seed file's entry). */
export class SeedError extends Error {
  constructor(
    readonly entry: number,
    readonly problem: string,
  ) {
    super(`startEmulator: seed[${entry}]: ${problem}`);
  }
}

/** Throws a SeedError for the first seed entry parseSeed refuses. */
export function checkSeedList(seeds: readonly unknown[]): void {
  seeds.forEach((seed, i) => {
    const parsed = parseSeed(seed);
    if (typeof parsed === 'string') throw new SeedError(i, parsed);
  });
}

export type Planted = { ok: true; room: Room } | { ok: false; status: 404 | 409; error: string };

/** Creates a checked seed room; refuses what depends on the state: an unknown subscription, a room still running. */
export function plantSeed(state: EmulatorState, seed: SeedRoom): Planted {
  const subscription = seed.subscription ?? 'demo';
  if (!state.subscriptions.has(subscription)) {
    return {
      ok: false,
      status: 404,
      error: `Seed room field "subscription": there is no subscription ${JSON.stringify(subscription)}.`,
    };
  }
  const number = seed.room ?? state.newRoomNumber();
  const current = state.findRoom(number);
  if (current && current.endedAt === undefined) {
    return {
      ok: false,
      status: 409,
      error: `Room ${number} is still running: a number is reused only once its room has ended ("ended": true).`,
    };
  }
  const room = state.addRoom({
    room: number,
    subscription,
    title: seed.title ?? null,
    starturl: seed.starturl ?? null,
    bookmarks: [],
    session: {},
    disabledfeatures: [],
    createdAt: state.now(),
  });
  if (seed.ended || (seed.recordings ?? 0) > 0) state.endRoom(room, seed.recordings ?? 0);
  return { ok: true, room };
}
