/**
 * How the handler reports an option it cannot use: always a TypeError with one prefix, whichever module found
 * the problem, and a misspelt name with the name most likely meant.
 */

/** The error for a construction problem `problem` (`"name" must be …`). */
export const optionError = (problem: string) => new TypeError(`createSameSurfHandler: ${problem}.`);

/** A value as a message shows it: `NaN`, `Infinity` and functions are not what JSON.stringify makes of them. */
export function shown(value: unknown): string {
  if (
    typeof value === 'number' ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  )
    return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Edits between `a` and `b`, a swap of two neighbours counting one (`stroe` is one from `store`). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name `name` most likely stands for: the same letters in another case, a few edits away (up to 40% of
 * its length), or one name inside the other (`secret` for `apiSecret`); the fewest edits wins.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  let best: { name: string; edits: number } | undefined;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const edits = distance(n, c);
    const close =
      edits <= Math.max(1, Math.floor(n.length * 0.4)) || (n.length >= 3 && (c.includes(n) || n.includes(c)));
    if (close && (!best || edits < best.edits)) best = { name: candidate, edits };
  }
  return best?.name;
}

/**
 * `"name" (did you mean "known"?)`, or `"name" (known: …)`, for the first own key of `value` that `known` lacks;
 * undefined when there is none. Own keys only: `constructor` or `__proto__` are no option either.
 */
export function unknownKey(value: object, known: Record<string, true>): string | undefined {
  const names = Object.keys(known);
  const name = Object.keys(value).find((key) => !Object.hasOwn(known, key));
  if (name === undefined) return undefined;
  const meant = closestName(name, names);
  return `${JSON.stringify(name)} (${meant ? `did you mean ${JSON.stringify(meant)}?` : `known: ${names.join(', ')}`})`;
}
