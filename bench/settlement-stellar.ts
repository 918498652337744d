/**
 * The Stellar delivery-versus-payment subscription (issue 12) as the API's quote route builds it
 * (StellarDriver.dvpSubscription): the transactions and operations the local ledger applies for
 * it, the envelope's operations named, and the delivery and payment checked on the ledger.
 */
import { randomUUID } from 'node:crypto';
import { TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import type { SingleOperation } from '@fiscus/core';
import type { StellarDriver } from '@fiscus/chain-stellar';
import { startUsdcHarness } from '../packages/chain-stellar/test/support/usdc-harness.ts';
import type { BenchRow } from './table.ts';

const UNITS = 2_000_000n; // 2 units at 6 decimals
const STROOPS = 21_000_000n; // 2.1 USDC at 7 decimals ($1.05 per unit)

export async function benchSettlementStellar(): Promise<BenchRow[]> {
  const h = await startUsdcHarness();
  try {
    const driver = h.driver as unknown as StellarDriver;
    const d = await h.driver.deploy({ id: `fund_${randomUUID()}`, name: 'Bench DvP', symbol: 'BDVP', decimals: 6 });
    const investor = await h.investor();
    const authorize: SingleOperation = { kind: 'authorize', address: investor, investorId: 'bench', country: 840 };
    const prepared = await driver.prepare(authorize, { deployment: d, sequence: await driver.nextSequence(driver.signerFor(authorize, d)) });
    if ((await driver.submit(prepared)).kind !== 'accepted' || (await driver.status(prepared)).kind !== 'confirmed') throw new Error('authorize failed');
    await h.usdc.pay(investor, 5n * STROOPS);

    const quote = await driver.dvpSubscription(d, { investor, units: UNITS, stroops: STROOPS, validUntil: new Date(Date.now() + 60_000) });
    const tx = TransactionBuilder.fromXDR(quote.xdr, quote.networkPassphrase) as Transaction;
    tx.sign(h.net.investors.get(investor)!);
    const ledger = h.net.horizon.ledger;
    const before = { txs: ledger.txs.length, ops: ledger.ops.length };
    const answer = await ledger.submit(tx.toEnvelope().toXdr('base64'));
    const applied = { txs: ledger.txs.length - before.txs, ops: ledger.ops.length - before.ops };
    if (answer.status !== 200) throw new Error(`DvP transaction refused: ${JSON.stringify((answer.body as { extras?: unknown }).extras)}`);
    const treasury = driver.treasuryAddress(d);
    const delivered = await driver.balanceOf(d, investor);
    const received = await h.usdc.balance(treasury);
    if (delivered !== UNITS || received !== STROOPS) throw new Error(`DvP did not settle: units ${delivered}, treasury USDC ${received}`);
    const kinds = tx.operations.map((o) => o.type).join(' + ');
    return [
      {
        bench: 'settlement stellar',
        metric: 'DvP subscription: transactions',
        value: String(applied.txs),
        note: 'issuer-signed by the API, co-signed and submitted by the investor; both legs or neither',
      },
      {
        bench: 'settlement stellar',
        metric: 'DvP subscription: operations',
        value: String(applied.ops),
        note: `${kinds} (USDC investor → treasury, units issuer → investor); fee ${tx.fee} stroops`,
      },
    ];
  } finally {
    await h.close();
  }
}
