import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { FiscusError, toJsonSafe, type ErrorCode } from '@fiscus/core';
import { dbError, mapLedgerError } from '@fiscus/ledger';
import { CLIENT_CLOSED_REQUEST } from './client-abort.ts';

/**
 * RFC 9457 problem details. `code` is the stable, machine-readable part; clients branch on it.
 * Input errors are all 400 (one rule: the request as sent can never succeed); business rules
 * that refuse a well-formed request are 409 (state) or 422 (policy, capability, balance).
 * Total over ErrorCodes: a new code without a status is a type error, not a silent 500.
 */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_AMOUNT: 400,
  TOO_MANY_DECIMALS: 400,
  AMOUNT_OUT_OF_RANGE: 400,
  INVALID_ADDRESS: 400,
  INVALID_CHAIN: 400,
  INVALID_JURISDICTION: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  MINTS_BLOCKED: 409,
  NAV_STALE: 409,
  BELOW_MINIMUM: 422,
  NAV_MOVE_TOO_LARGE: 422,
  NAV_TOO_SOON: 409,
  RESERVES_SHORT: 409,
  FUND_HALTED: 409,
  MOVE_EXCEEDS_LIMIT: 422,
  // The reason a move is held, not normally an answer; if it is one, it is the move's state.
  COMPENSATION_FAILED: 409,
  MOVE_NOT_STRANDED: 409,
  NOT_DEPLOYED: 409,
  FROZEN: 409,
  PAUSED: 409,
  NOT_AUTHORIZED_ON_CHAIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  POLICY_DENIED: 422,
  CHAIN_NOT_CONFIGURED: 422,
  CAPABILITY_UNSUPPORTED: 422,
  INSUFFICIENT_BALANCE: 422,
  CHAIN_UNAVAILABLE: 503,
  // A transaction the chain refused (a client-signed one, e.g. a fee bump): the client's to fix.
  TX_REJECTED: 422,
  TX_FAILED: 422,
  TX_EXPIRED: 422,
  NONCE_CONFLICT: 409,
  // Why a move waits (shown on the move, not normally an answer); if one is, it is the move's state.
  RATE_LIMITED: 409,
  QUEUED_BEHIND: 409,
  STABLECOIN_BLACKLISTED: 422,
  STABLECOIN_PAUSED: 409,
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: CLIENT_CLOSED_REQUEST,
  DATABASE_UNAVAILABLE: 503,
  CONSOLE_NOT_BUILT: 503,
  // Our own failures, never the client's: answered as a generic INTERNAL 500 (the log has the rest).
  FEE_TOO_LOW: 500,
  FEE_CAP_REACHED: 500,
  UNBALANCED_POSTING: 500,
  SUPPLY_DRIFT: 500,
  INTERNAL: 500,
};

/** Codes from outside ErrorCodes (a stored row's text) have no status of their own: 500. */
export const statusForCode = (code: string): number => (Object.hasOwn(STATUS, code) ? STATUS[code as ErrorCode] : 500);

const TITLE: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** For answers of the HTTP layer itself (e.g. the health check's 503): a status of their own. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  meta?: Record<string, unknown>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Anything thrown → { status, code, detail, … }; unknown errors become a generic 500. */
export function toProblem(err: unknown, c: Context): Problem {
  const base = { instance: c.req.path, requestId: (c.get('requestId') as string | undefined) ?? '' };
  const mapped = mapLedgerError(err);
  if (mapped instanceof FiscusError) return fromFiscus(mapped, base);
  if (err instanceof HTTPException) return fromHttp(err, base);
  if (err instanceof ProblemError) return build(err.status, err.code, err.detail, base);
  const db = dbError(err);
  // A concurrent request won a uniqueness race or a lock: the client may retry as is. Marked, as
  // other CONFLICTs (a wallet already frozen, an operation in another state) do not change on retry.
  if (db && ['23505', '40001', '40P01'].includes(db.code)) {
    return { ...build(409, 'CONFLICT', 'a concurrent request changed the same data; retry', base), meta: { retryable: true } };
  }
  // Data exceptions (out of range, bad datetime…) come from values a client sent.
  if (db?.code.startsWith('22')) return build(400, 'VALIDATION_FAILED', 'a value is out of the range the database accepts', base);
  return build(500, 'INTERNAL', 'internal error; see the server log for this request id', base);
}

function fromFiscus(e: FiscusError, base: { instance: string; requestId: string }): Problem {
  const status = statusForCode(e.code);
  if (status === 500) return build(500, 'INTERNAL', 'internal error; see the server log for this request id', base);
  const detail = e.details ? `${e.shortMessage}: ${e.details}` : e.shortMessage;
  const problem = build(status, e.code, detail, base);
  const { issues, ...meta } = e.meta ?? {};
  if (Array.isArray(issues)) problem.errors = issues as Problem['errors'];
  if (Object.keys(meta).length > 0) problem.meta = toJsonSafe(meta) as Record<string, unknown>; // bigint → string: meta always serialises
  return problem;
}

/** Statuses hono itself throws, each with its own stable code (a 415 is not a schema failure). */
const HTTP_CODE: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

function fromHttp(e: HTTPException, base: { instance: string; requestId: string }): Problem {
  const status = e.status;
  const code = HTTP_CODE[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
  return build(status < 500 ? status : 500, code, status < 500 ? e.message || TITLE[status] || 'error' : 'internal error', base);
}

function build(status: number, code: string, detail: string, base: { instance: string; requestId: string }): Problem {
  return {
    type: `tag:fiscus.dev,2025:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLE[status] ?? 'Error',
    status,
    detail,
    code,
    ...base,
  };
}

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem), problem.status as 400, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
