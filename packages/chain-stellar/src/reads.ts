import { isAscii } from 'node:buffer';
import { FiscusError, type Holder, type Page } from '@fiscus/core';
import { amountToStroops, amountToUnits } from './amounts.ts';
import type { StellarDeployment } from './deployment.ts';
import { fromStellarStroops } from '@fiscus/core';
import { orMissing } from './horizon.ts';
import type { LineState } from './ops.ts';
import type { StellarNetwork } from './network.ts';

/** A holder page waits this long for Horizon (the SDK's calls have no timeout of their own). */
const HOLDERS_PAGE_TIMEOUT_MS = 60_000;

type Line = { asset_code?: string; asset_issuer?: string; balance: string; is_authorized?: boolean; is_authorized_to_maintain_liabilities?: boolean };

async function lineOf(net: StellarNetwork, d: StellarDeployment, address: string): Promise<Line | undefined> {
  const account = await orMissing(net.server.loadAccount(address));
  return account?.balances.find((b) => 'asset_code' in b && b.asset_code === d.assetCode && b.asset_issuer === d.issuer) as Line | undefined;
}

/**
 * Units outstanding: every trustline balance whatever its authorization, plus what sits in
 * claimable balances, pools and contracts (Horizon's /assets amounts). Held by the issuer = burned.
 */
export async function totalSupply(net: StellarNetwork, d: StellarDeployment): Promise<bigint> {
  const page = await net.server.assets().forCode(d.assetCode).forIssuer(d.issuer).call();
  const a = page.records[0];
  if (!a) return 0n;
  const parts = [
    a.balances.authorized,
    a.balances.authorized_to_maintain_liabilities,
    a.balances.unauthorized,
    a.claimable_balances_amount,
    a.liquidity_pools_amount,
    a.contracts_amount,
  ];
  return fromStellarStroops(
    parts.reduce((s, x) => s + amountToStroops(x ?? '0'), 0n),
    d.decimals,
  );
}

export async function balanceOf(net: StellarNetwork, d: StellarDeployment, address: string): Promise<bigint> {
  const line = await lineOf(net, d, address);
  return line ? amountToUnits(line.balance, d.decimals) : 0n;
}

/** The account's trustline to the asset: absent (no account or no line), or its balance and authorization. */
export async function trustline(net: StellarNetwork, d: StellarDeployment, address: string): Promise<TrustlineState> {
  const account = await orMissing(net.server.loadAccount(address));
  if (!account) return { account: false, exists: false, authorized: false };
  const line = account.balances.find((b) => 'asset_code' in b && b.asset_code === d.assetCode && b.asset_issuer === d.issuer) as Line | undefined;
  const authorized = line?.is_authorized === true || (d.sep8 === true && line?.is_authorized_to_maintain_liabilities === true);
  return { account: true, exists: line !== undefined, authorized };
}

export interface TrustlineState {
  /** The account exists on the ledger. */
  account: boolean;
  /** It has a trustline to the fund's asset (only the holder can create one). */
  exists: boolean;
  authorized: boolean;
}

/**
 * May the holder transact the asset? On a SEP-8 deployment a line resting at
 * AUTHORIZED_TO_MAINTAIN_LIABILITIES is the authorized state (each transfer is approved and
 * sandwiched); elsewhere only a fully AUTHORIZED line is.
 */
export async function isAuthorized(net: StellarNetwork, d: StellarDeployment, address: string): Promise<boolean> {
  const line = await lineOf(net, d, address);
  return line?.is_authorized === true || (d.sep8 === true && line?.is_authorized_to_maintain_liabilities === true);
}

/** The fields of a Horizon account record a holder listing reads. */
interface AccountRecord {
  id: string;
  paging_token: string;
  balances: Line[];
}

/**
 * One page of `GET /accounts?asset=CODE:ISSUER` (ascending account id, after `cursor`), fetched and
 * parsed directly rather than through the SDK's CallBuilder: a full reconciliation reads every
 * holder's ~2.4 KB record, and at 100,000 holders the SDK's response decoding (TextDecoder) and
 * per-record wrapping (link functions on every record) were a fifth of the check's CPU
 * (bench/reads.ts). Same URL, same answer; errors map as the SDK's would (errors.ts).
 */
async function accountsForAsset(net: StellarNetwork, d: StellarDeployment, cursor: string | undefined): Promise<AccountRecord[]> {
  const url = new URL('accounts', `${net.server.serverURL.toString().replace(/\/?$/, '/')}`);
  url.searchParams.set('asset', `${d.assetCode}:${d.issuer}`);
  url.searchParams.set('limit', String(net.pageSize));
  url.searchParams.set('order', 'asc');
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await fetch(url, { headers: { accept: 'application/hal+json, application/json' }, signal: AbortSignal.timeout(HOLDERS_PAGE_TIMEOUT_MS) });
  // Horizon's JSON is ASCII but for free-text fields (home domains, data entries): an ASCII body
  // is copied as one-byte text, not decoded as UTF-8 (a fifth of the check's CPU at 100,000 holders).
  const body = Buffer.from(await res.arrayBuffer());
  const text = isAscii(body) ? body.toString('latin1') : body.toString('utf8');
  if (!res.ok) {
    const detail = text.slice(0, 300);
    if (res.status >= 500 || res.status === 429) throw new FiscusError('CHAIN_UNAVAILABLE', `Horizon unavailable: ${res.status} on ${url.pathname}: ${detail}`);
    throw new FiscusError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `Horizon answered ${res.status} on ${url.pathname}: ${detail}`);
  }
  return (JSON.parse(text) as { _embedded: { records: AccountRecord[] } })._embedded.records;
}

/** Accounts with a positive balance, by account id (Horizon /accounts?asset=), one page per call. */
export async function holders(net: StellarNetwork, d: StellarDeployment, cursor?: string): Promise<Page<Holder>> {
  const records = await accountsForAsset(net, d, cursor);
  const items: Holder[] = [];
  for (const a of records) {
    const line = a.balances.find((b) => b.asset_code === d.assetCode && b.asset_issuer === d.issuer);
    const units = line ? amountToUnits(line.balance, d.decimals) : 0n;
    if (units > 0n) items.push({ address: a.id, units });
  }
  const last = records[records.length - 1];
  return records.length === net.pageSize && last ? { items, next: last.paging_token } : { items };
}

/** The line's authorization state, as the operation builders need it. */
export async function lineState(net: StellarNetwork, d: StellarDeployment, address: string): Promise<LineState> {
  const line = await lineOf(net, d, address);
  if (!line) return 'missing';
  if (line.is_authorized) return 'authorized';
  return line.is_authorized_to_maintain_liabilities ? 'maintain' : 'unauthorized';
}
