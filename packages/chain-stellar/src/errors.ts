import { BadResponseError, NetworkError, NotFoundError } from '@stellar/stellar-sdk';
import { FiscusError, isFiscusError, type ErrorCode } from '@fiscus/core';
import type { ResultCodes } from './result-codes.ts';

/** Horizon result codes → stable core codes; the raw codes travel in meta.resultCodes. */
const OP_CODES: Record<string, ErrorCode> = {
  op_underfunded: 'INSUFFICIENT_BALANCE',
  op_not_authorized: 'NOT_AUTHORIZED_ON_CHAIN',
  op_no_trust: 'NOT_AUTHORIZED_ON_CHAIN',
  op_src_no_trust: 'NOT_AUTHORIZED_ON_CHAIN',
  op_no_destination: 'NOT_AUTHORIZED_ON_CHAIN',
  op_src_not_authorized: 'FROZEN',
  op_line_full: 'AMOUNT_OUT_OF_RANGE',
  op_not_clawback_enabled: 'CAPABILITY_UNSUPPORTED',
  op_cant_revoke: 'CAPABILITY_UNSUPPORTED',
  op_malformed: 'VALIDATION_FAILED',
  op_bad_auth: 'TX_REJECTED',
};
const TX_CODES: Record<string, ErrorCode> = {
  tx_bad_seq: 'NONCE_CONFLICT',
  tx_too_late: 'TX_EXPIRED',
  tx_bad_auth: 'TX_REJECTED',
  tx_bad_auth_extra: 'TX_REJECTED',
  tx_insufficient_balance: 'TX_REJECTED',
  tx_malformed: 'TX_REJECTED',
  tx_no_source_account: 'NOT_DEPLOYED',
};

/** What an operator should do about the codes whose cause is outside the issuer's control. */
const HINTS: Record<string, string> = {
  op_no_trust: 'the account has no trustline to the asset: the holder must create it (changeTrust) before it can be authorized or paid',
  op_not_authorized: 'the destination trustline is not authorized by the issuer',
  op_src_not_authorized: 'the source trustline is frozen or not authorized',
};

export function fromResultCodes(codes: ResultCodes, cause?: unknown): FiscusError {
  const failing = codes.operations?.find((c) => c !== 'op_success');
  const code: ErrorCode = (failing ? OP_CODES[failing] : undefined) ?? TX_CODES[codes.inner_transaction ?? codes.transaction] ?? 'TX_FAILED';
  const what = failing ? `${codes.transaction} / ${failing}` : codes.transaction;
  const hint = failing ? HINTS[failing] : undefined;
  return new FiscusError(code, `Stellar transaction ${what}${hint ? `: ${hint}` : ''}`, { meta: { resultCodes: codes }, cause });
}

/** Result codes carried by a Horizon 400 answer, if any. */
export function resultCodesOf(e: unknown): ResultCodes | undefined {
  const data = (e as { response?: { data?: { extras?: { result_codes?: ResultCodes } } } })?.response?.data;
  return data?.extras?.result_codes;
}

/** Connection refused, timeouts, 5xx: the request may be retried. */
export function isTransient(e: unknown): boolean {
  if (e instanceof BadResponseError || e instanceof NotFoundError) {
    const status = (e as { response?: { status?: number } }).response?.status ?? 0;
    return status >= 500 || status === 429;
  }
  if (e instanceof NetworkError) return true;
  // fetch-based transport: "fetch failed" with the socket error as cause.
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|ECONNABORTED|ERR_NETWORK|EAI_AGAIN|UND_ERR)/.test(code)) return true;
  return typeof err?.message === 'string' && /fetch failed|socket hang up|network error|timeout/i.test(err.message);
}

export function parseStellarError(e: unknown): FiscusError {
  if (isFiscusError(e)) return e;
  const codes = resultCodesOf(e);
  if (codes) return fromResultCodes(codes, e);
  if (e instanceof NotFoundError) return new FiscusError('NOT_FOUND', 'Horizon resource not found', { cause: e });
  if (isTransient(e)) return new FiscusError('CHAIN_UNAVAILABLE', `Horizon unavailable: ${(e as Error).message}`, { cause: e });
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  return new FiscusError('INTERNAL', `Stellar driver error: ${message}`, { cause: e });
}
