import { TERMINAL_STATES, type ChainId, type OperationState } from '@fiscus/core';
import { requestOperation, type OperationRow } from '@fiscus/engine';
import { getDeployment, listInvestorWallets, listOperations, type Db } from '@fiscus/ledger';

/**
 * KYC changes reach the chains: an investor whose KYC no longer holds keeps no on-chain
 * authorization (docs/architecture.md "Compliance": trustlines "deauthorized on freeze or expired KYC"). The policy
 * already refuses their subscriptions; this stops the chains accepting transfers to them too.
 */

/** rejected, revoked, or past its expiry: what should withdraw on-chain authorizations. */
export function kycLapsed(i: { kycStatus: string; kycExpiresAt: Date | null }, now: Date): boolean {
  return i.kycStatus === 'rejected' || i.kycStatus === 'revoked' || (i.kycExpiresAt !== null && i.kycExpiresAt < now);
}

/** Standings backed by an authorization on chain (frozen addresses are still authorized there). */
const ON_CHAIN = new Set(['authorized', 'frozen']);
/** Deauthorize operations per investor are few (one per wallet per lapse): 100 covers any still in flight. */
const IN_FLIGHT_SCAN = 100;

export interface RequestedDeauthorization {
  operation: OperationRow;
  /** The fund's decimals, to present the operation. */
  decimals: number;
}

/**
 * Requests one `deauthorize` per fund standing of the investor that is authorized or frozen on a
 * chain where the fund is actively deployed. Runs in the caller's (request) transaction, so the
 * KYC change and its operations commit together. A wallet that already has a deauthorize in
 * flight gets no second one (a repeated PATCH must not sign twice; T-REX would revert it).
 */
export async function requestDeauthorizations(db: Db, p: { investorId: string; requestedBy: string }): Promise<RequestedDeauthorization[]> {
  const pending = await listOperations(db, { kind: 'deauthorize', investorId: p.investorId, limit: IN_FLIGHT_SCAN });
  const inFlight = new Set(pending.filter((o) => !TERMINAL_STATES.includes(o.state as OperationState)).map((o) => `${o.fundId}/${String(o.context.walletId)}`));
  const requested: RequestedDeauthorization[] = [];
  for (const { wallet, funds } of await listInvestorWallets(db, { investorId: p.investorId })) {
    for (const standing of funds) {
      if (!ON_CHAIN.has(standing.status) || inFlight.has(`${standing.fundId}/${wallet.id}`)) continue;
      const deployment = await getDeployment(db, { fundId: standing.fundId, chain: wallet.chain });
      if (deployment?.status !== 'active') continue;
      const operation = await requestOperation(db, {
        fundId: standing.fundId,
        chain: wallet.chain as ChainId,
        body: { kind: 'deauthorize', address: wallet.address },
        context: { walletId: wallet.id, investorId: p.investorId },
        requestedBy: p.requestedBy,
      });
      requested.push({ operation, decimals: standing.decimals });
    }
  }
  return requested;
}
