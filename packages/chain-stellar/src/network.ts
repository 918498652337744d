import type { Horizon } from '@stellar/stellar-sdk';
import type { Signer } from '@fiscus/core';

/** How the driver pays for the accounts it creates at deploy. */
export type Funding = { kind: 'friendbot'; url: string } | { kind: 'account'; signer: Signer; startingBalance?: string };

/** The network as the driver's modules see it. */
export interface StellarNetwork {
  server: Horizon.Server;
  passphrase: string;
  funding: Funding;
  /** Highest fee per operation the driver bids, in stroops (only the ledger's base fee is charged). */
  maxFeePerOp: bigint;
  /** Lifetime of a signed transaction: after it, the time bounds make it provably dead. */
  txTimeoutSec: number;
  pageSize: number;
}
