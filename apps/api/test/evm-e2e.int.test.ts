import type { Wallet } from 'ethers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evmAbi, readContract } from '@fiscus/chain-evm';
import type { Deployment } from '@fiscus/core';
import type { AnvilNode } from '@fiscus/devnet';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { EVM_CHAIN as CHAIN, startEvmHarness, startFileAnvil, type EvmHarness } from './support/evm.ts';

const units = (n: string) => BigInt(Math.round(Number(n) * 1e6)); // test literals only: decimals 6

/**
 * The issue-3 walk on a real anvil, with investors signing their own ERC-20 transfers.
 * Not covered here: recovery of a lost wallet through the API (no route yet; the driver's
 * `recover` operation is tested in packages/chain-evm) and redemption by an on-chain transfer to
 * the redemption wallet (needs the event indexer wired into the worker, not done yet).
 */
let anvil: AnvilNode;
beforeAll(async () => {
  anvil = await startFileAnvil();
});
afterAll(() => anvil?.stop());

describeEachBackend('api end to end on eip155:31337 (anvil + ERC-3643 + running worker)', (backend) => {
  let h: EvmHarness;
  beforeAll(async () => {
    h = await startEvmHarness(backend, anvil);
  });
  afterAll(() => h?.close());

  async function investor(legalName: string, jurisdiction: string): Promise<string> {
    const r = await h.call('POST', '/v1/investors', { body: { legalName, jurisdiction, investorType: 'institutional', kycStatus: 'verified' } });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  async function register(fundId: string, investorId: string, w: Wallet): Promise<void> {
    const r = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId, chain: CHAIN, address: w.address } });
    expect(r.status, r.text).toBe(202);
    await h.posted(r.body.operation.id);
  }

  async function enforce(fundId: string, path: string, body: Record<string, string>): Promise<void> {
    const r = await h.call('POST', `/v1/funds/${fundId}/${path}`, { body: { chain: CHAIN, ...body } });
    expect(r.status, r.text).toBe(202);
    await h.posted(r.body.operation.id);
  }

  it('deploy → onboard → subscribe → holder transfers, refusals, freeze, forced transfer, policy update → supply = chain → clean reconciliation', async () => {
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'EVM Treasury Fund', symbol: 'ETF', decimals: 6, policy: { blockedJurisdictions: ['RU'] } } });
    expect(fund.status).toBe(201);
    const fundId: string = fund.body.id;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    expect(dep.status).toBe(202);
    await h.posted(dep.body.operation.id);
    const listed = await h.call('GET', `/v1/funds/${fundId}/deployments`);
    expect(listed.body.items[0]).toMatchObject({ chain: CHAIN, status: 'active' });
    const deployment: Deployment = { chain: CHAIN, details: listed.body.items[0].details };
    const { token, compliance, jurisdictionModule } = deployment.details as Record<string, string>;
    const blockedOnChain = async () =>
      (await readContract<bigint[]>(h.driver.provider, evmAbi.jurisdiction, jurisdictionModule!, 'blockedCountries', [compliance])).map(Number);
    expect(await blockedOnChain()).toEqual([643]); // RU, from the fund's policy at deployment

    const [aliceId, bobId, ivanId] = [await investor('Alice Capital', 'US'), await investor('Bob Partners', 'DE'), await investor('Ivan Holdings', 'RU')];
    const [alice, bob, ivan, stranger] = [await h.investorWallet(), await h.investorWallet(), await h.investorWallet(), await h.investorWallet()];

    // Blocked jurisdiction: refused by the API before anything is signed; nothing on chain.
    const refused = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: ivanId, chain: CHAIN, address: ivan.address } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('POLICY_DENIED');
    expect(await h.driver.isAuthorized(deployment, ivan.address)).toBe(false);

    await register(fundId, aliceId, alice);
    await register(fundId, bobId, bob);
    expect(await h.driver.isAuthorized(deployment, alice.address)).toBe(true);

    for (const [id, w, amount] of [[aliceId, alice, '1000'], [bobId, bob, '500.25']] as const) {
      const r = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId: id, chain: CHAIN, address: w.address, units: amount } });
      expect(r.status, r.text).toBe(202);
      const op = await h.posted(r.body.operation.id);
      expect(op.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    }
    expect(await h.driver.balanceOf(deployment, alice.address)).toBe(units('1000'));

    // Between two verified holders, signed by the holder: the token accepts it.
    await h.transfer(alice, token!, bob.address, units('100'));
    expect(await h.driver.balanceOf(deployment, bob.address)).toBe(units('600.25'));

    // To an address with no verified identity: reverts, and explainTransfer says why.
    await expect(h.transfer(alice, token!, stranger.address, units('1'))).rejects.toThrow();
    const why = await h.driver.explainTransfer(deployment, { from: alice.address, to: stranger.address, units: units('1') });
    expect(why?.code).toBe('NOT_AUTHORIZED_ON_CHAIN');

    // Freeze Bob: his transfers revert; unfreeze: they pass again.
    await enforce(fundId, 'freezes', { address: bob.address });
    await expect(h.transfer(bob, token!, alice.address, units('1'))).rejects.toThrow();
    expect((await h.driver.explainTransfer(deployment, { from: bob.address, to: alice.address, units: units('1') }))?.code).toBe('FROZEN');
    await enforce(fundId, 'unfreezes', { address: bob.address });
    await h.transfer(bob, token!, alice.address, units('0.25'));

    // Forced transfer by the agent.
    await enforce(fundId, 'forced-transfers', { from: bob.address, to: alice.address, units: '200' });
    expect(await h.driver.balanceOf(deployment, bob.address)).toBe(units('400'));
    expect(await h.driver.balanceOf(deployment, alice.address)).toBe(units('1100.25'));

    // A policy update reaches the chain: blocking DE makes the token refuse transfers to Bob.
    const put = await h.call('PUT', `/v1/funds/${fundId}/policy`, { body: { blockedJurisdictions: ['RU', 'DE'] } });
    expect(put.status, put.text).toBe(200);
    expect(await blockedOnChain()).toEqual([276, 643]);
    await expect(h.transfer(alice, token!, bob.address, units('1'))).rejects.toThrow();
    const blocked = await h.driver.explainTransfer(deployment, { from: alice.address, to: bob.address, units: units('1') });
    expect(blocked).toMatchObject({ code: 'POLICY_DENIED', meta: { rule: 'jurisdiction_blocked' } });
    // The same policy again sends nothing (applyPolicy compares with the modules first).
    expect(await h.driver.applyPolicy(deployment, { blockedJurisdictions: ['DE', 'RU'], kycRequired: true })).toBe(0);

    // Supply: ledger = chain (holder transfers and forced transfers never change it).
    expect(await h.driver.totalSupply(deployment)).toBe(units('1500.25'));
    const supply = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1500.25', invariantHolds: true });
    expect(supply.body.chains).toEqual([expect.objectContaining({ chain: CHAIN, ledgerSupply: '1500.25', chainSupply: '1500.25', inSync: true })]);

    const rec = await h.call('POST', `/v1/funds/${fundId}/reconciliations`, { body: { chain: CHAIN } });
    expect(rec.status).toBe(200);
    expect(rec.body.items).toEqual([expect.objectContaining({ chain: CHAIN, status: 'clean', ledgerSupply: '1500.25', chainSupply: '1500.25' })]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  });
});
