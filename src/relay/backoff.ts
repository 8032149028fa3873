/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and
 * all of `base · 2^(n-1)`, capped. The random half keeps many feeds that failed together (Co-op
 * down) from retrying in lockstep.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
