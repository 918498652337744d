/**
 * Income account for T-bill gains: a lot bought at a discount matures at face, and the
 * difference (face − cost) is the fund's interest income. Credit balance (negative) = income.
 */
export const TBILL_INCOME = 'income:tbills';
/** The other side of bank-feed cash that is neither a subscription nor a payout. */
export const externalAccount = (name: string): string => `external:${name}`;
