import { formatAmount } from './amounts.ts';
import { assetTypeOf } from './ops/context.ts';
import { selectPage, type PageQuery } from './paging.ts';
import { accountFlags } from './records.ts';
import { TrustFlag, type LedgerState, type TrustlineEntry } from './state.ts';

const authorized = (t: TrustlineEntry) => !!(t.flags & TrustFlag.AUTHORIZED);
const maintain = (t: TrustlineEntry) => !!(t.flags & TrustFlag.MAINTAIN_LIABILITIES);
const unauthorized = (t: TrustlineEntry) => !(t.flags & (TrustFlag.AUTHORIZED | TrustFlag.MAINTAIN_LIABILITIES));

/**
 * Horizon asset records: one per (code, issuer) that has trustlines. The amounts sum the
 * trustline balances by authorization state, plus what sits in claimable balances: together
 * the asset's circulating supply. Lines are found through the holder index: O(the asset's
 * holders), not a scan of every trustline on the ledger.
 */
export function assetRecords(state: LedgerState, code?: string, issuer?: string, page?: PageQuery) {
  const all = state
    .assets()
    .filter((a) => (!code || a.code === code) && (!issuer || a.issuer === issuer))
    .map((a) => ({ ...a, token: `${a.code}_${a.issuer}_${assetTypeOf(a.code)}` }))
    .sort((a, b) => (a.token < b.token ? -1 : 1));
  // Paged before the sums: a page costs the holders of its own assets only.
  return (page ? selectPage(all, (a) => a.token, page) : all).map(({ code, issuer, token }) => {
    // One pass over the asset's lines (100,000 on a fund at scale), each counted under every state it is in.
    const tally = { authorized: [0, 0n], maintain: [0, 0n], unauthorized: [0, 0n] } as Record<'authorized' | 'maintain' | 'unauthorized', [number, bigint]>;
    const add = (k: keyof typeof tally, t: TrustlineEntry) => {
      tally[k][0]++;
      tally[k][1] += t.balance;
    };
    for (const id of state.holdersOf(code, issuer)) {
      const t = state.trustline(id, code, issuer)!;
      if (authorized(t)) add('authorized', t);
      if (maintain(t)) add('maintain', t);
      if (unauthorized(t)) add('unauthorized', t);
    }
    const iss = state.account(issuer);
    const balances = [...state.claimableBalances.values()].filter((b) => b.asset?.code === code && b.asset.issuer === issuer);
    return {
      _links: { toml: { href: iss?.homeDomain ? `https://${iss.homeDomain}/.well-known/stellar.toml` : '' } },
      asset_type: assetTypeOf(code),
      asset_code: code,
      asset_issuer: issuer,
      paging_token: token,
      accounts: { authorized: tally.authorized[0], authorized_to_maintain_liabilities: tally.maintain[0], unauthorized: tally.unauthorized[0] },
      balances: {
        authorized: formatAmount(tally.authorized[1]),
        authorized_to_maintain_liabilities: formatAmount(tally.maintain[1]),
        unauthorized: formatAmount(tally.unauthorized[1]),
      },
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
