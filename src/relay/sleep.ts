import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`; resolves early (never rejects) when `signal` aborts, so loops can check for a stop. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleepFor: Sleep = async (ms, signal) => {
  if (ms <= 0 || signal?.aborted) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller looks at its stop flag.
  }
};
