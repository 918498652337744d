import { Asset } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet, PUBLIC_URL, resultCodesOf, startStellarHarness, type StellarHarness } from './support/stellar.ts';

const CHAIN = 'stellar:local';

/**
 * The issue-4 walk on the local ledger, with investors acting through @stellar/stellar-sdk as
 * their wallets would. Not covered yet: redemption by an on-chain payment to the issuer, which
 * needs the payment-stream indexer (not built).
 */
describeEachBackend('api end to end on stellar:local (local ledger + running worker)', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend);
  });
  afterAll(() => h?.close());

  async function deploy(name: string, symbol: string): Promise<{ fundId: string; asset: Asset; issuer: string }> {
    const fund = await h.call('POST', '/v1/funds', { body: { name, symbol, decimals: 6 } });
    expect(fund.status).toBe(201);
    const dep = await h.call('POST', `/v1/funds/${fund.body.id}/deployments`, { body: { chain: CHAIN } });
    expect(dep.status).toBe(202);
    await h.posted(dep.body.operation.id);
    const list = await h.call('GET', `/v1/funds/${fund.body.id}/deployments`);
    const details = list.body.items[0].details as { assetCode: string; issuer: string };
    return { fundId: fund.body.id, asset: new Asset(details.assetCode, details.issuer), issuer: details.issuer };
  }

  async function investor(legalName: string, kycStatus: 'verified' | 'pending'): Promise<string> {
    const r = await h.call('POST', '/v1/investors', { body: { legalName, jurisdiction: 'US', investorType: 'institutional', kycStatus } });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  it('deploy → KYC-gated trustline authorization → mint → holder payments, freeze, forced transfer → supply = /assets → clean reconciliation', async () => {
    const { fundId, asset, issuer } = await deploy('Stellar Treasury Fund', 'USTF');
    const issuerAccount = await h.server.loadAccount(issuer);
    expect(issuerAccount.flags).toMatchObject({ auth_required: true, auth_revocable: true, auth_clawback_enabled: true });
    expect(issuerAccount.home_domain).toBe('fund.example.com');

    const aliceId = await investor('Alice Capital', 'verified');
    const bobId = await investor('Bob Partners', 'verified');
    const pendingId = await investor('Pending Pete', 'pending');
    const [alice, bob, pete, stranger] = [new InvestorWallet(h), new InvestorWallet(h), new InvestorWallet(h), new InvestorWallet(h)];
    await Promise.all([alice, bob, pete, stranger].map((w) => w.fund()));

    // No trustline yet: the issuer cannot authorize it, so registration is refused with what to do.
    const early = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: aliceId, chain: CHAIN, address: alice.address } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOT_AUTHORIZED_ON_CHAIN', meta: { reason: 'TRUSTLINE_MISSING', assetCode: 'USTF', issuer } });
    expect(early.body.detail).toMatch(/changeTrust/);

    // Investors create their own trustlines (AUTH_REQUIRED: they start unauthorized).
    await Promise.all([alice, bob, pete].map((w) => w.trust(asset)));
    expect(await alice.line(asset)).toMatchObject({ balance: '0.0000000', is_authorized: false });

    // KYC pending: refused before anything is signed; the trustline stays unauthorized.
    const refused = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: pendingId, chain: CHAIN, address: pete.address } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('POLICY_DENIED');
    expect((await pete.line(asset))?.is_authorized).toBe(false);

    for (const [id, w] of [[aliceId, alice], [bobId, bob]] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: id, chain: CHAIN, address: w.address } });
      expect(r.status).toBe(202);
      await h.posted(r.body.operation.id);
      expect((await w.line(asset))?.is_authorized).toBe(true);
    }

    for (const [id, w, units] of [[aliceId, alice, '1000'], [bobId, bob, '500.25']] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId: id, chain: CHAIN, address: w.address, units } });
      expect(r.status).toBe(202);
      const op = await h.posted(r.body.operation.id);
      expect(op.txHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await alice.line(asset))?.balance).toBe('1000.0000000');

    // Between two authorized holders, signed by the holder: the ledger accepts it.
    await alice.pay(bob.address, asset, '100');
    expect((await bob.line(asset))?.balance).toBe('600.2500000');
    // To an unauthorized trustline, and to an account with none: the ledger refuses.
    expect(await resultCodesOf(alice.pay(pete.address, asset, '1'))).toEqual({ transaction: 'tx_failed', operations: ['op_not_authorized'] });
    expect(await resultCodesOf(alice.pay(stranger.address, asset, '1'))).toEqual({ transaction: 'tx_failed', operations: ['op_no_trust'] });

    // Freeze Bob: his payments are refused on chain.
    const freeze = await h.call('POST', `/v1/funds/${fundId}/freezes`, { body: { chain: CHAIN, address: bob.address } });
    expect(freeze.status).toBe(202);
    await h.posted(freeze.body.operation.id);
    expect((await bob.line(asset))?.is_authorized).toBe(false);
    expect(await resultCodesOf(bob.pay(alice.address, asset, '1'))).toEqual({ transaction: 'tx_failed', operations: ['op_src_not_authorized'] });

    // Forced transfer out of the frozen line (clawback + payment in one transaction).
    const forced = await h.call('POST', `/v1/funds/${fundId}/forced-transfers`, { body: { chain: CHAIN, from: bob.address, to: alice.address, units: '200' } });
    expect(forced.status).toBe(202);
    await h.posted(forced.body.operation.id);
    expect((await bob.line(asset))?.balance).toBe('400.2500000');
    expect((await alice.line(asset))?.balance).toBe('1100.0000000');

    // Supply: ledger = chain = the asset's amount Horizon reports.
    const assets = await h.server.assets().forCode('USTF').forIssuer(issuer).call();
    const onHorizon = assets.records[0]!;
    expect(onHorizon.balances.authorized).toBe('1100.0000000');
    expect(onHorizon.balances.authorized_to_maintain_liabilities).toBe('400.2500000');
    const supply = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1500.25', invariantHolds: true });
    expect(supply.body.chains).toEqual([expect.objectContaining({ chain: CHAIN, ledgerSupply: '1500.25', chainSupply: '1500.25', inSync: true })]);
    const total = Number(onHorizon.balances.authorized) + Number(onHorizon.balances.authorized_to_maintain_liabilities) + Number(onHorizon.balances.unauthorized);
    expect(total.toFixed(2)).toBe('1500.25');

    const rec = await h.call('POST', `/v1/funds/${fundId}/reconciliations`, { body: { chain: CHAIN } });
    expect(rec.status).toBe(200);
    expect(rec.body.items).toEqual([expect.objectContaining({ chain: CHAIN, status: 'clean', ledgerSupply: '1500.25', chainSupply: '1500.25' })]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('serves /.well-known/stellar.toml (SEP-1) with the deployed regulated asset, without auth', async () => {
    const { fundId, issuer } = await deploy('Toml Fund', 'TOML');
    const r = await h.call('GET', '/.well-known/stellar.toml', { key: undefined });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.text).toContain(`NETWORK_PASSPHRASE = "${h.passphrase}"`);
    expect(r.text).toContain('ORG_NAME = "Example Treasury Issuer"');
    expect(r.text).toContain(`ORG_URL = "${PUBLIC_URL}"`);
    const entry = r.text.split('[[CURRENCIES]]').find((s) => s.includes('code = "TOML"'));
    expect(entry).toBeDefined();
    expect(entry).toContain(`issuer = "${issuer}"`);
    expect(entry).toContain('display_decimals = 6');
    expect(entry).toContain('regulated = true');
    expect(entry).toContain('name = "Toml Fund"');
    expect(entry).toContain(`attestation_of_reserve = "${PUBLIC_URL}/v1/funds/${fundId}/attestations/latest"`);
    expect(r.text).toMatch(new RegExp(`ACCOUNTS = \\[.*"${issuer}"`));
  });
});
