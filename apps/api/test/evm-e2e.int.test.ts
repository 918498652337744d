import type { Wallet } from 'ethers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evmAbi, readContract } from '@fiscus/chain-evm';
import type { Deployment } from '@fiscus/core';
import type { AnvilNode } from '@fiscus/devnet';
import { schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { and, eq } from 'drizzle-orm';
import { EVM_CHAIN as CHAIN, startEvmHarness, startFileAnvil, type EvmHarness } from './support/evm.ts';

const units = (n: string) => BigInt(Math.round(Number(n) * 1e6)); // test literals only: decimals 6

/**
 * The issue-3 walk on a real anvil, with investors signing their own ERC-20 transfers.
 * Covers recovery of a lost wallet (POST /v1/funds/{id}/recoveries) and redemption by an on-chain
 * transfer to the deployment's redemptionAddress (ingest → redemption → agent burn).
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

  /** The burn the ingester requested for the fund's on-chain redemption (ingest runs every 2 s). */
  async function redemptionBurn(fundId: string): Promise<string> {
    for (let i = 0; i < 400; i++) {
      const [row] = await h.db
        .select()
        .from(schema.redemptions)
        .where(and(eq(schema.redemptions.fundId, fundId), eq(schema.redemptions.source, 'onchain_transfer')));
      if (row?.burnOperationId) return row.burnOperationId;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no redemption burn was requested for the transfer to the redemption wallet');
  }

  it('deploy → onboard → subscribe → holder transfers, refusals, freeze, forced transfer, recovery, policy update → redemption by transfer → supply = chain → clean reconciliation', async () => {
    const fund = await h.call('POST', '/v1/funds', {
      body: { name: 'EVM Treasury Fund', symbol: 'ETF', decimals: 6, policy: { blockedJurisdictions: ['RU'] } },
    });
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

    for (const [id, w, amount] of [
      [aliceId, alice, '1000'],
      [bobId, bob, '500.25'],
    ] as const) {
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

    // Recovery: Alice lost her wallet. Her new wallet is registered first (same investor); the
    // recovery moves the whole on-chain balance and her identity's registration to it.
    const alice2 = await h.investorWallet();
    await register(fundId, aliceId, alice2);
    const identityOf = (a: string) => readContract<string>(h.driver.provider, evmAbi.identityRegistry, deployment.details.identityRegistry!, 'identity', [a]);
    const aliceIdentity = await identityOf(alice.address);
    const toOther = await h.call('POST', `/v1/funds/${fundId}/recoveries`, { body: { chain: CHAIN, from: alice.address, to: bob.address } });
    expect(toOther.status, toOther.text).toBe(400);
    expect(toOther.body).toMatchObject({ code: 'VALIDATION_FAILED', meta: { field: 'to', reason: 'different_investor' } });
    const unknown = await h.call('POST', `/v1/funds/${fundId}/recoveries`, { body: { chain: CHAIN, from: alice.address, to: stranger.address } });
    expect(unknown.status).toBe(404);
    const recovery = await h.call('POST', `/v1/funds/${fundId}/recoveries`, { body: { chain: CHAIN, from: alice.address, to: alice2.address } });
    expect(recovery.status, recovery.text).toBe(202);
    expect(recovery.body.operation.body).toMatchObject({ kind: 'recover', units: '1100.25' });
    await h.posted(recovery.body.operation.id);
    expect(await h.driver.balanceOf(deployment, alice2.address)).toBe(units('1100.25'));
    expect(await h.driver.balanceOf(deployment, alice.address)).toBe(0n);
    expect(await identityOf(alice2.address)).toBe(aliceIdentity);
    expect(await h.driver.isAuthorized(deployment, alice.address)).toBe(false);
    const standing = async (address: string) => {
      const [row] = await h.db
        .select()
        .from(schema.fundWallets)
        .innerJoin(schema.wallets, eq(schema.wallets.id, schema.fundWallets.walletId))
        .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.wallets.address, address)));
      return row?.fund_wallets;
    };
    // The cap table follows investors' own transfers through the event ingest (every 2 s): the
    // lost wallet's row reaches exactly 0 once the transfers before the recovery are applied.
    for (let i = 0; i < 200 && (await standing(alice.address))?.units !== 0n; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await standing(alice.address)).toMatchObject({ status: 'recovered', units: 0n });
    expect(await standing(alice2.address)).toMatchObject({ status: 'authorized', units: units('1100.25') });
    expect(await h.driver.totalSupply(deployment)).toBe(units('1500.25'));
    await expect(h.transfer(alice, token!, bob.address, units('1'))).rejects.toThrow(); // the lost wallet is out

    // A policy update reaches the chain: blocking DE makes the token refuse transfers to Bob.
    const put = await h.call('PUT', `/v1/funds/${fundId}/policy`, { body: { blockedJurisdictions: ['RU', 'DE'] } });
    expect(put.status, put.text).toBe(200);
    expect(await blockedOnChain()).toEqual([276, 643]);
    await expect(h.transfer(alice2, token!, bob.address, units('1'))).rejects.toThrow();
    const blocked = await h.driver.explainTransfer(deployment, { from: alice2.address, to: bob.address, units: units('1') });
    expect(blocked).toMatchObject({ code: 'POLICY_DENIED', meta: { rule: 'jurisdiction_blocked' } });
    // The same policy again sends nothing (applyPolicy compares with the modules first).
    expect(await h.driver.applyPolicy(deployment, { blockedJurisdictions: ['DE', 'RU'], kycRequired: true })).toBe(0);

    // Redemption by on-chain transfer: Alice sends units to the fund's redemption wallet (exempt
    // from the limits); the worker's ingest opens a redemption and the engine burns them as agent.
    const redemptionAddress = deployment.details.redemptionAddress!;
    expect(await h.driver.isAuthorized(deployment, redemptionAddress)).toBe(true);
    await h.transfer(alice2, token!, redemptionAddress, units('100.25'));
    const burnId = await redemptionBurn(fundId);
    await h.posted(burnId);
    expect(await h.driver.balanceOf(deployment, redemptionAddress)).toBe(0n);
    expect(await standing(alice2.address)).toMatchObject({ units: units('1000') });

    // Supply: ledger = chain (holder transfers, forced transfers and recovery never change it; the
    // redemption's burn does, on both sides).
    expect(await h.driver.totalSupply(deployment)).toBe(units('1400'));
    const supply = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1400', invariantHolds: true });
    expect(supply.body.chains).toEqual([expect.objectContaining({ chain: CHAIN, ledgerSupply: '1400', chainSupply: '1400', inSync: true })]);

    const rec = await h.call('POST', `/v1/funds/${fundId}/reconciliations`, { body: { chain: CHAIN } });
    expect(rec.status).toBe(200);
    expect(rec.body.items).toEqual([expect.objectContaining({ chain: CHAIN, status: 'clean', ledgerSupply: '1400', chainSupply: '1400' })]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  });
});
