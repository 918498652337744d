import type { OpDraft } from './apply.ts';
import type { ParsedTx } from './envelope.ts';
import type { TxOutcome } from './results.ts';

/** A closed ledger's header, as /ledgers shows it. */
export interface ClosedLedger {
  sequence: number;
  closeTime: number;
  txCount: number;
  failedTxCount: number;
  opCount: number;
}

export interface StoredTx {
  hash: string;
  parsed: ParsedTx;
  outcome: TxOutcome;
  successful: boolean;
  ledger: number;
  closeTime: number;
  /** TOID of the transaction: ledger << 32 | application order << 12 (SEP-0035 style ids). */
  id: bigint;
  resultXdr: string;
}

export interface StoredOp extends OpDraft {
  id: bigint;
  txHash: string;
  successful: boolean;
  ledger: number;
  closeTime: number;
}

export const txToid = (ledger: number, order: number) => (BigInt(ledger) << 32n) | (BigInt(order) << 12n);
export const opToid = (txId: bigint, index: number) => txId | BigInt(index + 1);

/** Anything a streaming client may want, pushed after each ledger close. */
export type LedgerEvent = { kind: 'ledger'; ledger: ClosedLedger } | { kind: 'tx'; tx: StoredTx } | { kind: 'op'; op: StoredOp };
