import { formatAmount } from './amounts.ts';
import { assetTypeOf } from './ops/context.ts';
import { accountFlags } from './records.ts';
import { TrustFlag, type LedgerState, type TrustlineEntry } from './state.ts';

const authorized = (t: TrustlineEntry) => !!(t.flags & TrustFlag.AUTHORIZED);
const maintain = (t: TrustlineEntry) => !!(t.flags & TrustFlag.MAINTAIN_LIABILITIES);
const unauthorized = (t: TrustlineEntry) => !(t.flags & (TrustFlag.AUTHORIZED | TrustFlag.MAINTAIN_LIABILITIES));

/**
 * Horizon asset records: one per (code, issuer) that has trustlines. The amounts sum the
 * trustline balances by authorization state, plus what sits in claimable balances: together
 * the asset's circulating supply.
 */
export function assetRecords(state: LedgerState, code?: string, issuer?: string) {
  const groups = new Map<string, TrustlineEntry[]>();
  for (const t of state.trustlines.values()) {
    if ((code && t.code !== code) || (issuer && t.issuer !== issuer)) continue;
    const k = `${t.code}_${t.issuer}_${assetTypeOf(t.code)}`;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([token, lines]) => {
      const first = lines[0]!;
      const iss = state.account(first.issuer);
      const count = (f: (t: TrustlineEntry) => boolean) => lines.filter(f).length;
      const sum = (f: (t: TrustlineEntry) => boolean) => formatAmount(lines.filter(f).reduce((s, t) => s + t.balance, 0n));
      const balances = [...state.claimableBalances.values()].filter((b) => b.asset?.code === first.code && b.asset.issuer === first.issuer);
      return {
        _links: { toml: { href: iss?.homeDomain ? `https://${iss.homeDomain}/.well-known/stellar.toml` : '' } },
        asset_type: assetTypeOf(first.code),
        asset_code: first.code,
        asset_issuer: first.issuer,
        paging_token: token,
        accounts: { authorized: count(authorized), authorized_to_maintain_liabilities: count(maintain), unauthorized: count(unauthorized) },
        balances: { authorized: sum(authorized), authorized_to_maintain_liabilities: sum(maintain), unauthorized: sum(unauthorized) },
        num_claimable_balances: balances.length,
        num_liquidity_pools: 0,
        num_contracts: 0,
        claimable_balances_amount: formatAmount(balances.reduce((s, b) => s + b.amount, 0n)),
        liquidity_pools_amount: '0.0000000',
        contracts_amount: '0.0000000',
        flags: accountFlags(iss?.flags ?? 0),
      };
    });
}
