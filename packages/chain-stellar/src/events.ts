import type { ChainEvent, Page } from '@fiscus/core';
import { amountToUnits } from './amounts.ts';
import type { StellarDeployment } from './deployment.ts';
import type { StellarNetwork } from './network.ts';

/** The fields of Horizon operation records this driver reads. */
interface OpRecord {
  id: string;
  paging_token: string;
  type: string;
  source_account: string;
  transaction_hash: string;
  asset_code?: string;
  asset_issuer?: string;
  from?: string;
  to?: string;
  amount?: string;
  trustor?: string;
  set_flags?: number[];
  clear_flags?: number[];
  authorize?: boolean;
  authorize_to_maintain_liabilities?: boolean;
}

const MAX_SCAN_PAGES = 50;

/**
 * Events of the fund's asset from the operation histories of the issuer and the distribution
 * account, merged in ledger order. Every supply change involves the issuer (mint = payment from
 * it, burn = clawback or payment to it); investors redeem by paying the distribution account
 * (the deployment's redemptionAddress), reported as an ordinary transfer to it. Operation ids
 * are global, so one paging token is the cursor of both streams; an operation touching both
 * accounts appears in both and is reported once. Ops of other kinds are skipped but still
 * advance the cursor. Holder-to-holder payments involve neither account and are not reported.
 */
export async function assetEvents(net: StellarNetwork, d: StellarDeployment, fromCursor?: string): Promise<Page<ChainEvent>> {
  let cursor = fromCursor;
  for (let i = 0; i < MAX_SCAN_PAGES; i++) {
    const { records, done } = await mergedPage(net, d, cursor);
    if (records.length === 0) return cursor && cursor !== fromCursor ? { items: [], next: cursor } : { items: [] };
    const items = records.flatMap((r) => toEvent(d, r) ?? []);
    cursor = records[records.length - 1]!.paging_token;
    if (items.length > 0 || done) return { items, next: cursor };
  }
  return { items: [], next: cursor };
}

/**
 * One page of each account's history after `cursor`, cut at the lowest last id of a FULL page
 * (beyond it the other stream may still hide operations), deduplicated and in id order.
 */
async function mergedPage(net: StellarNetwork, d: StellarDeployment, cursor: string | undefined): Promise<{ records: OpRecord[]; done: boolean }> {
  const accounts = d.distribution && d.distribution !== d.issuer ? [d.issuer, d.distribution] : [d.issuer];
  const pages = await Promise.all(accounts.map(async (account) => {
    let q = net.server.operations().forAccount(account).limit(net.pageSize).order('asc');
    if (cursor) q = q.cursor(cursor);
    return (await q.call()).records as unknown as OpRecord[];
  }));
  let horizon: bigint | undefined;
  for (const p of pages) {
    if (p.length < net.pageSize) continue;
    const last = BigInt(p[p.length - 1]!.id);
    if (horizon === undefined || last < horizon) horizon = last;
  }
  const byId = new Map<string, OpRecord>();
  for (const r of pages.flat()) if (horizon === undefined || BigInt(r.id) <= horizon) byId.set(r.id, r);
  const records = [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  return { records, done: horizon === undefined };
}

function toEvent(d: StellarDeployment, r: OpRecord): ChainEvent | undefined {
  if (r.asset_code !== d.assetCode || r.asset_issuer !== d.issuer) return undefined;
  const id = BigInt(r.id);
  const at = { txHash: r.transaction_hash, block: id >> 32n, index: Number(id & 0xffffffffn) };
  const units = () => amountToUnits(r.amount ?? '0', d.decimals);
  switch (r.type) {
    case 'payment': {
      const from = r.from === d.issuer ? null : (r.from ?? null);
      const to = r.to === d.issuer ? null : (r.to ?? null); // paid back to the issuer = burned (redemption)
      return { kind: 'transfer', from, to, units: units(), ...at };
    }
    case 'clawback':
      return { kind: 'transfer', from: r.from ?? null, to: null, units: units(), ...at };
    case 'set_trust_line_flags':
      return flagsEvent(r.trustor!, r.set_flags ?? [], r.clear_flags ?? [], at);
    case 'allow_trust':
      return flagsEvent(r.trustor!, [...(r.authorize ? [1] : []), ...(r.authorize_to_maintain_liabilities ? [2] : [])], r.authorize ? [2] : [1], at);
    default:
      return undefined;
  }
}

/** AUTHORIZED (1) and AUTHORIZED_TO_MAINTAIN_LIABILITIES (2) transitions as core events. */
function flagsEvent(address: string, set: number[], clear: number[], at: { txHash: string; block: bigint; index: number }): ChainEvent | undefined {
  if (set.includes(2)) return { kind: 'freeze', address, frozen: true, ...at };
  if (set.includes(1)) return clear.includes(2) ? { kind: 'freeze', address, frozen: false, ...at } : { kind: 'authorization', address, authorized: true, ...at };
  if (clear.includes(1)) return { kind: 'authorization', address, authorized: false, ...at };
  return undefined;
}
