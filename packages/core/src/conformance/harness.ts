import type { ChainDriver, FundSpec } from '../driver.ts';

/** Every case of the driver conformance suite; a harness may skip any of them with a reason. */
export const CONFORMANCE_CASES = [
  'deploy.idempotent',
  'prepare.sendsNothing',
  'submit.confirms',
  'fill.consumesSequence',
  'submit.duplicate',
  'finality',
  'failedOp.consumesSequence',
  'dropped',
  'authorize',
  'mint',
  'burn',
  'freeze',
  'freeze.partial',
  'forceTransfer',
  'pause',
  'batch',
  'holders.paginated',
  'events.resumable',
  'parseError',
] as const;

export type ConformanceCase = (typeof CONFORMANCE_CASES)[number];

/** What a driver package hands the suite: a driver wired to its own devnet. */
export interface ConformanceHarness {
  driver: ChainDriver;
  /** A fund id not yet deployed on this devnet (the suite deploys it). */
  fund: FundSpec;
  /** A fresh valid address on the driver's chain that has never held the token. */
  newAddress(): string;
  /** case → reason, for behaviour this chain legitimately lacks beyond what capabilities say. */
  skip?: Partial<Record<ConformanceCase, string>>;
  /** An investor's own transfer, signed by the investor (when the devnet can do one). Rejects on failure. */
  holderTransfer?(from: string, to: string, units: bigint): Promise<void>;
  /** Produces `blocks` more blocks, so finality can be observed on chains with a confirmation depth. */
  advance?(blocks: number): Promise<void>;
  /** How long to wait for a transaction to settle; default 30 s. */
  timeoutMs?: number;
  /** Status polling interval; default 50 ms. */
  pollMs?: number;
  close(): Promise<void>;
}
