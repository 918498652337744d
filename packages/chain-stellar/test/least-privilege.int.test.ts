import { randomUUID } from 'node:crypto';
import { Account, Keypair, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainOperation, Deployment } from '@fiscus/core';
import { fromDeployment, type StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';

/**
 * Least privilege on the local ledger (roles.ts): each role key signs only its job, and a stolen
 * key sending its OWN transactions — past our code — is refused by the ledger's thresholds.
 */
describe('Stellar role keys (issuer signers and thresholds)', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  let fundId: string;

  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver({ leastPrivilege: true });
    fundId = `fund_${randomUUID()}`;
    dep = await driver.deploy({ id: fundId, name: 'Least Privilege Fund', symbol: 'LPF', decimals: 6 });
    net.deployment = dep;
  });
  afterAll(() => net?.close());

  /** One operation through the driver as the engine runs it: its signer's sequence, prepare, submit, status. */
  async function run(op: ChainOperation) {
    const signer = driver.signerFor(op, dep);
    const tx = await driver.prepare(op, { deployment: dep, sequence: await driver.nextSequence(signer) });
    expect(await driver.submit(tx)).toMatchObject({ kind: 'accepted' });
    expect(await driver.status(tx)).toMatchObject({ kind: 'confirmed' });
    return tx;
  }

  const d = () => fromDeployment(dep);
  const authorize = (address: string): ChainOperation => ({ kind: 'authorize', address, investorId: 'inv_lp', country: 840 });
  const key = (role: Parameters<LocalNetwork['roleKey']>[1]) => net.roleKey(fundId, role);
  const refused = /op_bad_auth|tx_bad_auth|op_cant_change/;

  it('records a role account per role and sets the issuer’s weights, thresholds and AUTH_IMMUTABLE', async () => {
    const roles = d().roles!;
    expect(roles).toEqual({ minter: key('minter').publicKey(), compliance: key('compliance').publicKey(), oracle: key('oracle').publicKey() });
    const issuer = net.horizon.ledger.state.account(d().issuer)!;
    expect(issuer.thresholds).toEqual({ low: 2, med: 1, high: 3 });
    expect(issuer.masterWeight).toBe(3);
    expect(new Map(issuer.signers.map((s) => [s.key, s.weight]))).toEqual(
      new Map([
        [roles.minter, 1],
        [roles.compliance, 2],
      ]),
    );
    expect(issuer.flags & 4).toBe(4); // AUTH_IMMUTABLE
    // Deploying again changes nothing (idempotent) and records the same accounts.
    expect((await driver.deploy({ id: fundId, name: 'Least Privilege Fund', symbol: 'LPF', decimals: 6 })).details).toEqual(dep.details);
  });

  it('signs each operation with its role’s account and key: compliance authorizes, the minter mints, the oracle publishes NAV', async () => {
    const roles = d().roles!;
    const investor = net.newInvestor();
    expect((await run(authorize(investor))).signer).toBe(roles.compliance);
    expect((await run({ kind: 'mint', to: investor, units: 5_000_000n })).signer).toBe(roles.minter);
    expect((await run({ kind: 'burn', from: investor, units: 1_000_000n })).signer).toBe(roles.minter);
    expect((await run({ kind: 'freeze', address: investor })).signer).toBe(roles.compliance);
    expect((await run({ kind: 'unfreeze', address: investor })).signer).toBe(roles.compliance);
    const at = Math.floor(Date.now() / 1000);
    expect((await run({ kind: 'publishNav', round: 7n, value: 1_000_123n, scale: 6, at })).signer).toBe(roles.oracle);
    expect(await driver.balanceOf(dep, investor)).toBe(4_000_000n);
    // The NAV is on the oracle account, not the issuer (where a minting key could write it).
    expect((await driver.oracleEntries(dep)).nav).toEqual({ round: 7n, value: 1_000_123n, scale: 6, at });
    expect(net.horizon.ledger.state.account(d().issuer)!.data.has('nav')).toBe(false);
  });

  it('a stolen minting key can mint, but the ledger refuses it freezing, authorizing, re-keying, clearing flags or publishing NAV', async () => {
    const investor = net.newInvestor();
    await run(authorize(investor));
    const minter = key('minter');
    const asset = net.asset();
    const issuer = d().issuer;
    // Positive control: its own mint lands (medium threshold 1).
    await net.submitAs(minter, [Operation.payment({ destination: investor, asset, amount: '1', source: issuer })]);
    expect(await driver.balanceOf(dep, investor)).toBe(1_000_000n);
    const attempts = {
      freeze: [Operation.setTrustLineFlags({ trustor: investor, asset, flags: { authorized: false }, source: issuer })],
      authorize: [Operation.setTrustLineFlags({ trustor: net.newInvestor(), asset, flags: { authorized: true }, source: issuer })],
      addSigner: [Operation.setOptions({ signer: { ed25519PublicKey: minter.publicKey(), weight: 3 }, source: issuer })],
      clearFlags: [Operation.setOptions({ clearFlags: 8 as never, source: issuer })],
      nav: [Operation.manageData({ name: 'nav', value: '99:1:0:0', source: d().roles!.oracle })],
      ownSigners: [Operation.setOptions({ signer: { ed25519PublicKey: issuer, weight: 0 } })],
    };
    for (const [name, ops] of Object.entries(attempts)) {
      await expect(net.submitAs(minter, ops), name).rejects.toThrow(refused);
    }
    expect(await driver.isAuthorized(dep, investor)).toBe(true);
  });

  it('a stolen compliance key can freeze but not re-key the issuer or publish NAV', async () => {
    const compliance = key('compliance');
    const issuer = d().issuer;
    await expect(
      net.submitAs(compliance, [Operation.setOptions({ signer: { ed25519PublicKey: compliance.publicKey(), weight: 3 }, source: issuer })]),
    ).rejects.toThrow(refused);
    await expect(net.submitAs(compliance, [Operation.manageData({ name: 'nav', value: '99:1:0:0', source: d().roles!.oracle })])).rejects.toThrow(refused);
  });

  it('rotateKey moves a role to the next generation; the old key is refused on chain and the role account keeps its sequence stream', async () => {
    const investor = net.newInvestor();
    await run(authorize(investor));
    const roles = d().roles!;
    const gen2 = key('minter@2').publicKey();
    await expect(
      driver.prepare({ kind: 'rotateKey', role: 'minter', newAddress: key('minter@3').publicKey() }, { deployment: dep, sequence: 1n }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', meta: { expected: gen2 } });
    const rotation = await run({ kind: 'rotateKey', role: 'minter', newAddress: gen2, oldAddress: roles.minter });
    expect(rotation.signer).toBe(d().issuer); // the admin signs rotations
    const asset = net.asset();
    await expect(
      net.submitAs(key('minter'), [Operation.payment({ destination: investor, asset, amount: '1', source: d().issuer })]),
      'the old minting key',
    ).rejects.toThrow(refused);
    // The engine's next mint is signed by the new key, from the same role account.
    const mint = await run({ kind: 'mint', to: investor, units: 2_000_000n });
    expect(mint.signer).toBe(roles.minter);
    expect(await driver.balanceOf(dep, investor)).toBe(2_000_000n);
    // Again: generation 2 (an added signer, not the account's master) gives way to 3.
    await run({ kind: 'rotateKey', role: 'minter', newAddress: key('minter@3').publicKey() });
    const issuerSigners = new Map(net.horizon.ledger.state.account(d().issuer)!.signers.map((s) => [s.key, s.weight]));
    expect(issuerSigners.get(key('minter@3').publicKey())).toBe(1);
    expect(issuerSigners.has(gen2)).toBe(false);
    expect(issuerSigners.has(roles.minter)).toBe(false);
    await run({ kind: 'mint', to: investor, units: 1_000_000n });
    expect(await driver.balanceOf(dep, investor)).toBe(3_000_000n);
    // The oracle rotates on its own account only.
    await run({ kind: 'rotateKey', role: 'oracle', newAddress: key('oracle@2').publicKey() });
    await run({ kind: 'publishNav', round: 8n, value: 1_000_200n, scale: 6, at: Math.floor(Date.now() / 1000) });
    expect((await driver.oracleEntries(dep)).nav?.round).toBe(8n);
  });

  it('with approvers (2 of 3), one approver beside ALL platform keys cannot mint; the minting key with two can', async () => {
    const approvers = [Keypair.random(), Keypair.random(), Keypair.random()];
    const multi = net.driver({ leastPrivilege: true, approvals: { approvers: approvers.map((k) => k.publicKey()), threshold: 2 } });
    const id = `fund_${randomUUID()}`;
    const md = fromDeployment(await multi.deploy({ id, name: 'Approved Roles Fund', symbol: 'ARF', decimals: 6 }));
    expect(net.horizon.ledger.state.account(md.issuer)!.thresholds).toEqual({ low: 2, med: 15, high: 3 });
    net.deployment = { chain: dep.chain, details: { ...dep.details, assetCode: md.assetCode, issuer: md.issuer } };
    const investor = net.newInvestor();
    const compliance = net.roleKey(id, 'compliance');
    // Authorizing is LOW: the compliance key alone, no approvers.
    await net.submitAs(compliance, [Operation.setTrustLineFlags({ trustor: investor, asset: net.asset(), flags: { authorized: true }, source: md.issuer })]);
    const ledger = net.horizon.ledger;
    const minter = net.roleKey(id, 'minter');
    const mintSignedBy = async (...keys: Keypair[]) => {
      const tx = new TransactionBuilder(new Account(minter.publicKey(), (ledger.nextSequence(minter.publicKey()) - 1n).toString()), {
        fee: '100',
        networkPassphrase: ledger.passphrase,
      })
        .addOperation(Operation.payment({ destination: investor, asset: net.asset(), amount: '1', source: md.issuer }))
        .setTimeout(60)
        .build();
      tx.sign(...keys);
      return ledger.submit(tx.toEnvelope().toXdr('base64'));
    };
    const allPlatform = await mintSignedBy(minter, compliance, net.roleKey(id, 'issuer'), approvers[0]!);
    expect(JSON.stringify(allPlatform.body)).toMatch(/op_bad_auth|tx_bad_auth/);
    expect((await mintSignedBy(minter, approvers[0]!, approvers[2]!)).status).toBe(200);
    net.deployment = dep;
  });

  it('a fund deployed without role keys cannot rotate', async () => {
    const plain = net.driver();
    const other = await plain.deploy({ id: `fund_${randomUUID()}`, name: 'Plain', symbol: 'PLN', decimals: 6 });
    expect(plain.capabilities.keyRotation).toBeUndefined();
    await expect(
      driver.prepare({ kind: 'rotateKey', role: 'minter', newAddress: key('minter@2').publicKey() }, { deployment: other, sequence: 1n }),
    ).rejects.toMatchObject({
      code: 'CAPABILITY_UNSUPPORTED',
    });
  });
});
