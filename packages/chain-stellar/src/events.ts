import type { ChainEvent, Page } from '@fiscus/core';
import { amountToUnits } from './amounts.ts';
import type { StellarDeployment } from './deployment.ts';
import type { StellarNetwork } from './network.ts';
import { foldDvpSubscriptions } from './settlement/dvp-events.ts';
import type { StellarStablecoin } from './settlement/usdc.ts';

import type { OpRecord } from './op-record.ts';
export type { OpRecord } from './op-record.ts';

const MAX_SCAN_PAGES = 50;

/**
 * Events of the fund's asset from the operation histories of the issuer and the distribution
 * account, merged in ledger order. Every supply change involves the issuer (mint = payment from
 * it, burn = clawback or payment to it); investors redeem by paying the distribution account
 * (the deployment's redemptionAddress), reported as an ordinary transfer to it. Operation ids
 * are global, so one paging token is the cursor of both streams; an operation touching both
 * accounts appears in both and is reported once. Payments and same-asset path payments are
 * transfers; claimable balances are booked when claimed (by the issuer = burned) or clawed back;
 * movements through the order book, pools or contracts are reported `unmatched`. Ops that do
 * not move the asset are skipped but still advance the cursor. Holder-to-holder payments
 * involve neither account and are not reported, except on a SEP-8 deployment, where each one
 * sits in a transaction with the issuer's authorization sandwich (addSandwichedPayments).
 */
export async function assetEvents(net: StellarNetwork, d: StellarDeployment, fromCursor?: string, stablecoin?: StellarStablecoin): Promise<Page<ChainEvent>> {
  let cursor = fromCursor;
  for (let i = 0; i < MAX_SCAN_PAGES; i++) {
    const { records, done } = await mergedPage(net, d, cursor);
    if (records.length === 0) return cursor && cursor !== fromCursor ? { items: [], next: cursor } : { items: [] };
    const items: ChainEvent[] = [];
    for (const r of records) {
      const e = await toEvent(d, r, (id) => creationOf(net, id));
      if (e) items.push(e);
    }
    cursor = records[records.length - 1]!.paging_token;
    if (items.length > 0 || done) return { items: stablecoin ? await foldDvpSubscriptions(net, d, stablecoin, items) : items, next: cursor };
  }
  return { items: [], next: cursor };
}

/**
 * One page of each account's history after `cursor`, cut at the lowest last id of a FULL page
 * (beyond it the other stream may still hide operations), deduplicated and in id order.
 */
