/**
 * Turns a scheduled `eventtime` into an instant, with IANA time zones through Intl: the emulator's schedule, and the
 * scheduler's calendar file.
 */
import type { EventTime } from './checks.js';

/** Minutes east of UTC that `zone` is at the instant `ms`. */
function zoneOffsetMinutes(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

export function eventInstant(time: EventTime, zone: string | undefined): number {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (time.offsetMinutes !== undefined) return wall - time.offsetMinutes * 60_000;
  if (!zone) return wall;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(zone, wall) * 60_000;
  guess = wall - zoneOffsetMinutes(zone, guess) * 60_000;
  return guess;
}
