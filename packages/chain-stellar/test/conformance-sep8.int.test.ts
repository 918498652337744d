import { randomUUID } from 'node:crypto';
import { Account, Operation, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { LocalNetwork } from './support/local-network.ts';

/**
 * The whole driver contract again, on a SEP-8 regulated deployment (`sep8: true`): authorized
 * lines rest at AUTHORIZED_TO_MAINTAIN_LIABILITIES, so every mint, forced transfer, recovery and
 * batch goes through the issuer's authorization sandwich, and a holder's own transfer is the
 * approval server's composition (the driver's reviewSep8 + signSep8), co-signed by the holder.
 */
describeDriverConformance('stellar (local ledger, SEP-8 regulated asset)', async () => {
  const net = await LocalNetwork.start();
  const driver = net.driver();
  const fund = { id: `fund_${randomUUID()}`, name: 'Regulated Conformance Fund', symbol: 'RCF', decimals: 6, sep8: true };
  net.deployment = await driver.deploy(fund);
  if (net.deployment.details.sep8 !== 'true') throw new Error('the deployment is not SEP-8');
  return {
    driver,
    fund,
    newAddress: () => net.newInvestor(),
    async holderTransfer(from, to, units) {
      const kp = net.investors.get(from)!;
      const ledger = net.horizon.ledger;
      const tx = new TransactionBuilder(new Account(from, (ledger.nextSequence(from) - 1n).toString()), { fee: '100', networkPassphrase: ledger.passphrase })
        .addOperation(Operation.payment({ destination: to, asset: net.asset(), amount: net.amount(units) }))
        .setTimeout(60)
        .build();
      tx.sign(kp);
      const review = driver.reviewSep8(net.deployment!, tx.toEnvelope().toXdr('base64'));
      if (!review.ok) throw new Error(review.error);
      const lines = await driver.lineStates(net.deployment!, [from, to]);
      const approved = await driver.signSep8(net.deployment!, review.request, lines);
      if ('error' in approved) throw new Error(approved.error);
      const revised = TransactionBuilder.fromXDR(approved.xdr, ledger.passphrase) as Transaction;
      revised.sign(kp);
      const answer = await ledger.submit(revised.toEnvelope().toXdr('base64'));
      if (answer.status !== 200) throw new Error(`transaction failed: ${JSON.stringify((answer.body as { extras?: unknown }).extras)}`);
    },
    pollMs: 20,
    timeoutMs: 10_000,
    close: () => net.close(),
  };
});
