import { getAddress } from 'ethers';
import { stablecoinToMicroUsd, type ChainEvent, type Deployment } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { EvmLog } from '../driver/logs.ts';
import { SETTLEMENT_DETAILS, settlementAssetOf } from './config.ts';

const SUBSCRIBED = abi.subscription.getEvent('Subscribed')!.topicHash;
const REDEEMED = abi.redemption.getEvent('Redeemed')!.topicHash;
const REQUESTED = abi.redemption.getEvent('RedeemRequested')!.topicHash;
const CASH_TOPICS = [SUBSCRIBED, REDEEMED, REQUESTED];

type Cash = Extract<ChainEvent, { kind: 'cashSubscription' | 'cashRedemption' }>;

/**
 * The settlement contracts' events of one deployment, read with its token's (same scan, same
 * cursor). A subscription mints and a redemption burns in the same transaction as its cash
 * event: that Transfer to or from nobody is folded into the cash event, so the ingest books the
 * movement once, as one entry, whichever page each log lands on.
 */
export class SettlementLogs {
  readonly addresses: string[];
  readonly topics0 = CASH_TOPICS;
  readonly #decimals: number;

  private constructor(addresses: string[], decimals: number) {
    this.addresses = addresses;
    this.#decimals = decimals;
  }

  /** undefined when the fund does not settle on this chain. */
  static of(d: Deployment): SettlementLogs | undefined {
    const asset = settlementAssetOf(d);
    const contracts = [d.details[SETTLEMENT_DETAILS.subscription], d.details[SETTLEMENT_DETAILS.redemption]].filter((a): a is string => !!a);
    return asset && contracts.length ? new SettlementLogs(contracts, asset.decimals) : undefined;
  }

  /** Adds to `into` the transactions (lower-cased hashes) among `logs` that carry a cash event. */
  addCashTransactions(logs: EvmLog[], into: Set<string>): void {
    for (const l of logs) if (CASH_TOPICS.includes(l.topics[0]!)) into.add(l.txHash.toLowerCase());
  }

  /** A mint or burn Transfer that a cash event of the same transaction stands for. */
  isFolded(e: ChainEvent, cashTxs: Set<string>): boolean {
    return e.kind === 'transfer' && (e.from === null || e.to === null) && cashTxs.has(e.txHash.toLowerCase());
  }

  decode(log: EvmLog): Cash | undefined {
    const t0 = log.topics[0];
    if (!CASH_TOPICS.includes(t0!)) return undefined;
    const at = { txHash: log.txHash, block: log.block, index: log.index };
    const usd = (amount: bigint) => stablecoinToMicroUsd(amount, this.#decimals).usd;
    if (t0 === SUBSCRIBED) {
      const e = abi.subscription.parseLog(log)!;
      const [investor, amount, units, round, nav] = e.args as unknown as [string, bigint, bigint, bigint, bigint];
      return { kind: 'cashSubscription', investor: getAddress(investor), amount, usd: usd(amount), units, navRound: round, nav, ...at };
    }
    const e = abi.redemption.parseLog(log)!;
    if (t0 === REDEEMED) {
      const [investor, units, amount, round, nav] = e.args as unknown as [string, bigint, bigint, bigint, bigint];
      return { kind: 'cashRedemption', investor: getAddress(investor), units, amount, usd: usd(amount), mode: 'instant', navRound: round, nav, ...at };
    }
    const [investor, requestId, units, amount, round, nav] = e.args as unknown as [string, bigint, bigint, bigint, bigint, bigint];
    return {
      kind: 'cashRedemption',
      investor: getAddress(investor),
      units,
      amount,
      usd: usd(amount),
      mode: 'requested',
      requestId,
      navRound: round,
      nav,
      ...at,
    };
  }
}
