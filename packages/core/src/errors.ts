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
}

export const isFiscusError = (e: unknown): e is FiscusError => e instanceof FiscusError;
