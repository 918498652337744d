import { Asset, Operation } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet, PUBLIC_URL, resultCodesOf, startStellarHarness, type StellarHarness } from './support/stellar.ts';

const CHAIN = 'stellar:local';

/** Polls until `f` returns something truthy (10 s at most). */
async function until<T>(f: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never met');
}

/**
 * The issue-4 walk on the local ledger, with investors acting through @stellar/stellar-sdk as
 * their wallets would.
 */
describeEachBackend('api end to end on stellar:local (local ledger + running worker)', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend);
  });
  afterAll(() => h?.close());

  async function deploy(name: string, symbol: string): Promise<{ fundId: string; asset: Asset; issuer: string }> {
    // These walks rely on fully authorized trustlines (holders paying each other directly):
    // they opt out of the SEP-8 default (stellar-sep8.int.test.ts covers regulated funds).
    const fund = await h.call('POST', '/v1/funds', { body: { name, symbol, decimals: 6, stellarSep8: false } });
    expect(fund.status).toBe(201);
    const dep = await h.call('POST', `/v1/funds/${fund.body.id}/deployments`, { body: { chain: CHAIN } });
    expect(dep.status).toBe(202);
    await h.posted(dep.body.operation.id);
    const list = await h.call('GET', `/v1/funds/${fund.body.id}/deployments`);
    const details = list.body.items[0].details as { assetCode: string; issuer: string };
    return { fundId: fund.body.id, asset: new Asset(details.assetCode, details.issuer), issuer: details.issuer };
  }

  async function keyFor(role: string, investorId: string): Promise<string> {
    const r = await h.call('POST', '/v1/api-keys', { body: { role, investorId } });
    expect(r.status).toBe(201);
    return r.body.key as string;
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

    for (const [id, w] of [
      [aliceId, alice],
      [bobId, bob],
    ] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: id, chain: CHAIN, address: w.address } });
      expect(r.status).toBe(202);
      await h.posted(r.body.operation.id);
      expect((await w.line(asset))?.is_authorized).toBe(true);
    }

    for (const [id, w, units] of [
      [aliceId, alice, '1000'],
      [bobId, bob, '500.25'],
    ] as const) {
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
    const total =
      Number(onHorizon.balances.authorized) + Number(onHorizon.balances.authorized_to_maintain_liabilities) + Number(onHorizon.balances.unauthorized);
    expect(total.toFixed(2)).toBe('1500.25');

    const rec = await h.call('POST', `/v1/funds/${fundId}/reconciliations`, { body: { chain: CHAIN } });
    expect(rec.status).toBe(200);
    expect(rec.body.items).toEqual([expect.objectContaining({ chain: CHAIN, status: 'clean', ledgerSupply: '1500.25', chainSupply: '1500.25' })]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('an investor with 0 spare XLM: sponsored trustline + fee bumps, lost-wallet recovery, redemption by payment to the distribution account', async () => {
    const { fundId, asset, issuer } = await deploy('Sponsored Treasury Fund', 'SPTF');
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details as { distribution: string; redemptionAddress: string };
    expect(details.redemptionAddress).toBe(details.distribution);
    const carolId = await investor('Carol Holdings', 'verified');
    const funder = new InvestorWallet(h);
    await funder.fund();
    const [carol, carolNew, stranger] = [new InvestorWallet(h), new InvestorWallet(h), new InvestorWallet(h)];
    for (const w of [carol, carolNew, stranger]) await w.createFrom(funder, '1'); // exactly the 1 XLM minimum balance

    /** Trustline through the API: sponsor-signed XDR, co-signed by the wallet, fee-bumped by the platform. */
    async function sponsoredTrust(w: InvestorWallet): Promise<void> {
      const t = await h.call('POST', `/v1/funds/${fundId}/stellar/trustline-transactions`, { body: { investorId: carolId, chain: CHAIN, address: w.address } });
      expect(t.status, JSON.stringify(t.body)).toBe(200);
      expect(t.body).toMatchObject({ chain: CHAIN, address: w.address, sponsor: issuer, networkPassphrase: h.passphrase });
      const bumped = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, { body: { chain: CHAIN, xdr: w.cosign(t.body.xdr) } });
      expect(bumped.status, JSON.stringify(bumped.body)).toBe(200);
      expect(bumped.body).toMatchObject({ innerHash: t.body.hash, source: w.address, feeAccount: details.distribution });
      expect(await w.line(asset)).toMatchObject({ balance: '0.0000000', is_authorized: false, sponsor: issuer });
    }
    await sponsoredTrust(carol);
    expect(await carol.xlm()).toBe('1.0000000');

    // What the fee account will not pay for: bad XDR, other operations, unknown wallets.
    const garbage = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, { body: { chain: CHAIN, xdr: 'bm90IGEgdHJhbnNhY3Rpb24=' } });
    expect([garbage.status, garbage.body.code, garbage.headers.get('content-type')]).toEqual([
      400,
      'VALIDATION_FAILED',
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    const setOptions = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, {
      body: { chain: CHAIN, xdr: await carol.signedXdr(Operation.setOptions({ homeDomain: 'evil.example' })) },
    });
    expect([setOptions.status, setOptions.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, {
      body: { chain: CHAIN, xdr: await stranger.signedXdr(Operation.changeTrust({ asset })) },
    });
    expect([unknown.status, unknown.body.code, unknown.body.meta?.reason]).toEqual([422, 'POLICY_DENIED', 'UNKNOWN_WALLET']);
    // An investor key acts for its own investor only: Dave can neither sponsor nor fee-bump Carol's wallet.
    const daveKey = await keyFor('investor', await investor('Dave Fund LP', 'verified'));
    const foreignTrust = await h.call('POST', `/v1/funds/${fundId}/stellar/trustline-transactions`, {
      key: daveKey,
      body: { investorId: carolId, chain: CHAIN, address: carolNew.address },
    });
    expect([foreignTrust.status, foreignTrust.body.code]).toEqual([403, 'FORBIDDEN']);
    const foreignBump = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, {
      key: daveKey,
      body: { chain: CHAIN, xdr: await carol.signedXdr(Operation.payment({ destination: details.distribution, asset, amount: '1' })) },
    });
    expect([foreignBump.status, foreignBump.body.code]).toEqual([403, 'FORBIDDEN']);

    const reg = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: carolId, chain: CHAIN, address: carol.address } });
    expect(reg.status).toBe(202);
    await h.posted(reg.body.operation.id);
    const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, {
      body: { investorId: carolId, chain: CHAIN, address: carol.address, units: '100' },
    });
    expect(sub.status).toBe(202);
    await h.posted(sub.body.operation.id);
    expect((await carol.line(asset))?.balance).toBe('100.0000000');

    // Carol loses her key: her new wallet gets a sponsored trustline, the recovery authorizes it in the same transaction.
    await sponsoredTrust(carolNew);
    const rec = await h.call('POST', `/v1/funds/${fundId}/recoveries`, { body: { chain: CHAIN, from: carol.address, to: carolNew.address } });
    expect(rec.status, JSON.stringify(rec.body)).toBe(202);
    await h.posted(rec.body.operation.id);
    expect(await carol.line(asset)).toMatchObject({ balance: '0.0000000', is_authorized: false });
    expect(await carolNew.line(asset)).toMatchObject({ balance: '100.0000000', is_authorized: true });

    // Redemption on chain: a fee-bumped payment of 40 to the distribution account; the engine burns it.
    const pay = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, {
      body: { chain: CHAIN, xdr: await carolNew.signedXdr(Operation.payment({ destination: details.redemptionAddress, asset, amount: '40' })) },
    });
    expect(pay.status, JSON.stringify(pay.body)).toBe(200);
    expect(await carolNew.xlm()).toBe('1.0000000'); // never paid a fee
    const redemption = await until(async () => {
      const list = await h.call('GET', `/v1/funds/${fundId}/redemptions`);
      return (list.body.items as { txHash?: string; units: string }[] | undefined)?.find((r) => r.units === '40');
    });
    expect(redemption).toBeDefined();
    await until(async () => {
      const dist = await h.server.loadAccount(details.distribution);
      const line = dist.balances.find((b) => 'asset_code' in b && b.asset_code === 'SPTF') as { balance: string } | undefined;
      return line?.balance === '0.0000000';
    });
    const onHorizon = (await h.server.assets().forCode('SPTF').forIssuer(issuer).call()).records[0]!;
    expect(onHorizon.balances.authorized).toBe('60.0000000');
    const supply = await until(async () => {
      const r = await h.call('GET', `/v1/funds/${fundId}/supply`);
      return r.body.chains?.[0]?.ledgerSupply === '60' ? r : undefined;
    });
    expect(supply!.body).toMatchObject({ unitsOutstanding: '60', invariantHolds: true });
    expect(supply!.body.chains).toEqual([expect.objectContaining({ chain: CHAIN, ledgerSupply: '60', chainSupply: '60', inSync: true })]);
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
    expect(entry).toContain(`attestation_of_reserve = "${PUBLIC_URL}/public/funds/${fundId}/attestations/latest"`);
    // The link answers without a key (issue 16: it used to be a route that answered 401).
    const link = entry!.match(/attestation_of_reserve = "([^"]+)"/)![1]!;
    const proof = await h.call('GET', link.slice(PUBLIC_URL.length), { key: undefined });
    expect([proof.status, proof.body.code], proof.text).toEqual([404, 'NOT_FOUND']); // no attestation signed yet; not a 401
    expect(r.text).toMatch(new RegExp(`ACCOUNTS = \\[.*"${issuer}"`));
  });
});
