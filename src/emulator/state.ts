/** The emulator's in-memory world: keys, subscriptions, rooms, tokens, users, recordings, links. */
import { randomBytes } from 'node:crypto';
import type { Bookmark, ConfigurationOverride, RoomSession } from '../api/types.js';

export interface ApiKey {
  apikey: string;
  apisecret: string;
  /** Whether unsigned (`alg: none`) tokens are accepted for this key. */
  allowNone: boolean;
  /** Whether this key may make reseller calls. */
  reseller: boolean;
  /** The subscription whose rooms this key sees. */
  subscription: string;
}

export interface Subscription {
  name: string;
  licensecount: number;
  /** The reseller subscription that created it, if any. */
  owner?: string;
  configuration_overrides: ConfigurationOverride[];
  bookmarks: Bookmark[];
  disabledfeatures: string[];
}

export interface User {
  guid: string;
  host: boolean;
  name: string;
  joinedAt: number;
  leftAt?: number;
  ipaddress: string;
}

export interface EmulatorEvent {
  type: string;
  at: number;
  sender: string;
  target: string;
  data: string;
}

export interface Recording {
  createdAt: number;
  seconds: number;
}

export interface Room {
  room: string;
  /** How many earlier rooms had the same number. */
  version: number;
  subscription: string;
  title: string | null;
  starturl: string | null;
  bookmarks: Bookmark[];
  session: RoomSession;
  disabledfeatures: string[];
  token: string;
  leadertoken: string;
  createdAt: number;
  schedule?: { at: number; timezone?: string; lengthinminutes?: number; invitees: string[]; invitemessage?: string };
  endedAt?: number;
  users: User[];
  events: EmulatorEvent[];
  recordings: Recording[];
}

export interface LimitedToken {
  token: string;
  room: Room;
  usagelimit: number;
  uses: number;
  isleader: boolean;
  usersname?: string;
  deleted: boolean;
}

export interface MediaLink {
  kind: 'video' | 'thumbnail' | 'image';
  room: Room;
  recording: number;
  width: number;
  height: number;
  expiresAt: number;
}

export const BUILT_IN_KEYS: readonly ApiKey[] = [
  { apikey: 'demo-key', apisecret: 'demo-secret', allowNone: true, reseller: false, subscription: 'demo' },
  { apikey: 'server-key', apisecret: 'server-secret', allowNone: false, reseller: false, subscription: 'demo' },
  { apikey: 'reseller-key', apisecret: 'reseller-secret', allowNone: false, reseller: true, subscription: 'reseller' },
];

export const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

export class EmulatorState {
  keys = new Map<string, ApiKey>();
  subscriptions = new Map<string, Subscription>();
  /** Every room ever created, by number; the last of each list is the current version. */
  rooms = new Map<string, Room[]>();
  limitedTokens = new Map<string, LimitedToken>();
  media = new Map<string, MediaLink>();
  /** Added to the wall clock, so tests can move time forward. */
  clockOffsetMs = 0;

  constructor(private readonly extraKeys: readonly ApiKey[] = []) {
    this.reset();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  reset(): void {
    this.keys.clear();
    this.subscriptions.clear();
    this.rooms.clear();
    this.limitedTokens.clear();
    this.media.clear();
    this.clockOffsetMs = 0;
    for (const key of [...BUILT_IN_KEYS, ...this.extraKeys]) this.addKey(key);
  }

  addKey(key: ApiKey): void {
    this.keys.set(key.apikey, { ...key });
    if (!this.subscriptions.has(key.subscription)) this.addSubscription({ name: key.subscription, licensecount: 10 });
  }

  addSubscription(sub: Partial<Subscription> & { name: string; licensecount: number }): Subscription {
    const full: Subscription = { configuration_overrides: [], bookmarks: [], disabledfeatures: [], ...sub };
    this.subscriptions.set(full.name, full);
    return full;
  }

  deleteSubscription(name: string): void {
    this.subscriptions.delete(name);
    for (const [apikey, key] of this.keys) if (key.subscription === name) this.keys.delete(apikey);
  }

  /** A fresh room number, unused by any room so far. */
  newRoomNumber(): string {
    for (;;) {
      const n = String(100_000_000 + Math.floor(Math.random() * 900_000_000));
      if (!this.rooms.has(n)) return n;
    }
  }

  addRoom(
    fields: Omit<Room, 'version' | 'token' | 'leadertoken' | 'users' | 'events' | 'recordings'> & Partial<Room>,
  ): Room {
    const versions = this.rooms.get(fields.room) ?? [];
    const room: Room = {
      token: hex(6),
      leadertoken: hex(6),
      users: [],
      events: [],
      recordings: [],
      ...fields,
      version: versions.length,
    };
    versions.push(room);
    this.rooms.set(room.room, versions);
    this.event(room, 'start', room.room, '', '', startedAt(room));
    if (room.starturl) this.event(room, 'url', room.starturl, '', '', startedAt(room));
    return room;
  }

  /** The current version of a room, if the subscription may see it. */
  findRoom(number: string, subscription?: string, version?: number): Room | undefined {
    const versions = this.rooms.get(number);
    const room = version === undefined ? versions?.at(-1) : versions?.[version];
    if (!room || (subscription !== undefined && room.subscription !== subscription)) return undefined;
    return room;
  }

  roomsOf(subscription: string): Room[] {
    const all: Room[] = [];
    for (const versions of this.rooms.values())
      for (const r of versions) if (r.subscription === subscription) all.push(r);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  isRunning(room: Room): boolean {
    return room.endedAt === undefined && (room.schedule === undefined || room.schedule.at <= this.now());
  }

  event(room: Room, type: string, data: string, sender = '', target = '', at = this.now()): void {
    room.events.push({ type, at, sender, target, data });
  }

  join(room: Room, host: boolean, name: string, ipaddress: string): User {
    const user: User = { guid: hex(20), host, name, joinedAt: this.now(), ipaddress };
    room.users.push(user);
    this.event(room, 'join', name, user.guid);
    return user;
  }

  leave(room: Room, user: User): void {
    if (user.leftAt !== undefined) return;
    user.leftAt = this.now();
    this.event(room, 'leave', user.name, user.guid);
  }

  /** Ends a room: everyone leaves, and its recordings are stored. */
  endRoom(room: Room, recordings: number): void {
    if (room.endedAt !== undefined) return;
    for (const user of room.users) this.leave(room, user);
    room.endedAt = this.now();
    const seconds = Math.max(1, Math.round(durationSeconds(room, room.endedAt)));
    for (let i = 0; i < recordings; i++) room.recordings.push({ createdAt: room.endedAt, seconds });
    this.event(room, 'end', room.room);
  }
}

/** When a room starts: a scheduled room at its event time, any other when it is made. */
export const startedAt = (room: Pick<Room, 'createdAt' | 'schedule'>): number => room.schedule?.at ?? room.createdAt;

/** From the first join to the last leave (or `now` while someone is in); 0 for a room nobody entered. */
export function durationSeconds(room: Room, now: number): number {
  if (room.users.length === 0) return 0;
  const first = Math.min(...room.users.map((u) => u.joinedAt));
  const last = Math.max(...room.users.map((u) => u.leftAt ?? Math.min(now, room.endedAt ?? now)));
  return Math.max(0, (last - first) / 1000);
}
