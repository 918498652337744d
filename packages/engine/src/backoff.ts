import { DEFAULT_BACKOFF, type BackoffPolicy } from './defaults.ts';

export type { BackoffPolicy } from './defaults.ts';

/**
 * Exponential backoff with full jitter: retries from many workers spread out instead of
 * hammering a recovering node in lock-step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(policy.baseMs / 2, Math.floor(random() * ceiling));
}
