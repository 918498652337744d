/**
 * Stable error codes shared by every package. API responses, driver failures and engine
 * decisions all speak these codes, so clients can branch on them without parsing messages.
 */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'INVALID_AMOUNT',
  'TOO_MANY_DECIMALS',
  'AMOUNT_OUT_OF_RANGE',
  'INVALID_ADDRESS',
  'INVALID_CHAIN',
  'INVALID_JURISDICTION',
  'CHAIN_NOT_CONFIGURED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_MISMATCH',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'POLICY_DENIED',
  'CAPABILITY_UNSUPPORTED',
  'INSUFFICIENT_BALANCE',
  'NOT_AUTHORIZED_ON_CHAIN',
  'FROZEN',
  'PAUSED',
  'NOT_DEPLOYED',
  'MINTS_BLOCKED',
  'NONCE_CONFLICT',
  'TX_REJECTED',
  'TX_FAILED',
  'TX_EXPIRED',
  'FEE_TOO_LOW',
  'FEE_CAP_REACHED',
  'CHAIN_UNAVAILABLE',
  'UNBALANCED_POSTING',
  'SUPPLY_DRIFT',
  'NAV_STALE',
  'NAV_MOVE_TOO_LARGE',
  'NAV_TOO_SOON',
  'RESERVES_SHORT',
  'FUND_HALTED',
  'MOVE_EXCEEDS_LIMIT',
  /** A move's re-mint failed for good: it is held `stranded` (units in transit) for an operator. */
  'COMPENSATION_FAILED',
  /** Only a `stranded` move can be resolved by an operator. */
  'MOVE_NOT_STRANDED',
  'BELOW_MINIMUM',
  /** Why a move waits in its queue: its chains' rate limit has no capacity for it yet. */
  'RATE_LIMITED',
  /** Why a move waits in its queue: an older move of the same route goes first (FIFO). */
  'QUEUED_BEHIND',
  /** The stablecoin's issuer blacklisted the address (FiatToken): it can neither send nor receive it. */
  'STABLECOIN_BLACKLISTED',
  /** The stablecoin's issuer paused every transfer of it (FiatToken `pause`). */
  'STABLECOIN_PAUSED',
  // Answers of the HTTP layer itself (apps/api), not of the domain.
  'METHOD_NOT_ALLOWED',
  'UNSUPPORTED_MEDIA_TYPE',
  /** A public (keyless) route asked too often from one client address: retry after Retry-After. */
  'TOO_MANY_REQUESTS',
  /** The client went away before the answer (nginx's 499); only ever logged. */
  'CLIENT_CLOSED_REQUEST',
  'DATABASE_UNAVAILABLE',
  'CONSOLE_NOT_BUILT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export interface FiscusErrorOptions {
  /** Longer human explanation; safe to show to API clients. */
  details?: string;
  /** Structured facts about the failure (rule, limit, actual value…); serialised to clients. */
  meta?: Record<string, unknown>;
  cause?: unknown;
}

/** The one base error: a stable code, a short message, optional details and cause (viem-style). */
export class FiscusError extends Error {
  override readonly name = 'FiscusError';
  readonly code: ErrorCode;
  readonly shortMessage: string;
  readonly details?: string;
  readonly meta?: Record<string, unknown>;

  constructor(code: ErrorCode, shortMessage: string, options: FiscusErrorOptions = {}) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, {
      cause: options.cause,
    });
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = options.details;
    this.meta = options.meta;
  }

  /**
   * Walks the chain of causes (this error first, then `cause`, its cause, …) and returns the first
   * error `fn` accepts, or, with no `fn`, the innermost one — viem's `BaseError.walk`. Stops at a
   * cycle, so a cause that points back never loops.
   */
  walk(fn?: (e: unknown) => boolean): unknown {
    const seen = new Set<unknown>();
    let e: unknown = this;
    let last: unknown = this;
    while (e !== undefined && e !== null && !seen.has(e)) {
      if (fn?.(e)) return e;
      seen.add(e);
      last = e;
      e = (e as { cause?: unknown }).cause;
    }
    return fn ? undefined : last;
  }
}

export const isFiscusError = (e: unknown): e is FiscusError => e instanceof FiscusError;
