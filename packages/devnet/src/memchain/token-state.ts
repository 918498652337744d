/**
 * State of one fund's token on memchain (T-REX-like: balances, partial and whole-address
 * freezes, authorizations, pause). Cloned per transaction so failed ones leave no trace.
 */
/** Most ops one memchain transaction may apply (the same cap as a Stellar transaction). */
export const MAX_BATCH = 100;

export interface TokenState {
  id: string;
  name: string;
  symbol: string;
  decimals: number;
  admin: string;
  paused: boolean;
  totalSupply: bigint;
  /** Only non-zero balances are kept, so holders() is the key set. */
  balances: Map<string, bigint>;
  /** Partially frozen units per address (T-REX freezePartialTokens). */
  frozenUnits: Map<string, bigint>;
  /** Whole-address freezes (T-REX setAddressFrozen). */
  frozen: Set<string>;
  authorized: Set<string>;
}

export type TokenEvent =
  | { kind: 'transfer'; from: string | null; to: string | null; units: bigint }
  | { kind: 'authorization'; address: string; authorized: boolean }
  | { kind: 'freeze'; address: string; frozen: boolean; units?: bigint };

export function newToken(spec: { id: string; name: string; symbol: string; decimals: number }, admin: string): TokenState {
  // Unlike T-REX (deployed paused, PITFALLS.md) memchain tokens start unpaused: nothing to unpause in tests.
  return { ...spec, admin, paused: false, totalSupply: 0n, balances: new Map(), frozenUnits: new Map(), frozen: new Set(), authorized: new Set() };
}

export const clone = (t: TokenState): TokenState => ({
  ...t,
  balances: new Map(t.balances),
  frozenUnits: new Map(t.frozenUnits),
  frozen: new Set(t.frozen),
  authorized: new Set(t.authorized),
});
