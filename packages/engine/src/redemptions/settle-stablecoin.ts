import { newId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { and, eq } from 'drizzle-orm';
import { getSettlementChain } from '../settlement/chains.ts';
import { chainLiquidity } from '../settlement/liquidity.ts';
import { requestStablecoinPayout } from '../settlement/payouts.ts';

const { redemptions, redemptionPayouts } = schema;
type RedemptionRow = typeof redemptions.$inferSelect;

/**
 * The per-chain FIFO lanes of one settlement run: what each chain can still pay, and which lanes
 * are closed (blocked by a stablecoin drift, or their head did not fit: nothing behind it may
 * overtake it). The bank-wire lane is the same idea over cash:<payoutAccount>.
 */
export class StablecoinLanes {
  bankBlocked = false;
  readonly #available = new Map<string, bigint>();
  readonly #closed = new Set<string>();

  constructor(
    private readonly tx: Db,
    private readonly fundId: string,
  ) {}

  /** Reserves `usd` on the chain's lane, or closes the lane and answers false. */
  async take(chain: string, usd: bigint): Promise<boolean> {
    if (this.#closed.has(chain)) return false;
    if (!this.#available.has(chain)) {
      const settings = await getSettlementChain(this.tx, this.fundId, chain);
      if (!settings || settings.payoutsBlocked) {
        this.#closed.add(chain);
        return false;
      }
      this.#available.set(chain, (await chainLiquidity(this.tx, this.fundId, chain)).available);
    }
    const left = this.#available.get(chain)!;
    if (usd > left) {
      this.#closed.add(chain);
      return false;
    }
    this.#available.set(chain, left - usd);
    return true;
  }
}

/**
 * pending → settled with a `payout` operation on the payout chain (status `sending`). Nothing is
 * booked yet: effects/payout.ts books stablecoin:<chain> against the payable when it lands.
 */
export async function settleInStablecoin(tx: Db, r: RedemptionRow, p: { day: string; now: Date }): Promise<void> {
  const payoutId = newId('pay');
  const usd = r.usd ?? 0n;
  const target = { payoutChain: r.payoutChain!, payoutAddress: r.payoutAddress!, payoutWalletId: r.payoutWalletId! };
  const operation = await requestStablecoinPayout(tx, { fundId: r.fundId, redemptionId: r.id, investorId: r.investorId, payoutId, usd, target, by: 'engine' });
  await tx.insert(redemptionPayouts).values({
    id: payoutId,
    fundId: r.fundId,
    redemptionId: r.id,
    investorId: r.investorId,
    amount: usd,
    cashAccount: `stablecoin:${target.payoutChain}`,
    day: p.day,
    status: 'sending',
    chain: target.payoutChain,
    address: target.payoutAddress,
    walletId: target.payoutWalletId,
    operationId: operation.id,
  });
  await tx
    .update(redemptions)
    .set({ state: 'settled', settledAt: p.now })
    .where(and(eq(redemptions.id, r.id), eq(redemptions.state, 'pending')));
  await appendAudit(tx, {
    actor: 'engine',
    action: 'redemption.settled',
    subject: r.id,
    data: { fundId: r.fundId, payoutId, usd: usd.toString(), day: p.day, chain: target.payoutChain, operationId: operation.id },
  });
}
