/** Times as the agent's elements show them, in the element's language. */

/** `h:mm:ss` (or `m:ss` under an hour) from milliseconds; never negative (a clock a little behind the server's). */
export function elapsed(ms: number): string {
  if (!Number.isFinite(ms)) return '–'; // a date that is no date: nothing to count
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The same duration as ISO 8601, for `<time datetime>`. */
export function isoDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'PT0S';
  const total = Math.max(0, Math.floor(ms / 1000));
  return `PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time, medium and short (`30 Nov 2026, 07:45`); the text as given when it is no date. */
export function dateTime(iso: string, lang: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(at);
}
