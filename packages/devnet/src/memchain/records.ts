import type { FiscusError, PayoutOperation, SingleOperation } from '@fiscus/core';
import type { TokenEvent } from './token-state.ts';

/** What memchain keeps per transaction and per event (held by MemChain, persisted by state-file.ts). */
export interface TxRecord {
  hash: string;
  /** Agent signer, or the holder address for simulated holder transfers. */
  signer: string;
  /** null for holder transfers: investors hold no keys (and no nonces) on memchain. */
  nonce: bigint | null;
  token: string;
  ops: SingleOperation[] | HolderTransferOp[] | PayoutOperation[];
  status: 'pending' | 'confirmed' | 'failed';
  block?: bigint;
  error?: FiscusError;
  /** The signed bytes as submitted; absent for holder transfers (nothing was signed). */
  raw?: Uint8Array;
}

/** An investor's own transfer; several in one tx model T-REX `batchTransfer`. */
export interface HolderTransferOp {
  kind: 'holderTransfer';
  from: string;
  to: string;
  units: bigint;
}

export type EventRecord = TokenEvent & { token: string; txHash: string; block: bigint; index: number };
