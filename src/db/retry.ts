/** How a failed unit of work is tried again: the driver's own defaults for managed transactions. */
export interface RetryPolicy {
  /** No retry is planned once this long has passed since the first attempt (maxTransactionRetryTime). */
  maxRetryTimeMs: number;
  initialDelayMs: number;
  multiplier: number;
  /** The delay varies by up to this fraction either way, so clients that failed together spread out. */
  jitter: number;
}

export const DRIVER_RETRY_POLICY: RetryPolicy = {
  maxRetryTimeMs: 5_000,
  initialDelayMs: 1_000,
  multiplier: 2,
  jitter: 0.2,
};

/**
 * Runs `attempt` until it succeeds, an error that `retryable` refuses, or the retry time is over,
 * as the driver does for managed transactions: what an auto-commit statement does not get from
 * the driver itself.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => number = Date.now,
): Promise<T> {
  const started = now();
  let delay = policy.initialDelayMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error) || now() - started >= policy.maxRetryTimeMs) throw error;
      const spread = delay * policy.jitter;
      await sleep(delay - spread + 2 * spread * Math.random());
      delay *= policy.multiplier;
    }
  }
}
