// The scheduler's calendar file against RFC 5545: CRLF lines of at most 75 octets (folded with a space), escaped
// text, UTC times; and the time zone arithmetic it shares with the emulator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEventTime } from '../../src/api/checks.js';
import { eventInstant } from '../../src/api/event-time.js';
import { calendarFile, fold } from '../../src/agent/ics.js';

describe('calendarFile', () => {
  const start = eventInstant(parseEventTime('2030-03-31T02:30:00')!, 'Europe/Berlin');
  const file = calendarFile({
    uid: '318204775@samesurf-launcher',
    start,
    minutes: 45,
    title: 'Pricing, plans; and more\\ for Zoë',
    description: 'Line one\nLine two: https://realtime.samesurf.com/318204775/GUEST',
    url: 'https://realtime.samesurf.com/318204775/GUEST',
    stamp: Date.UTC(2030, 0, 1, 12, 0, 0),
  });

  it('is CRLF lines of at most 75 octets, folded with a leading space', () => {
    assert.ok(file.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(file), 'no bare LF');
    for (const line of file.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    const unfolded = file.replace(/\r\n /g, '');
    assert.match(unfolded, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    assert.match(unfolded, /\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n$/);
  });

  it('escapes text and keeps times in UTC (a wall time in a zone turned into its instant)', () => {
    const unfolded = file.replace(/\r\n /g, '');
    assert.match(unfolded, /\r\nSUMMARY:Pricing\\, plans\\; and more\\\\ for Zoë\r\n/);
    assert.match(unfolded, /\r\nDESCRIPTION:Line one\\nLine two: https:\/\/realtime/);
    // 02:30 on the night Berlin moves to summer time does not exist: it resolves into 03:30 CEST (01:30 UTC), or
    // 00:30 UTC by the pre-change offset; the emulator's arithmetic is what the API does here.
    assert.match(unfolded, /\r\nDTSTART:20300331T0[01]3000Z\r\n/);
    assert.equal(
      new Date(start + 45 * 60_000).toISOString().slice(11, 16),
      unfolded
        .match(/DTEND:\d{8}T(\d\d)(\d\d)/)!
        .slice(1)
        .join(':'),
    );
    assert.match(unfolded, /\r\nDTSTAMP:20300101T120000Z\r\n/);
    assert.match(unfolded, /\r\nUID:318204775@samesurf-launcher\r\n/);
  });

  it('turns a summer and a winter wall time in New York into their instants', () => {
    assert.equal(
      new Date(eventInstant(parseEventTime('2030-07-01T09:00:00')!, 'America/New_York')).toISOString(),
      '2030-07-01T13:00:00.000Z',
    );
    assert.equal(
      new Date(eventInstant(parseEventTime('2030-12-01T09:00:00')!, 'America/New_York')).toISOString(),
      '2030-12-01T14:00:00.000Z',
    );
  });

  it('folds inside no character (a line of multi-byte characters)', () => {
    const folded = fold(`SUMMARY:${'ü'.repeat(80)}`);
    for (const line of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75);
      assert.ok(!line.includes('\uFFFD'));
    }
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'ü'.repeat(80)}`);
  });
});
