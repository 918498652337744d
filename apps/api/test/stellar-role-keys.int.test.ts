import { Asset, Operation } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet, startStellarHarness, type StellarHarness } from './support/stellar.ts';

const CHAIN = 'stellar:local';

/**
 * STELLAR_ROLE_KEYS=on through the API: a new fund's minting, compliance and oracle keys each
 * source their own transactions; NAV lands on the oracle account; POST …/key-rotations (no
 * newAddress on Stellar: the keyring's next generation) moves the minting role, after which mints
 * go on from the same role account with the new key.
 */
describeEachBackend('api: Stellar role keys and rotation', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend, { STELLAR_ROLE_KEYS: 'on' });
  }, 180_000);
  afterAll(() => h?.close());

  /** The account that sourced (and signed the sequence of) an operation's transaction. */
  const sourceOf = async (op: { txHash: string }) => (await h.server.transactions().transaction(op.txHash).call()).source_account;

  it('signs each job with its role account, publishes NAV on the oracle account, and rotates the minting key', async () => {
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'Role Fund', symbol: 'ROLE', decimals: 6, stellarSep8: false, nav: '1.000000' } });
    expect(fund.status, fund.text).toBe(201);
    const fundId = fund.body.id as string;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    await h.posted(dep.body.operation.id);
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details as Record<string, string>;
    const issuer = await h.server.loadAccount(details.issuer!);
    expect(issuer.thresholds).toMatchObject({ low_threshold: 2, med_threshold: 1, high_threshold: 3 });
    expect(issuer.flags.auth_immutable).toBe(true);

    const asset = new Asset(details.assetCode!, details.issuer!);
    const wallet = new InvestorWallet(h);
    await wallet.fund();
    await wallet.submit(Operation.changeTrust({ asset }));
    const inv = await h.call('POST', '/v1/investors', {
      body: { legalName: 'Role LP', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
    });
    const w = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: inv.body.id, chain: CHAIN, address: wallet.address } });
    expect(await sourceOf(await h.posted(w.body.operation.id))).toBe(details.complianceAccount);
    const subscribe = async (units: string) => {
      const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, {
        body: { investorId: inv.body.id, chain: CHAIN, address: wallet.address, units },
      });
      expect(sub.status, sub.text).toBe(202);
      return h.posted(sub.body.operation.id);
    };
    expect(await sourceOf(await subscribe('10'))).toBe(details.minterAccount);

    const nav = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.000123' } });
    expect(nav.status, nav.text).toBe(201);
    expect(await sourceOf(await h.posted(nav.body.operations[0].id))).toBe(details.oracleAccount);
    const oracle = await h.server.loadAccount(details.oracleAccount!);
    expect(Buffer.from(oracle.data_attr.nav!, 'base64').toString()).toMatch(/^\d+:1000123:6:\d+$/);
    expect((await h.server.loadAccount(details.issuer!)).data_attr.nav).toBeUndefined();

    const rotation = await h.call('POST', `/v1/funds/${fundId}/key-rotations`, { body: { chain: CHAIN, role: 'minter' } });
    expect(rotation.status, rotation.text).toBe(202);
    const rotated = await h.posted(rotation.body.operation.id);
    const newKey = rotated.body.newAddress as string;
    expect(newKey).toMatch(/^G[A-Z2-7]{55}$/);
    expect(newKey).not.toBe(details.minterAccount);
    expect(await sourceOf(rotated)).toBe(details.issuer); // the admin key rotates
    const minter = await h.server.loadAccount(details.minterAccount!);
    expect(minter.signers.find((s) => s.key === details.minterAccount)?.weight).toBe(0);
    expect(minter.signers.find((s) => s.key === newKey)?.weight).toBe(1);
    expect((await h.server.loadAccount(details.issuer!)).signers.find((s) => s.key === details.minterAccount)).toBeUndefined();
    const audit = await h.call('GET', '/v1/audit?limit=200');
    expect(JSON.stringify(audit.body)).toContain(rotation.body.operation.id);

    // The platform's next mint: same role account, the new key.
    const after = await subscribe('5');
    expect(await sourceOf(after)).toBe(details.minterAccount);
    const tx = await h.server.transactions().transaction(after.txHash).call();
    expect(tx.signatures).toHaveLength(1);
    expect((await wallet.line(asset))?.balance).toBe('15.0000000');

    // A wrong key for the next generation is refused before anything is signed.
    const wrong = await h.call('POST', `/v1/funds/${fundId}/key-rotations`, { body: { chain: CHAIN, role: 'compliance', newAddress: wallet.address } });
    expect(wrong.status, wrong.text).toBe(202);
    let op: Record<string, any> = {};
    for (let i = 0; i < 500 && op.state !== 'failed' && op.state !== 'posted'; i++) {
      op = (await h.call('GET', `/v1/operations/${wrong.body.operation.id}`)).body;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(op).toMatchObject({ state: 'failed', txHash: null, lastError: { code: 'VALIDATION_FAILED' } });
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  }, 180_000);
});
