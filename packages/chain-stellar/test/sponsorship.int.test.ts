import { randomUUID } from 'node:crypto';
import { Account, Asset, Horizon, Keypair, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { fromDeployment, keypairSigner, type StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';
import { allEvents, runOp } from './support/run-op.ts';

/** Native balance in stroops. */
const xlm = (a: Horizon.AccountResponse) => {
  const [i, f = ''] = a.balances.find((b) => b.asset_type === 'native')!.balance.split('.');
  return BigInt(i!) * 10_000_000n + BigInt(f.padEnd(7, '0'));
};

describe('issuer-sponsored trustlines and platform fee bumps on the local ledger', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  let server: Horizon.Server;
  let asset: Asset;
  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    dep = net.deployment = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Sponsored Fund', symbol: 'SPF', decimals: 6 });
    server = new Horizon.Server(net.horizon.url, { allowHttp: true });
    asset = new Asset(fromDeployment(dep).assetCode, fromDeployment(dep).issuer);
  });
  afterAll(() => net.close());

  const passphrase = () => net.horizon.ledger.passphrase;
  const cosign = (xdrText: string, kp: Keypair) => {
    const tx = TransactionBuilder.fromXDR(xdrText, passphrase()) as Transaction;
    tx.sign(kp);
    return tx.toEnvelope().toXdr('base64');
  };
  /** An investor-built transaction at its next sequence, signed by it. */
  const investorTx = (kp: Keypair, ops: xdr.Operation[]) => {
    const b = new TransactionBuilder(new Account(kp.publicKey(), (net.horizon.ledger.nextSequence(kp.publicKey()) - 1n).toString()), {
      fee: '100',
      networkPassphrase: passphrase(),
    }).setTimeout(60);
    for (const op of ops) b.addOperation(op);
    const tx = b.build();
    tx.sign(kp);
    return tx.toEnvelope().toXdr('base64');
  };

  it('an investor with 0 spare XLM gets a trustline (reserve on the issuer) and redeems, paying no XLM at all', async () => {
    const { issuer, distribution } = fromDeployment(dep);
    const inv = net.newAccount('1'); // exactly the minimum balance: 2 × 0.5 XLM base reserve
    // On its own it cannot even pay a fee.
    await expect(server.submitTransaction(TransactionBuilder.fromXDR(investorTx(inv, [Operation.changeTrust({ asset })]), passphrase()))).rejects.toMatchObject(
      { response: { data: { extras: { result_codes: { transaction: 'tx_insufficient_balance' } } } } },
    );

    const [issuerBefore, feesBefore] = await Promise.all([server.loadAccount(issuer), server.loadAccount(distribution)]);
    const t = await driver.sponsoredTrustline(dep, inv.publicKey());
    expect(t).toMatchObject({ source: inv.publicKey(), sponsor: issuer });
    const ops = (TransactionBuilder.fromXDR(t.xdr, passphrase()) as Transaction).operations.map((o) => o.type);
    expect(ops).toEqual(['beginSponsoringFutureReserves', 'changeTrust', 'endSponsoringFutureReserves']);
    const bumped = await driver.feeBump(dep, cosign(t.xdr, inv));
    expect(bumped).toMatchObject({ innerHash: t.hash, source: inv.publicKey(), feeAccount: distribution });

    const [account, issuerAfter, feesAfter] = await Promise.all([
      server.loadAccount(inv.publicKey()),
      server.loadAccount(issuer),
      server.loadAccount(distribution),
    ]);
    expect(xlm(account)).toBe(10_000_000n); // untouched
    const line = account.balances.find((b) => 'asset_code' in b && b.asset_code === 'SPF') as { sponsor?: string; is_authorized: boolean };
    expect(line).toMatchObject({ sponsor: issuer, is_authorized: false });
    expect(account.num_sponsored).toBe(1);
    expect(issuerAfter.num_sponsoring).toBe(issuerBefore.num_sponsoring + 1);
    expect(xlm(issuerAfter)).toBe(xlm(issuerBefore)); // a reserve is locked, not spent
    expect(xlm(feesBefore) - xlm(feesAfter)).toBe(400n); // base fee × (3 ops + the bump)

    // The same envelope again: found by hash, not paid twice.
    expect(await driver.feeBump(dep, cosign(t.xdr, inv))).toEqual(bumped);
    expect(xlm(await server.loadAccount(distribution))).toBe(xlm(feesAfter));

    // Authorized and minted by the issuer; the investor redeems by paying the distribution account.
    await runOp(driver, dep, { kind: 'authorize', address: inv.publicKey(), investorId: 'inv_1', country: 840 });
    await runOp(driver, dep, { kind: 'mint', to: inv.publicKey(), units: 7_000_000n });
    const { cursor } = await allEvents(driver, dep);
    await driver.feeBump(dep, investorTx(inv, [Operation.payment({ destination: distribution, asset, amount: '3' })]));
    expect(await driver.balanceOf(dep, distribution)).toBe(3_000_000n);
    expect(xlm(await server.loadAccount(inv.publicKey()))).toBe(10_000_000n);
    const { events } = await allEvents(driver, dep, cursor);
    expect(events).toEqual([expect.objectContaining({ kind: 'transfer', from: inv.publicKey(), to: distribution, units: 3_000_000n })]);
  });

  it('refuses what the fee account must not pay for, before anything is signed or sent', async () => {
    const { issuer, distribution } = fromDeployment(dep);
    const inv = net.newAccount('5');
    const other = new Asset('USDX', Keypair.random().publicKey());
    const cases: [string, string][] = [
      ['garbage', 'not xdr at all'],
      ['another asset', investorTx(inv, [Operation.changeTrust({ asset: other })])],
      ['another op type', investorTx(inv, [Operation.setOptions({ homeDomain: 'x.example' })])],
      [
        'a third account as op source',
        investorTx(inv, [Operation.payment({ destination: distribution, asset, amount: '1', source: Keypair.random().publicKey() })]),
      ],
      [
        'reserves sponsored by someone else',
        investorTx(inv, [
          Operation.beginSponsoringFutureReserves({ sponsoredId: inv.publicKey(), source: Keypair.random().publicKey() }),
          Operation.changeTrust({ asset }),
          Operation.endSponsoringFutureReserves({}),
        ]),
      ],
    ];
    // A fee bump envelope is not an inner transaction.
    const bump = TransactionBuilder.buildFeeBumpTransaction(
      Keypair.random(),
      '200',
      TransactionBuilder.fromXDR(investorTx(inv, [Operation.changeTrust({ asset })]), passphrase()) as Transaction,
      passphrase(),
    );
    cases.push(['a fee bump', bump.toEnvelope().toXdr('base64')]);
    const unsigned = new TransactionBuilder(new Account(inv.publicKey(), '1'), { fee: '100', networkPassphrase: passphrase() })
      .addOperation(Operation.changeTrust({ asset }))
      .setTimeout(60)
      .build();
    cases.push(['unsigned', unsigned.toEnvelope().toXdr('base64')]);
    const issuerSourced = new TransactionBuilder(new Account(issuer, '1'), { fee: '100', networkPassphrase: passphrase() })
      .addOperation(Operation.payment({ destination: inv.publicKey(), asset, amount: '1' }))
      .setTimeout(60)
      .build();
    issuerSourced.sign(Keypair.random());
    cases.push(['a platform account as source', issuerSourced.toEnvelope().toXdr('base64')]);
    const fees = xlm(await server.loadAccount(distribution));
    for (const [what, x] of cases) {
      await expect(driver.feeBump(dep, x), what).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(xlm(await server.loadAccount(distribution))).toBe(fees);
  });

  it('a configured sponsor and fee account pay instead of the fund accounts; ledger failures map to core codes', async () => {
    const sponsorKp = Keypair.random();
    const feeKp = Keypair.random();
    for (const kp of [sponsorKp, feeKp]) expect((await fetch(`${net.horizon.url}/friendbot?addr=${kp.publicKey()}`)).ok).toBe(true);
    const custom = net.driver({ sponsor: keypairSigner(sponsorKp), feeAccount: keypairSigner(feeKp) });
    const inv = net.newAccount('1');
    const t = await custom.sponsoredTrustline(dep, inv.publicKey());
    expect(t.sponsor).toBe(sponsorKp.publicKey());
    expect((await custom.feeBump(dep, cosign(t.xdr, inv))).feeAccount).toBe(feeKp.publicKey());
    expect((await server.loadAccount(sponsorKp.publicKey())).num_sponsoring).toBe(1);
    // A second trustline transaction for the same account is refused (it has one now).
    await expect(custom.sponsoredTrustline(dep, inv.publicKey())).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(custom.sponsoredTrustline(dep, Keypair.random().publicKey())).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED_ON_CHAIN',
      meta: { reason: 'ACCOUNT_MISSING' },
    });
    // Paying from an unauthorized line: the bump lands, the inner payment fails with its code.
    await expect(
      custom.feeBump(dep, investorTx(inv, [Operation.payment({ destination: fromDeployment(dep).distribution, asset, amount: '1' })])),
    ).rejects.toMatchObject({ code: 'FROZEN', meta: { resultCodes: { transaction: 'tx_fee_bump_inner_failed', operations: ['op_src_not_authorized'] } } });
  });
});
