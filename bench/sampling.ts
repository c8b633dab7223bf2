/**
 * What the benches share to read their samples and their command line: the median and other
 * percentiles of a sample, and the value after an option (`--runs 30`).
 */

/** The value at percentile `p` (0–1) of ascending `sorted`: the smallest with at least p below. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** The p50 of `samples` (any order; not changed) as the API bench counts it: `percentile` 0.5. */
export function p50(samples: readonly number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}

/** The upper median of `samples` (any order; not changed). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The word after `name` (`--out dir`) on the command line, or undefined. */
export function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** The number after `name` on the command line, or `fallback` when it is not given. */
export function numberArg(name: string, fallback: number): number {
  const value = argValue(name);
  return value === undefined ? fallback : Number(value);
}
