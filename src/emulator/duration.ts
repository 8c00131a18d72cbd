/** Durations on the command line: `300` (seconds), `300s`, `5m`, `1h`, `1500ms`. */

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** The duration in seconds, or undefined for anything else (so a typo never means "off"). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  // Divided rather than multiplied by 0.001, so 300ms is exactly 0.3.
  const seconds = unit === 'ms' ? amount / 1000 : amount * SECONDS_PER_UNIT[unit]!;
  // Hundreds of digits read as Infinity: too large to be a duration, refused here rather than downstream.
  return Number.isFinite(seconds) ? seconds : undefined;
}
