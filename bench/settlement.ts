/**
 * Stablecoin settlement (issue 12), one run: on anvil, the gas of subscribe (approve path and
 * permit path) and instant redeem against a plain USDC transfer plus a T-REX mint / burn sent
 * separately; on the local Stellar ledger, what the DvP subscription takes (transactions,
 * operations). `BENCH=settlement npx tsx bench/run.ts`, or standalone `npx tsx bench/settlement.ts`.
 */
import { benchSettlementEvm } from './settlement-evm.ts';
import { benchSettlementStellar } from './settlement-stellar.ts';
import { printTable, type BenchRow } from './table.ts';

export async function benchSettlement(): Promise<BenchRow[]> {
  return [...(await benchSettlementEvm()), ...(await benchSettlementStellar())];
}

if (import.meta.url === `file://${process.argv[1]}`) printTable(await benchSettlement());
