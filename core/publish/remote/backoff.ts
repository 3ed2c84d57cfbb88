/**
 * When to try a failed remote operation again: 30 s after the first failure, doubling each time,
 * never more than 6 h apart. No jitter: a single user's few remotes cannot stampede a service,
 * and a predictable schedule is easier to explain in the UI.
 */
export const BACKOFF = Object.freeze({ firstMs: 30_000, maxMs: 6 * 60 * 60 * 1000 });
/** How soon to ask again about a pin the service accepted but has not finished. */
export const POLL_AGAIN_MS = 60_000;

export function nextAttemptAt(now: Date, failedAttempts: number): string {
  const delay = Math.min(BACKOFF.firstMs * 2 ** Math.max(0, failedAttempts - 1), BACKOFF.maxMs);
  return new Date(now.getTime() + delay).toISOString();
}
