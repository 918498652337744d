import type { BackoffPolicy } from '../defaults.ts';

/** Every event type an endpoint may subscribe to (the `type` of each delivered message). */
export const WEBHOOK_EVENT_TYPES = [
  /** An operation changed state (requested → … → posted | failed | compensated), one event per transition. */
  'operation.state_changed',
  /** A reconciliation found the chain's supply and the ledger's apart. */
  'reconciliation.drift',
  /** A redemption was settled: its payout is instructed. */
  'redemption.settled',
  /** A cross-chain move completed (minted on the destination). */
  'move.completed',
  /** A yield distribution finished (completed or partially_failed). */
  'distribution.completed',
  /** A fund was halted: its supply invariant broke; mints and moves stop until an operator clears it. */
  'fund.halted',
  /** A verified investor's KYC expires within the warning window (default 30 days); once per expiry date. */
  'investor.kyc_expiring',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The delivery worker's numbers; every one can be overridden per task (tests shorten them). */
export interface WebhookOptions {
  /** Retry delays of a failed delivery: exponential with full jitter from baseMs, capped at maxMs. */
  backoff: BackoffPolicy;
  /** Attempts before a delivery is given up (state failed; a replay starts it again). */
  maxAttempts: number;
  /** How long a claimed delivery is kept from other workers (≥ the HTTP timeout). */
  leaseMs: number;
  /** Per-attempt HTTP timeout; no answer in time counts as a failed attempt. */
  timeoutMs: number;
  /** Deliveries claimed per round, sent in parallel. */
  batch: number;
  /** Source rows re-read behind the cursor, for transactions that committed after later ones. */
  lookbackMs: number;
  /** investor.kyc_expiring fires this long before the expiry. */
  kycWarningMs: number;
}

/** Interval of the webhook task (defaultTasks). */
export const WEBHOOK_TASK_MS = 1_000;

export const WEBHOOK_DEFAULTS: WebhookOptions = {
  // ~ 5 s, 10 s, 20 s … capped at 1 h: 30 attempts span a little over a day.
  backoff: { baseMs: 5_000, maxMs: 3_600_000 },
  maxAttempts: 30,
  leaseMs: 30_000,
  timeoutMs: 10_000,
  batch: 32,
  lookbackMs: 60_000,
  kycWarningMs: 30 * 86_400_000,
};

export interface WebhookEvent {
  /** Deterministic from the source row: the `webhook-id` receivers deduplicate on. */
  id: string;
  type: WebhookEventType;
  fundId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}
