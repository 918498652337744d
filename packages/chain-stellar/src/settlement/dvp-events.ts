import { stablecoinToMicroUsd, type ChainEvent } from '@fiscus/core';
import { amountToStroops } from '../amounts.ts';
import type { StellarDeployment } from '../deployment.ts';
import type { OpRecord } from '../op-record.ts';
import type { StellarNetwork } from '../network.ts';
import type { StellarStablecoin } from './usdc.ts';

/** The on-chain NAV of a cashSubscription event is a fixed point at this scale (as the EVM feed's). */
const NAV_SCALE = 18n;

/**
 * A delivery-versus-payment subscription (dvp.ts) is ONE transaction in which the investor pays
 * the stablecoin to the treasury (the distribution account) and the issuer pays the units to the
 * investor. Its mint is reported as a `cashSubscription` (ingest books cash, supply and position
 * in one entry, once per (tx, index)) instead of a bare mint, which the books could not explain.
 * The transaction's own operations are read (one request per transaction with a mint), so a
 * page boundary between its two legs changes nothing.
 */
export async function foldDvpSubscriptions(net: StellarNetwork, d: StellarDeployment, s: StellarStablecoin, items: ChainEvent[]): Promise<ChainEvent[]> {
  const mints = items.filter((e): e is Extract<ChainEvent, { kind: 'transfer' }> => e.kind === 'transfer' && e.from === null && e.to !== null);
  if (mints.length === 0) return items;
  const legs = new Map<string, Map<string, bigint>>();
  const inner = new Map<string, string>();
  for (const hash of new Set(mints.map((m) => m.txHash))) {
    const paid = await stablecoinPaidIn(net, d, s, hash);
    legs.set(hash, paid);
    // A quote names the transaction the investor signed; sent inside a fee bump (the platform's
    // fee-bump route, or anyone's), the ledger knows it by the bump's hash.
    if (paid.size > 0) {
      const bumped = await innerHashOf(net, hash);
      if (bumped) inner.set(hash, bumped);
    }
  }
  return items.map((e) => {
    if (e.kind !== 'transfer' || e.from !== null || e.to === null) return e;
    const stroops = legs.get(e.txHash)?.get(e.to);
    if (stroops === undefined || e.units <= 0n) return e;
    const { usd } = stablecoinToMicroUsd(stroops, 7);
    // NAV paid per whole unit, informational (the quote priced it; the chain shows cash and units).
    const nav = (usd * 10n ** NAV_SCALE * 10n ** BigInt(d.decimals)) / (e.units * 1_000_000n);
    return {
      kind: 'cashSubscription',
      investor: e.to,
      amount: stroops,
      usd,
      units: e.units,
      navRound: 0n,
      nav,
      txHash: e.txHash,
      ...(inner.has(e.txHash) ? { innerTxHash: inner.get(e.txHash) } : {}),
      block: e.block,
      index: e.index,
    };
  });
}

/** Stablecoin paid to the treasury in one transaction, per paying account (stroops). */
async function stablecoinPaidIn(net: StellarNetwork, d: StellarDeployment, s: StellarStablecoin, hash: string): Promise<Map<string, bigint>> {
  const page = await net.server.operations().forTransaction(hash).limit(200).call();
  const paid = new Map<string, bigint>();
  for (const r of page.records as unknown as OpRecord[]) {
    if (r.type !== 'payment' || r.asset_code !== s.code || r.asset_issuer !== s.issuer || r.to !== d.distribution || !r.from) continue;
    paid.set(r.from, (paid.get(r.from) ?? 0n) + amountToStroops(r.amount ?? '0'));
  }
  return paid;
}

/** The inner transaction's hash when `hash` is a fee bump; else undefined. */
async function innerHashOf(net: StellarNetwork, hash: string): Promise<string | undefined> {
  const record = (await net.server.transactions().transaction(hash).call()) as unknown as { inner_transaction?: { hash?: string } };
  return record.inner_transaction?.hash;
}
