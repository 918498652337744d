import { Asset, Keypair, Operation } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet, startStellarHarness, type StellarHarness } from './support/stellar.ts';

const CHAIN = 'stellar:local';
const approvers = [Keypair.random(), Keypair.random(), Keypair.random()];
const sign = (k: Keypair, hash: string) => Buffer.from(k.sign(Buffer.from(hash, 'hex'))).toString('hex');

/**
 * Multi-signature approvals through the API (STELLAR_APPROVERS, 2 of 3): approvers fetch the hash,
 * post their ed25519 signatures, and the mint lands only after the second; bad input gets a 4xx.
 */
describeEachBackend('api: M-of-N approvals on stellar:local', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend, { STELLAR_APPROVERS: approvers.map((k) => k.publicKey()).join(','), STELLAR_APPROVAL_THRESHOLD: '2' });
  }, 180_000);
  afterAll(() => h?.close());

  const keyFor = async (role: string) => (await h.call('POST', '/v1/api-keys', { body: { role } })).body.key as string;

  it('a mint above the threshold is approved by two approvers’ signatures, not by an API key', async () => {
    const fund = await h.call('POST', '/v1/funds', {
      body: { name: 'Signed Fund', symbol: 'SGND', decimals: 6, stellarSep8: false, mintApprovalThreshold: '100' },
    });
    expect(fund.status).toBe(201);
    const fundId = fund.body.id as string;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    await h.posted(dep.body.operation.id);
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details as { assetCode: string; issuer: string };
    const issuer = await h.server.loadAccount(details.issuer);
    expect(issuer.thresholds).toMatchObject({ low_threshold: 1, med_threshold: 3, high_threshold: 3 });
    expect(issuer.signers.filter((s) => approvers.some((k) => k.publicKey() === s.key)).map((s) => s.weight)).toEqual([1, 1, 1]);

    // The platform key alone still authorizes a trustline (LOW threshold).
    const asset = new Asset(details.assetCode, details.issuer);
    const wallet = new InvestorWallet(h);
    await wallet.fund();
    await wallet.submit(Operation.changeTrust({ asset }));
    const inv = await h.call('POST', '/v1/investors', {
      body: { legalName: 'Signed LP', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
    });
    const w = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: inv.body.id, chain: CHAIN, address: wallet.address } });
    await h.posted(w.body.operation.id);

    const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, {
      body: { investorId: inv.body.id, chain: CHAIN, address: wallet.address, units: '500' },
    });
    expect(sub.body.operation).toMatchObject({ state: 'requested', requiresApproval: true });
    const opId = sub.body.operation.id as string;

    const byKey = await h.call('POST', `/v1/operations/${opId}/approve`, { key: await keyFor('compliance') });
    expect(byKey.status).toBe(409);
    expect(byKey.body.detail).toMatch(/signatures/);

    const auditorKey = await keyFor('auditor');
    expect((await h.call('GET', `/v1/operations/${opId}/signatures`, { key: auditorKey })).status).toBe(403);

    const proposal = await h.call('GET', `/v1/operations/${opId}/signatures`);
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({ scheme: 'stellar-tx', threshold: 2, approvers: approvers.map((k) => k.publicKey()), signatures: [] });
    const hash = proposal.body.hash as string;
    expect((await h.call('GET', `/v1/operations/${opId}/signatures`)).body.hash).toBe(hash);

    const post = (body: unknown) => h.call('POST', `/v1/operations/${opId}/signatures`, { body });
    expect((await post({ signer: approvers[0]!.publicKey(), signature: 'not hex' })).status).toBe(400);
    const outsider = Keypair.random();
    const stranger = await post({ signer: outsider.publicKey(), signature: sign(outsider, hash) });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('FORBIDDEN');
    const forged = await post({ signer: approvers[1]!.publicKey(), signature: sign(approvers[0]!, hash) });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('VALIDATION_FAILED');

    const first = await post({ signer: approvers[0]!.publicKey(), signature: sign(approvers[0]!, hash) });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('requested');
    expect((await post({ signer: approvers[0]!.publicKey(), signature: sign(approvers[0]!, hash) })).status).toBe(409);
    await new Promise((r) => setTimeout(r, 300)); // the running worker has had its chances
    expect((await h.call('GET', `/v1/operations/${opId}`)).body).toMatchObject({ state: 'requested', txHash: null });
    expect(await wallet.line(asset)).toMatchObject({ balance: '0.0000000' });

    const second = await post({ signer: approvers[2]!.publicKey(), signature: sign(approvers[2]!, hash) });
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('approved');
    const op = await h.posted(opId);
    expect(op.txHash).toBe(hash); // the transaction the approvers signed is the one that landed
    expect((await wallet.line(asset))?.balance).toBe('500.0000000');
    const signed = op.history.map((e: { detail: { approvalSignature?: { signer: string } } | null }) => e.detail?.approvalSignature?.signer).filter(Boolean);
    expect(signed).toEqual([approvers[0]!.publicKey(), approvers[2]!.publicKey()]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  }, 180_000);
});
