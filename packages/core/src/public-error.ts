import { ErrorCodes, isFiscusError, type ErrorCode } from './errors.ts';

/** An error as it may be stored for display (operations, distributions, moves) or answered. */
export interface PublicError {
  code: ErrorCode;
  message: string;
}

/** What an INTERNAL (or unknown) error says to anyone reading it; the detail goes to the log. */
export const INTERNAL_ERROR_MESSAGE = 'internal error; see the server log';

const KNOWN = new Set<string>(ErrorCodes);

/**
 * The one place that decides what of an error may leave the process. A FiscusError with a stable
 * code keeps its short message (our own words, written for clients). Anything else — a database
 * error carrying its SQL and parameters, a TypeError with a stack, an SDK's raw text — and an
 * error coded INTERNAL (often wrapping such text) becomes a generic INTERNAL message.
 */
export function toPublicError(e: unknown): PublicError {
  if (!isFiscusError(e) || e.code === 'INTERNAL') return { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE };
  return { code: e.code, message: e.shortMessage };
}

/**
 * The same rule for an error already stored as {code, message} (rows written before this rule,
 * or by a path that stored the raw text): an INTERNAL or unknown code never shows its message.
 */
export function publicErrorOf<T extends { code: string; message: string } | null | undefined>(stored: T): T | PublicError {
  if (!stored || typeof stored !== 'object') return stored;
  if (stored.code === 'INTERNAL' || !KNOWN.has(stored.code)) return { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE };
  return stored;
}

/** A record that may carry an error's `code` and `message` (an operation event's detail): same rule. */
export function withPublicError<T extends Record<string, unknown> | null | undefined>(detail: T): T {
  if (!detail || typeof detail.code !== 'string' || typeof detail.message !== 'string') return detail;
  return { ...detail, ...publicErrorOf({ code: detail.code, message: detail.message }) };
}
