import type { Transaction } from '@stellar/stellar-sdk';
import { OpFailure, type TxCode } from './codes.ts';
import { isMuxed, type ParsedTx } from './envelope.ts';
import { HANDLERS } from './ops/index.ts';
import { SignatureChecker } from './signatures.ts';
import { availableBalance, BASE_FEE, type LedgerState } from './state.ts';

export const MAX_OPS = 100;

/** Why a transaction is rejected before apply: it consumes neither fee nor sequence. */
export interface Rejection {
  code: TxCode;
  /** Per-operation codes when code is tx_failed (doCheckValid / signature failures). */
  ops?: string[];
  /** For a fee bump whose inner transaction is invalid. */
  inner?: Rejection;
}

const hashBytes = (hex: string) => Buffer.from(hex, 'hex');

/**
 * stellar-core TransactionFrame::checkValid, in its order. `expectedSeq` lets a ledger that
 * queues transactions accept consecutive sequence numbers from one account.
 */
export function validate(state: LedgerState, p: ParsedTx, closeTime: number, expectedSeq: (id: string) => bigint): Rejection | undefined {
  if (p.feeBump) {
    const fb = p.feeBump;
    if (isMuxed(fb.feeSource)) return { code: 'tx_not_supported' };
    if (p.feeBid < BASE_FEE * BigInt(p.feeOps) || p.feeBid * BigInt(p.feeOps - 1) < BigInt(p.inner.fee) * BigInt(p.feeOps)) {
      return { code: 'tx_insufficient_fee' };
    }
    const payer = state.account(fb.feeSource);
    if (!payer) return { code: 'tx_no_source_account' };
    const sigs = new SignatureChecker(hashBytes(p.hash), fb.signatures);
    if (!sigs.check(payer.id, payer, 'low')) return { code: 'tx_bad_auth' };
    if (availableBalance(payer) < p.feeBid) return { code: 'tx_insufficient_balance' };
    if (!sigs.allUsed()) return { code: 'tx_bad_auth_extra' };
    const inner = validateInner(state, p, closeTime, expectedSeq, false);
    return inner ? { code: 'tx_fee_bump_inner_failed', inner } : undefined;
  }
  return validateInner(state, p, closeTime, expectedSeq, true);
}

function validateInner(state: LedgerState, p: ParsedTx, closeTime: number, expectedSeq: (id: string) => bigint, paysFee: boolean): Rejection | undefined {
  const tx: Transaction = p.inner;
  const n = tx.operations.length;
  if (n === 0) return { code: 'tx_missing_operation' };
  if (n > MAX_OPS) return { code: 'tx_malformed' };
  if (isMuxed(tx.source)) return { code: 'tx_not_supported' };
  const tb = tx.timeBounds;
  if (tb && Number(tb.minTime) > closeTime) return { code: 'tx_too_early' };
  if (tb && Number(tb.maxTime) !== 0 && Number(tb.maxTime) < closeTime) return { code: 'tx_too_late' };
  if (paysFee && BigInt(tx.fee) < BASE_FEE * BigInt(n)) return { code: 'tx_insufficient_fee' };
  const source = state.account(tx.source);
  if (!source) return { code: 'tx_no_source_account' };
  if (BigInt(tx.sequence) !== expectedSeq(tx.source)) return { code: 'tx_bad_seq' };
  const sigs = new SignatureChecker(hashBytes(p.innerHash), tx.signatures);
  if (!sigs.check(source.id, source, 'low')) return { code: 'tx_bad_auth' };
  if (paysFee && availableBalance(source) < BigInt(tx.fee)) return { code: 'tx_insufficient_balance' };
  const ops = tx.operations.map((op) => checkOp(state, sigs, op, op.source ?? tx.source));
  if (ops.some((c) => c !== 'op_success')) return { code: 'tx_failed', ops };
  if (!sigs.allUsed()) return { code: 'tx_bad_auth_extra' };
  return undefined;
}

/** OperationFrame::checkValid: supported → signature at the op's threshold → doCheckValid. */
function checkOp(state: LedgerState, sigs: SignatureChecker, op: Transaction['operations'][number], source: string): string {
  const handler = HANDLERS[op.type];
  if (!handler || isMuxed(source)) return 'op_not_supported';
  const account = state.account(source);
  if (!sigs.check(source, account, handler.threshold(op))) return 'op_bad_auth';
  try {
    handler.check(op, source);
    return 'op_success';
  } catch (e) {
    if (e instanceof OpFailure) return e.code;
    return 'op_malformed';
  }
}
