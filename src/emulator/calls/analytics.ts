/** analyticsoverview, analyticsrooms, roomanalytics: computed from what happened in the emulator. */
import { durationSeconds, startedAt, type Room } from '../state.js';
import { iso, ownRoom, page, type CallHandler } from './context.js';

const DAY = 86_400_000;

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Monday 00:00 UTC of the week that holds `ms`. */
function startOfUtcWeek(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return startOfUtcDay(ms) - ((day + 6) % 7) * DAY;
}

function startOfUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function averageMinutes(rooms: Room[], now: number): number {
  if (rooms.length === 0) return 0;
  const total = rooms.reduce((sum, r) => sum + durationSeconds(r, now), 0);
  return Math.round(total / rooms.length / 60);
}

function mostPopularHost(rooms: Room[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rooms) {
    if (!r.starturl) continue;
    const host = new URL(r.starturl).hostname;
    counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [host, n] of counts) if (best === null || n > counts.get(best)!) best = host;
  return best;
}

export const analyticsoverview: CallHandler<'analyticsoverview'> = (ctx) => {
  const now = ctx.state.now();
  const rooms = ctx.state.roomsOf(ctx.key.subscription);
  // Rooms that have started since `start` (a room scheduled ahead counts once it starts).
  const since = (start: number) => rooms.filter((r) => startedAt(r) >= start && startedAt(r) <= now);
  const today = since(startOfUtcDay(now));
  const week = since(startOfUtcWeek(now));
  const month = since(startOfUtcMonth(now));
  return {
    url_latest: rooms.filter((r) => r.starturl).at(-1)?.starturl ?? null,
    url_most_popular: mostPopularHost(rooms),
    rooms_total: rooms.length,
    rooms_today: today.length,
    rooms_thisweek: week.length,
    rooms_thismonth: month.length,
    averageduration_alltime: averageMinutes(rooms, now),
    averageduration_today: averageMinutes(today, now),
    averageduration_thisweek: averageMinutes(week, now),
    averageduration_thismonth: averageMinutes(month, now),
  };
};

export const analyticsrooms: CallHandler<'analyticsrooms'> = (ctx) => {
  const now = ctx.state.now();
  const rooms = ctx.state.roomsOf(ctx.key.subscription).reverse();
  return {
    // As the reference's example shows it: a string (unlike runningrooms' numeric totalrooms).
    total_rooms: String(rooms.length),
    rooms: page(rooms, ctx.body).map((r) => ({
      room: r.room,
      title: r.title,
      date: iso(startedAt(r)),
      duration: Math.round(durationSeconds(r, now)),
      screenrecordings: r.recordings.length,
    })),
  };
};

export const roomanalytics: CallHandler<'roomanalytics'> = (ctx) => {
  const room = ownRoom(ctx, ctx.body.version ?? 0);
  return {
    title: room.title,
    events: room.events.map((e) => ({
      type: e.type,
      date: iso(e.at),
      sender: e.sender,
      target: e.target,
      data: e.data,
    })),
    users: room.users.map((u) => ({
      guid: u.guid,
      host: u.host,
      joinedat: iso(u.joinedAt),
      leftat: u.leftAt === undefined ? null : iso(u.leftAt),
      name: u.name,
      ipaddress: u.ipaddress,
      // No geolocation database offline: loopback and private addresses have no place.
      city: '',
      country: '',
    })),
  };
};
