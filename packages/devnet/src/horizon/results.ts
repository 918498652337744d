import { xdr } from '@stellar/stellar-sdk';
import { OP_KINDS, OUTER_OP_CODES, TX_CODES, type TxCode } from './codes.ts';

/** A transaction's outcome in Horizon's vocabulary; turned into result_xdr and result_codes. */
export interface TxOutcome {
  code: TxCode;
  feeCharged: bigint;
  /** Operation types (SDK names) and their codes; empty when the tx never reached its ops. */
  ops: OpOutcome[];
  /** Set for fee bumps: the inner transaction's hash and outcome. */
  inner?: { hash: string; code: TxCode; ops: OpOutcome[] };
}

/** `success`: the success arm's payload (wire form) for result unions that carry one. */
export interface OpOutcome {
  type: string;
  code: string;
  success?: unknown;
}

function opResult({ type, code, success }: OpOutcome): unknown {
  if (code in OUTER_OP_CODES) return { code: OUTER_OP_CODES[code] };
  const kind = OP_KINDS[type];
  if (!kind) return { code: OUTER_OP_CODES.op_not_supported };
  const inner = code === 'op_success' ? 0 : kind.codes[code];
  if (inner === undefined) throw new Error(`no ${type} result code named ${code}`);
  const arm = inner === 0 && kind.successKey ? { [kind.successKey]: success ?? kind.emptySuccess } : {};
  return { code: 0, tr: { type: kind.typeI, [kind.resultKey]: { code: inner, ...arm } } };
}

function resultBody(code: TxCode, ops: TxOutcome['ops']): any {
  const c = TX_CODES[code];
  return c === 0 || c === -1 ? { code: c, results: ops.map(opResult) } : { code: c };
}

/** A valid TransactionResult, so the SDK (and anyone decoding result_xdr) reads the codes. */
export function resultXdr(o: TxOutcome): string {
  let result: any;
  if (o.inner) {
    const innerResult = { feeCharged: 0n, result: resultBody(o.inner.code, o.inner.ops), ext: { v: 0 } };
    result = { code: TX_CODES[o.code], innerResultPair: { transactionHash: Buffer.from(o.inner.hash, 'hex'), result: innerResult } };
  } else {
    result = resultBody(o.code, o.ops);
  }
  return xdr.TransactionResult.fromXdrObject({ feeCharged: o.feeCharged, result, ext: { v: 0 } }).toXdr('base64');
}

/** Horizon's extras.result_codes. */
export function resultCodes(o: TxOutcome): Record<string, unknown> {
  const opCodes = (ops: TxOutcome['ops']) => (ops.length ? { operations: ops.map((x) => x.code) } : {});
  if (o.inner) return { transaction: o.code, inner_transaction: o.inner.code, ...opCodes(o.inner.ops) };
  return { transaction: o.code, ...opCodes(o.ops) };
}

/** The 400 problem Horizon answers for a rejected or failed transaction. */
export function txFailedProblem(envelopeXdr: string, hash: string, o: TxOutcome) {
  return {
    type: 'https://stellar.org/horizon-errors/transaction_failed',
    title: 'Transaction Failed',
    status: 400,
    detail: 'The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this response contains further details.',
    extras: { envelope_xdr: envelopeXdr, result_xdr: resultXdr(o), result_codes: resultCodes(o), hash },
  };
}
