import { Account, Asset, Keypair, Networks, Operation, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import type { StellarDeployment } from '../deployment.ts';
import { reviewSep8 } from './review.ts';

const issuer = Keypair.random();
const distribution = Keypair.random();
const d: StellarDeployment = {
  fundId: 'fund_1',
  assetCode: 'RTF',
  issuer: issuer.publicKey(),
  distribution: distribution.publicKey(),
  decimals: 2,
  homeDomain: 'x',
  sep8: true,
};
const asset = new Asset('RTF', issuer.publicKey());
const limits = { passphrase: Networks.TESTNET, maxFeePerOp: 1000n, platform: [issuer.publicKey(), distribution.publicKey()], now: new Date() };

function tx(source: Keypair, ops: xdr.Operation[], o: { fee?: string; timeout?: number; sign?: boolean } = {}) {
  const b = new TransactionBuilder(new Account(source.publicKey(), '41'), { fee: o.fee ?? '100', networkPassphrase: Networks.TESTNET }).setTimeout(
    o.timeout ?? 60,
  );
  for (const op of ops) b.addOperation(op);
  const t = b.build();
  if (o.sign !== false) t.sign(source);
  return t.toEnvelope().toXdr('base64');
}
const pay = (destination: string, amount = '1') => Operation.payment({ destination, asset, amount });
const errorOf = (xdr: string) => {
  const r = reviewSep8(d, xdr, limits);
  return r.ok ? 'ok' : r.error;
};

/** The shape rules of the approval server (SEP-8 "Approval Server"): everything refused says why. */
describe('reviewSep8', () => {
  const alice = Keypair.random();
  const bob = Keypair.random();

  it('accepts payments of the fund asset from the signed source, with the sequence and per-op fee', () => {
    const r = reviewSep8(d, tx(alice, [pay(bob.publicKey(), '1.5'), pay(distribution.publicKey(), '2')], { fee: '150' }), limits);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toMatchObject({ source: alice.publicKey(), sequence: 42n, feePerOp: 150n, wrapped: false });
    expect(r.request.payments.map((p) => [p.to, p.units])).toEqual([
      [bob.publicKey(), 150n],
      [distribution.publicKey(), 200n],
    ]);
  });

  it('refuses what is not a compliant transfer shape, naming the reason', () => {
    expect(errorOf('AAAA')).toMatch(/not a base64 Stellar transaction envelope/);
    expect(errorOf(tx(alice, [pay(bob.publicKey())], { sign: false }))).toMatch(/not signed by its source/);
    expect(errorOf(tx(issuer, [pay(bob.publicKey())]))).toMatch(/one of the issuer's accounts/);
    expect(errorOf(tx(alice, [pay(bob.publicKey())], { fee: '2000' }))).toMatch(/2000 stroops per operation, above the maximum of 1000/);
    expect(errorOf(tx(alice, [Operation.changeTrust({ asset })]))).toMatch(/operation 0 \(changeTrust\) is not allowed/);
    expect(errorOf(tx(alice, [Operation.payment({ destination: bob.publicKey(), asset: new Asset('RTF', bob.publicKey()), amount: '1' })]))).toMatch(
      /pays another asset/,
    );
    expect(errorOf(tx(alice, [pay(issuer.publicKey())]))).toMatch(/pays the issuer: to redeem, pay the redemption address/);
    expect(errorOf(tx(alice, [pay(alice.publicKey())]))).toMatch(/pays the source account itself/);
    expect(errorOf(tx(alice, [pay(bob.publicKey(), '0.001')]))).toMatch(/not a whole number of units at the fund's 2 decimals/);
    expect(errorOf(tx(alice, [Operation.payment({ destination: bob.publicKey(), asset, amount: '1', source: bob.publicKey() })]))).toMatch(
      /has another source/,
    );
    const past = reviewSep8(d, tx(alice, [pay(bob.publicKey())], { timeout: 1 }), { ...limits, now: new Date(Date.now() + 60_000) });
    expect(past.ok ? 'ok' : past.error).toMatch(/expired at/);
  });
});
