import { Asset, Keypair, Networks, Operation, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listSep8Approvals } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet, PUBLIC_URL, resultCodesOf, startStellarHarness, type StellarHarness } from './support/stellar.ts';

const CHAIN = 'stellar:local';

async function until<T>(f: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never met');
}

/**
 * Issue 14: a fund's Stellar deployment as a SEP-8 regulated asset, with investors acting
 * through @stellar/stellar-sdk as their wallets would and the approval server as the only way
 * to move units between them.
 */
describeEachBackend('SEP-8 approval server on stellar:local (local ledger + running worker)', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend);
  });
  afterAll(() => h?.close());

  /** POST tx to the approval server, form-encoded as SEP-8 shows (JSON is accepted too). */
  async function approve(fundId: string, tx: string, json = false) {
    const res = await h.app.request(
      `/stellar/sep8/${fundId}/tx_approve`,
      json
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tx }) }
        : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ tx }).toString() },
    );
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  }

  /** A wallet's own transaction: built, signed, not submitted. */
  async function signed(w: InvestorWallet, ops: ReturnType<typeof Operation.payment>[], o: { fee?: string; passphrase?: string } = {}): Promise<string> {
    const account = await h.server.loadAccount(w.address);
    const b = new TransactionBuilder(account, { fee: o.fee ?? '100', networkPassphrase: o.passphrase ?? h.passphrase }).setTimeout(120);
    for (const op of ops) b.addOperation(op);
    const tx = b.build();
    tx.sign(w.kp);
    return tx.toEnvelope().toXdr('base64');
  }

  const capUnits = async (fundId: string, investorId: string) => {
    const r = await h.call('GET', `/v1/funds/${fundId}/cap-table`);
    return (r.body.items as { investorId: string; total: string }[]).find((x) => x.investorId === investorId)?.total;
  };

  it('A pays B through the approval server; limits, unknown receivers, malformed and foreign transactions; straight payments fail on chain', async () => {
    // A new fund is SEP-8 regulated on Stellar by default.
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'Regulated Treasury', symbol: 'RTF', decimals: 6, policy: { maxHolding: '1000' } } });
    expect(fund.status).toBe(201);
    expect(fund.body.stellarSep8).toBe(true);
    const fundId = fund.body.id as string;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    await h.posted(dep.body.operation.id);
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details as Record<string, string>;
    expect(details.sep8).toBe('true');
    const asset = new Asset(details.assetCode!, details.issuer!);

    // stellar.toml advertises the approval server (SEP-8 "SEP-1 stellar.toml").
    const toml = await (await h.app.request('/.well-known/stellar.toml')).text();
    const server = `${PUBLIC_URL}/stellar/sep8/${fundId}/tx_approve`;
    expect(toml).toContain('regulated = true');
    expect(toml).toContain(`approval_server = "${server}"`);
    expect(toml).toMatch(/approval_criteria = ".*maximum holding per investor/);

    const investor = async (legalName: string) =>
      (await h.call('POST', '/v1/investors', { body: { legalName, jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' } })).body
        .id as string;
    const [aliceId, bobId] = [await investor('Alice Capital'), await investor('Bob Partners')];
    const [alice, bob, stranger] = [new InvestorWallet(h), new InvestorWallet(h), new InvestorWallet(h)];
    await Promise.all([alice, bob, stranger].map((w) => w.fund()));
    await Promise.all([alice, bob, stranger].map((w) => w.trust(asset)));
    for (const [id, w] of [
      [aliceId, alice],
      [bobId, bob],
    ] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: id, chain: CHAIN, address: w.address } });
      expect(r.status).toBe(202);
      await h.posted(r.body.operation.id);
      // Registered lines REST authorized to maintain liabilities: no payment in or out on their own.
      expect(await w.line(asset)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });
    }
    // Mints are sandwiched by the platform: the lines are woken for the payment and rest again.
    for (const [id, w, units] of [
      [aliceId, alice, '600'],
      [bobId, bob, '300'],
    ] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId: id, chain: CHAIN, address: w.address, units } });
      expect(r.status).toBe(202);
      await h.posted(r.body.operation.id);
    }
    expect(await alice.line(asset)).toMatchObject({ balance: '600.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: true });

    // Straight to the ledger without approval: refused on chain.
    expect(await resultCodesOf(alice.pay(bob.address, asset, '1'))).toEqual({ transaction: 'tx_failed', operations: ['op_not_authorized'] });

    // A → B through the approval server: revised, same source and sequence, issuer-signed.
    const sent = await signed(alice, [Operation.payment({ destination: bob.address, asset, amount: '100' })]);
    const first = await approve(fundId, sent);
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.body).toMatchObject({ status: 'revised', message: expect.stringMatching(/Authorization and deauthorization operations were added/) });
    const original = TransactionBuilder.fromXDR(sent, h.passphrase) as Transaction;
    const revised = TransactionBuilder.fromXDR(first.body.tx, h.passphrase) as Transaction;
    expect([revised.source, revised.sequence]).toEqual([original.source, original.sequence]);
    expect(revised.operations.map((o) => [o.type, o.source ?? revised.source])).toEqual([
      ['setTrustLineFlags', details.issuer],
      ['setTrustLineFlags', details.issuer],
      ['payment', alice.address],
      ['setTrustLineFlags', details.issuer],
      ['setTrustLineFlags', details.issuer],
    ]);
    expect(revised.signatures.map((s) => Buffer.from(s.hint.toBytes()).toString('hex'))).toEqual([
      Buffer.from(Keypair.fromPublicKey(details.issuer!).signatureHint()).toString('hex'),
    ]);
    // The same transaction twice → the same answer (JSON too).
    expect(await approve(fundId, sent, true)).toMatchObject({ status: 200, body: first.body });

    revised.sign(alice.kp);
    // Sent back as revised and signed, it is already compliant: success, the same transaction, no second issuer signature.
    const again = await approve(fundId, revised.toEnvelope().toXdr('base64'));
    expect(again.body).toMatchObject({ status: 'success', tx: revised.toEnvelope().toXdr('base64') });
    await h.server.submitTransaction(revised);
    expect(await alice.line(asset)).toMatchObject({ balance: '500.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: true });
    expect(await bob.line(asset)).toMatchObject({ balance: '400.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: true });
    // The cap table follows from the ingest (the holder-to-holder payment sits in the issuer's sandwich).
    await until(async () => (await capUnits(fundId, bobId)) === '400');
    expect(await capUnits(fundId, aliceId)).toBe('500');

    // B over its maximum holding (1000 units across every chain): rejected naming the rule and numbers.
    const tooMuch = await signed(alice, [Operation.payment({ destination: bob.address, asset, amount: '700' })]);
    const over = await approve(fundId, tooMuch);
    expect(over.status).toBe(400);
    expect(over.body.status).toBe('rejected');
    expect(over.body.error).toMatch(/receiver .* max_holding .*limit 1000 units, would be 1100 units/);
    expect(await approve(fundId, tooMuch)).toMatchObject({ status: 400, body: over.body });

    // The first approval has landed: tracked as such once the server looks again.
    const rows = await listSep8Approvals(h.db, { fundId });
    expect(rows.find((r) => r.txHash === Buffer.from(original.hash()).toString('hex'))?.state).toBe('landed');

    // An unknown receiver (a trustline, no onboarding): action_required with where to go.
    const toStranger = await approve(fundId, await signed(alice, [Operation.payment({ destination: stranger.address, asset, amount: '1' })]));
    expect(toStranger.status).toBe(200);
    expect(toStranger.body).toMatchObject({ status: 'action_required', action_method: 'GET', action_fields: expect.arrayContaining(['email_address']) });
    expect(toStranger.body.action_url).toContain(`account=${stranger.address}`);

    // Malformed, foreign (signed for another network), other operations, fee too high: rejected with the reason.
    expect(await approve(fundId, 'bm90IGEgdHJhbnNhY3Rpb24=')).toMatchObject({
      status: 400,
      body: { status: 'rejected', error: expect.stringMatching(/not a base64 Stellar transaction envelope/) },
    });
    const foreign = await approve(
      fundId,
      await signed(alice, [Operation.payment({ destination: bob.address, asset, amount: '1' })], { passphrase: Networks.TESTNET }),
    );
    expect(foreign).toMatchObject({ status: 400, body: { status: 'rejected', error: expect.stringMatching(/not signed by its source .* for this network/) } });
    const other = await approve(fundId, await signed(alice, [Operation.setOptions({ homeDomain: 'x.example' }) as never]));
    expect(other.body.error).toMatch(/operation 0 \(setOptions\) is not allowed: only payments of RTF:/);
    const xlm = await approve(fundId, await signed(alice, [Operation.payment({ destination: bob.address, asset: Asset.native(), amount: '1' })]));
    expect(xlm.body.error).toMatch(/pays another asset than RTF/);
    const fee = await approve(fundId, await signed(alice, [Operation.payment({ destination: bob.address, asset, amount: '1' })], { fee: '5000' }));
    expect(fee.body.error).toMatch(/fee bids 5000 stroops per operation, above the maximum of 1000/);
    expect((await approve(fundId, '')).body).toMatchObject({ status: 'rejected', error: expect.stringMatching(/missing the tx parameter/) });

    // A payment to the redemption address is approved as a redemption and lands.
    const redeem = await approve(fundId, await signed(alice, [Operation.payment({ destination: details.redemptionAddress!, asset, amount: '50' })]));
    expect(redeem.body.status).toBe('revised');
    const redeemTx = TransactionBuilder.fromXDR(redeem.body.tx, h.passphrase) as Transaction;
    expect(redeemTx.operations.map((o) => o.type)).toEqual(['setTrustLineFlags', 'payment', 'setTrustLineFlags']);
    redeemTx.sign(alice.kp);
    // An investor without spare XLM submits the approved transaction through the platform's fee bump.
    const bumped = await h.call('POST', `/v1/funds/${fundId}/stellar/fee-bumps`, { body: { chain: CHAIN, xdr: redeemTx.toEnvelope().toXdr('base64') } });
    expect(bumped.status, bumped.text).toBe(200);
    await until(async () => ((await h.call('GET', `/v1/funds/${fundId}/redemptions`)).body.items as unknown[]).length === 1);

    // CORS preflight, and a fund without SEP-8 has no approval server.
    const pre = await h.app.request(`/stellar/sep8/${fundId}/tx_approve`, { method: 'OPTIONS' });
    expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
    const plain = await h.call('POST', '/v1/funds', { body: { name: 'Plain', symbol: 'PLN', stellarSep8: false } });
    expect((await approve(plain.body.id, sent)).status).toBe(404);
  });

  it('approvals not landed yet count toward the receiver; max holders across chains; KYC; rate limit per source', async () => {
    const fund = await h.call('POST', '/v1/funds', {
      body: { name: 'Regulated Two', symbol: 'RT2', decimals: 6, policy: { maxHolding: '100', maxHolders: 2 } },
    });
    const fundId = fund.body.id as string;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    await h.posted(dep.body.operation.id);
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details as Record<string, string>;
    const asset = new Asset(details.assetCode!, details.issuer!);
    const onboard = async (legalName: string, units?: string) => {
      const id = (await h.call('POST', '/v1/investors', { body: { legalName, jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' } })).body
        .id as string;
      const w = new InvestorWallet(h);
      await w.fund();
      await w.trust(asset);
      await h.posted((await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: id, chain: CHAIN, address: w.address } })).body.operation.id);
      if (units)
        await h.posted(
          (await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId: id, chain: CHAIN, address: w.address, units } })).body.operation.id,
        );
      return { id, w };
    };
    const a = await onboard('Ann', '100');
    const b = await onboard('Ben', '10');
    const c = await onboard('Cid');

    // Two approvals to Ben, each within his limit alone: the second counts the first (not landed yet).
    const first = await approve(fundId, await signed(a.w, [Operation.payment({ destination: b.w.address, asset, amount: '60' })]));
    expect(first.body.status).toBe('revised');
    const second = await approve(fundId, await signed(a.w, [Operation.payment({ destination: b.w.address, asset, amount: '40' })]));
    expect(second.body.error).toMatch(/max_holding .*limit 100 units, would be 110 units/);

    // Ann and Ben hold: Cid would be a third holder (max 2, counted across chains).
    const third = await approve(fundId, await signed(a.w, [Operation.payment({ destination: c.w.address, asset, amount: '1' })]));
    expect(third.body.error).toMatch(/receiver .* max_holders/);

    // A sender whose KYC is back to pending cannot transfer (a redemption stays possible: exits are
    // never blocked). Pending, not expired: an expired KYC also deauthorizes the lines on chain.
    expect(
      (await h.call('PATCH', `/v1/investors/${a.id}/kyc`, { body: { kycStatus: 'pending', kycExpiresAt: new Date(Date.now() + 86_400_000).toISOString() } }))
        .status,
    ).toBe(200);
    const unverified = await approve(fundId, await signed(a.w, [Operation.payment({ destination: b.w.address, asset, amount: '1' })]));
    expect(unverified.body.error).toMatch(/sender .* kyc_required/);
    const exit = await approve(fundId, await signed(a.w, [Operation.payment({ destination: details.redemptionAddress!, asset, amount: '1' })]));
    expect(exit.body.status).toBe('revised');

    // Rate limit per source account: new transactions beyond the limit wait (429, pending + Retry-After).
    let limited: Awaited<ReturnType<typeof approve>> | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await approve(fundId, await signed(b.w, [Operation.payment({ destination: a.w.address, asset, amount: String(1 + i / 1000) })]));
      if (r.status === 429) limited = r;
    }
    expect(limited?.body).toMatchObject({ status: 'pending', timeout: expect.any(Number), message: expect.stringMatching(/rate limit/) });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