async function mergedPage(net: StellarNetwork, d: StellarDeployment, cursor: string | undefined): Promise<{ records: OpRecord[]; done: boolean }> {
  const accounts = d.distribution && d.distribution !== d.issuer ? [d.issuer, d.distribution] : [d.issuer];
  const pages = await Promise.all(
    accounts.map(async (account) => {
      let q = net.server.operations().forAccount(account).limit(net.pageSize).order('asc');
      if (cursor) q = q.cursor(cursor);
      return (await q.call()).records as unknown as OpRecord[];
    }),
  );
  let horizon: bigint | undefined;
  for (const p of pages) {
    if (p.length < net.pageSize) continue;
    const last = BigInt(p[p.length - 1]!.id);
    if (horizon === undefined || last < horizon) horizon = last;
  }
  const byId = new Map<string, OpRecord>();
  for (const r of pages.flat()) if (horizon === undefined || BigInt(r.id) <= horizon) byId.set(r.id, r);
  if (d.sep8) await addSandwichedPayments(net, d, byId, cursor, horizon);
  const records = [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  return { records, done: horizon === undefined };
}

/**
 * SEP-8: a holder-to-holder payment involves neither the issuer nor the distribution account,
 * but the approved transaction carrying it also carries the issuer's setTrustLineFlags around
 * it (in the issuer's history). So for every such transaction whose issuer operations are on
 * this page, the transaction's own operations are read and its payments of the asset are
 * added — within the page's id range, so a payment is reported on the page of the issuer
 * operation before or after it, never twice (the ingest also keys effects by tx and index).
 */
async function addSandwichedPayments(
  net: StellarNetwork,
  d: StellarDeployment,
  byId: Map<string, OpRecord>,
  cursor: string | undefined,
  horizon: bigint | undefined,
): Promise<void> {
  const txs = new Set<string>();
  for (const r of byId.values()) {
    if (r.type === 'set_trust_line_flags' && r.source_account === d.issuer && r.asset_code === d.assetCode && r.asset_issuer === d.issuer)
      txs.add(r.transaction_hash);
  }
  const after = cursor ? BigInt(cursor) : -1n;
  for (const hash of txs) {
    const page = await net.server.operations().forTransaction(hash).limit(200).order('asc').call();
    for (const r of page.records as unknown as OpRecord[]) {
      const id = BigInt(r.id);
      if (id <= after || (horizon !== undefined && id > horizon) || byId.has(r.id)) continue;
      if (r.type === 'payment' || r.type === 'path_payment_strict_send' || r.type === 'path_payment_strict_receive') byId.set(r.id, r);
    }
  }
}

/** The create_claimable_balance record of a balance (Horizon keeps it after the balance is claimed). */
async function creationOf(net: StellarNetwork, balanceId: string): Promise<OpRecord | undefined> {
  const page = await net.server.operations().forClaimableBalance(balanceId).order('asc').limit(1).call();
  const first = page.records[0] as unknown as OpRecord | undefined;
  return first?.type === 'create_claimable_balance' ? first : undefined;
}

type At = { txHash: string; block: bigint; index: number };

/**
 * One Horizon operation record → at most one core event of the fund's asset. Each operation
 * moves the asset once at most, so the operation's position in its ledger (the low 32 bits of
 * its id: transaction order and operation index in the transaction) is a distinct, stable index
 * for every event of a transaction: no sub-index is needed. A movement this driver cannot turn
 * into a transfer is returned as `unmatched` (ingest records it), never dropped.
 */
export async function toEvent(
  d: StellarDeployment,
  r: OpRecord,
  creation: (balanceId: string) => Promise<OpRecord | undefined>,
): Promise<ChainEvent | undefined> {
  const id = BigInt(r.id);
  const at: At = { txHash: r.transaction_hash, block: id >> 32n, index: Number(id & 0xffffffffn) };
  const fund = (code?: string, issuer?: string) => code === d.assetCode && issuer === d.issuer;
  const holder = (a: string | undefined) => (a === undefined || a === d.issuer ? null : a); // the issuer's side = minted / burned
  const units = (amount?: string) => amountToUnits(amount ?? '0', d.decimals);
  const unmatched = (reason: string, from: string | null, to: string | null, amount?: string): ChainEvent => ({
    kind: 'unmatched',
    reason,
    from,
    to,
    units: amount ? units(amount) : 0n,
    ...at,
  });
  switch (r.type) {
    case 'payment':
      // Paid back to the issuer = burned (redemption); paid by it = minted.
      return fund(r.asset_code, r.asset_issuer) ? { kind: 'transfer', from: holder(r.from), to: holder(r.to), units: units(r.amount), ...at } : undefined;
    case 'path_payment_strict_send':
    case 'path_payment_strict_receive': {
      const sent = fund(r.source_asset_code, r.source_asset_issuer);
      const received = fund(r.asset_code, r.asset_issuer);
      // Same asset at both ends (the path crossed no offer): exactly a payment.
      if (sent && received) return { kind: 'transfer', from: holder(r.from), to: holder(r.to), units: units(r.amount), ...at };
      // Through the order book: the counterparties of the fund's units are not in the record.
      if (sent) return unmatched(`${r.type}: fund asset sold through the order book`, holder(r.from), null, r.source_amount);
      if (received) return unmatched(`${r.type}: fund asset bought through the order book`, null, holder(r.to), r.amount);
      return undefined;
    }
    case 'clawback':
      return fund(r.asset_code, r.asset_issuer) ? { kind: 'transfer', from: r.from ?? null, to: null, units: units(r.amount), ...at } : undefined;
    case 'create_claimable_balance':
      // The units leave the creator's line but still count in the supply until claimed or clawed back.
      return r.asset === `${d.assetCode}:${d.issuer}`
        ? unmatched('claimable balance created: booked when claimed or clawed back', holder(r.source_account), null, r.amount)
        : undefined;
    case 'claim_claimable_balance':
    case 'clawback_claimable_balance': {
      const created = await creation(r.balance_id!);
      if (!created) return unmatched(`${r.type}: creation of balance ${r.balance_id} not found`, null, null);
      if (created.asset !== `${d.assetCode}:${d.issuer}`) return undefined;
      const from = holder(created.source_account);
      // Claimed by the issuer or clawed back = burned; claimed by an account = transferred to it.
      const to = r.type === 'claim_claimable_balance' ? holder(r.claimant ?? r.source_account) : null;
      return from === null && to === null ? undefined : { kind: 'transfer', from, to, units: units(created.amount), ...at };
    }
    case 'manage_sell_offer':
    case 'manage_buy_offer':
    case 'create_passive_sell_offer':
      return fund(r.selling_asset_code, r.selling_asset_issuer) || fund(r.buying_asset_code, r.buying_asset_issuer)
        ? unmatched(`${r.type} on the fund asset: trades are not tracked`, r.source_account, null)
        : undefined;
    case 'liquidity_pool_deposit':
    case 'liquidity_pool_withdraw':
      return [...(r.reserves_max ?? []), ...(r.reserves_min ?? [])].some((x) => x.asset === `${d.assetCode}:${d.issuer}`)
        ? unmatched(`${r.type} with the fund asset`, r.source_account, null)
        : undefined;
    case 'invoke_host_function':
      return (r.asset_balance_changes ?? []).some((c) => fund(c.asset_code, c.asset_issuer))
        ? unmatched('contract call moving the fund asset', r.source_account, null)
        : undefined;
    case 'set_trust_line_flags':
      if (!fund(r.asset_code, r.asset_issuer)) return undefined;
      return d.sep8
        ? sep8FlagsEvent(r.trustor!, r.set_flags ?? [], r.clear_flags ?? [], at)
        : flagsEvent(r.trustor!, r.set_flags ?? [], r.clear_flags ?? [], at);
    case 'allow_trust':
      return fund(r.asset_code, r.asset_issuer)
        ? flagsEvent(r.trustor!, [...(r.authorize ? [1] : []), ...(r.authorize_to_maintain_liabilities ? [2] : [])], r.authorize ? [2] : [1], at)
        : undefined;
    default:
      return undefined;
  }
}

/**
 * SEP-8 deployment: resting at MAINTAIN_LIABILITIES is the authorized state, and the issuer's
 * sandwich around each transfer (set AUTHORIZED; then set MAINTAIN clearing AUTHORIZED) is a
 * transient, not an authorization change: no event. Authorizing (set MAINTAIN alone, ops.ts)
 * and deauthorizing or freezing (clear both) are.
 */
function sep8FlagsEvent(address: string, set: number[], clear: number[], at: At): ChainEvent | undefined {
  if (set.includes(1) || (set.includes(2) && clear.includes(1))) return undefined;
  if (set.includes(2)) return { kind: 'authorization', address, authorized: true, ...at };
  if (clear.includes(2) || clear.includes(1)) return { kind: 'authorization', address, authorized: false, ...at };
  return undefined;
}

/** AUTHORIZED (1) and AUTHORIZED_TO_MAINTAIN_LIABILITIES (2) transitions as core events. */
function flagsEvent(address: string, set: number[], clear: number[], at: At): ChainEvent | undefined {
  if (set.includes(2)) return { kind: 'freeze', address, frozen: true, ...at };
  if (set.includes(1))
    return clear.includes(2) ? { kind: 'freeze', address, frozen: false, ...at } : { kind: 'authorization', address, authorized: true, ...at };
  if (clear.includes(1)) return { kind: 'authorization', address, authorized: false, ...at };
  return undefined;
}
