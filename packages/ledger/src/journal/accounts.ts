/**
 * Account codes and commodities of the custody ledger. Codes are plain strings so the journal
 * stays generic; these helpers keep the well-known ones spelled the same everywhere.
 */

/** 'units' = fund units in base units (10^-decimals); 'usd' = micro-dollars. */
export type Commodity = 'units' | 'usd';

export const isCommodity = (v: unknown): v is Commodity => v === 'units' || v === 'usd';

/** Units outstanding on one chain (CAIP-2 id): must equal the token's on-chain total supply. */
export const supplyAccount = (chain: string): string => `supply:${chain}`;
export const SUPPLY_PREFIX = 'supply:';

/** Units burned on a source chain and not yet minted on the destination. */
export const TRANSIT = 'transit';

/**
 * The fund's issuance account: a mint posts issuance −u / supply:<chain> +u, so its balance is
 * minus the units outstanding and Σ supply + transit == −issuance while every entry balances.
 */
export const ISSUANCE = 'issuance';

export const custodyAccount = (custodian: string): string => `custody:${custodian}`;
/**
 * The platform's stablecoin (settlement asset) held on one chain, in micro-dollars (commodity
 * 'usd'): reconciled against the treasury's on-chain balances like supply is against the token.
 */
export const stablecoinAccount = (chain: string): string => `stablecoin:${chain}`;
export const STABLECOIN_PREFIX = 'stablecoin:';

export const cashAccount = (account: string): string => `cash:${account}`;
export const investorAccount = (investorId: string): string => `investor:${investorId}`;
export const YIELD = 'yield';
