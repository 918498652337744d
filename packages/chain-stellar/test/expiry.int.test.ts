import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { fromDeployment } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';

/**
 * A transaction refused as too late must be provably dead from Horizon's history, or the engine
 * can neither land it nor rebuild it. On a real network ledgers keep closing; the local ledger
 * with closeMs 0 closes one only per submission, so an idle ledger used to leave such a
 * transaction "unknown" forever (the last batch of a yield distribution stalled this way).
 */
describe('time bounds on the Stellar local ledger (closeMs 0)', () => {
  let net: LocalNetwork;
  beforeAll(async () => {
    net = await LocalNetwork.start();
  });
  afterAll(() => net?.close());

  it('a transaction refused as too late after an idle spell is reported dropped, its sequence unconsumed', { timeout: 20_000 }, async () => {
    const driver = net.driver({ txTimeoutSec: 1 });
    net.deployment = await driver.deploy({ id: 'fund_expiry', name: 'Expiry Fund', symbol: 'EXP', decimals: 6 });
    const investor = net.newInvestor();
    const issuer = fromDeployment(net.deployment).issuer;
    const sequence = await driver.nextSequence(issuer);
    const tx = await driver.prepare({ kind: 'authorize', address: investor, investorId: 'inv_1', country: 840 }, { deployment: net.deployment, sequence });
    expect(await driver.status(tx)).toEqual({ kind: 'unknown' });

    // Nobody submits anything while its time bounds pass.
    await new Promise((r) => setTimeout(r, tx.validUntil!.getTime() - Date.now() + 1_200));
    const sent = await driver.submit(tx);
    expect(sent).toMatchObject({ kind: 'rejected', error: { code: 'TX_EXPIRED' } });
    expect(await driver.status(tx)).toEqual({ kind: 'dropped', reason: 'time bounds expired', sequenceConsumed: false });

    // The sequence is still the account's next: a rebuild with it lands.
    const again = await net
      .driver()
      .prepare({ kind: 'authorize', address: investor, investorId: 'inv_1', country: 840 }, { deployment: net.deployment, sequence });
    expect(await driver.submit(again)).toMatchObject({ kind: 'accepted' });
    expect(await driver.status(again)).toMatchObject({ kind: 'confirmed', final: true });
    expect(await driver.isAuthorized(net.deployment, investor)).toBe(true);
  });
});
