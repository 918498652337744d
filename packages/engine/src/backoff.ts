export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 60_000 };

/**
 * Exponential backoff with full jitter: retries from many workers spread out instead of
 * hammering a recovering node in lock-step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(policy.baseMs / 2, Math.floor(random() * ceiling));
}
