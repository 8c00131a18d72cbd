/**
 * An iCalendar file (RFC 5545) for a scheduled room: one VEVENT in UTC times (no VTIMEZONE needed), text escaped
 * (§3.3.11), lines folded at 75 octets (§3.1) and ended with CRLF. Only the guest link goes in: a calendar file is
 * forwarded, and the leader's link must not travel with it.
 */
export interface CalendarEvent {
  uid: string;
  /** Start, ms since the epoch. */
  start: number;
  minutes: number;
  title: string;
  description: string;
  /** The guest link. */
  url: string;
  /** When the file was made (DTSTAMP), ms. */
  stamp: number;
}

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values: backslash, semicolon, comma and newlines escaped. */
const text = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    // The first line holds 75 octets; each continuation starts with a space, so it holds 74 more.
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendarFile(e: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//samesurf-launcher//scheduler//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.start + e.minutes * 60_000)}`,
    `SUMMARY:${text(e.title)}`,
    `DESCRIPTION:${text(e.description)}`,
    `URL:${e.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
