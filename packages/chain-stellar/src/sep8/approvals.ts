import type { ChainDriver, Deployment } from '@fiscus/core';
import type { LineState } from '../ops.ts';
import type { Sep8Approved } from './revise.ts';
import type { Sep8Request, Sep8Review } from './review.ts';

/**
 * The `transferApproval` extension of the Stellar driver (core `transferApprovalOf`): what a SEP-8
 * approval server needs — review a wallet's transaction, read the lines involved, and sign the
 * compliant composition as the issuer.
 */
export interface Sep8Approvals extends Pick<ChainDriver, 'chain' | 'status'> {
  reviewSep8(d: Deployment, xdr: string, o?: { maxFeePerOp?: bigint; now?: Date }): Sep8Review;
  lineStates(d: Deployment, addresses: string[]): Promise<Map<string, LineState>>;
  signSep8(d: Deployment, r: Sep8Request, lines: ReadonlyMap<string, LineState>, o?: { now?: Date }): Promise<Sep8Approved | { error: string }>;
}
