import type { Wallet } from 'ethers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Deployment } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { ALLOW_LIST_ROLE, notAllowListed } from '@fiscus/devnet';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { AVALANCHE_CHAIN as CHAIN, startAvalancheHarness, type AvalancheHarness } from './support/avalanche.ts';

const units = (n: string) => BigInt(Math.round(Number(n) * 1e6)); // test literals only: decimals 6

/**
 * Issue 5 end to end on the local L1 (Subnet-EVM stand-in from the platform's genesis, allow-list
 * gate in front): investors sign their own transfers and pay gas with coin the NativeMinter
 * topped up at onboarding. Redemption both ways: through the API (burn) and by an on-chain
 * transfer to the deployment's redemption address (ingest → redemption → agent burn).
 */
describeEachBackend('api end to end on the Avalanche L1 stand-in (ERC-3643 + allow lists + running worker)', (backend) => {
  let h: AvalancheHarness;
  beforeAll(async () => {
    h = await startAvalancheHarness(backend);
  }, 180_000); // P-Chain provisioning + L1 contracts deployment; the machine is shared
  afterAll(() => h?.close());

  async function investor(legalName: string, jurisdiction: string): Promise<string> {
    const r = await h.call('POST', '/v1/investors', { body: { legalName, jurisdiction, investorType: 'institutional', kycStatus: 'verified' } });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  async function accepted(method: string, path: string, body: Record<string, unknown>): Promise<any> {
    const r = await h.call(method, path, { body });
    expect(r.status, r.text).toBe(202);
    return h.posted(r.body.operation.id);
  }

  /** The burn the ingester requested for the fund's on-chain redemption (ingest runs every 2 s). */
  async function redemptionBurn(fundId: string): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const [row] = await h.db
        .select()
        .from(schema.redemptions)
        .where(and(eq(schema.redemptions.fundId, fundId), eq(schema.redemptions.source, 'onchain_transfer')));
      if (row?.burnOperationId) return row.burnOperationId;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no redemption burn was requested for the transfer to the redemption address');
  }

  it('deploy → onboard (allow list + identity + gas) → subscribe → transfer → gate refusal → freeze, forced transfer → redemption (API + on-chain transfer) → supply = chain', async () => {
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'L1 Treasury Fund', symbol: 'LTF', decimals: 6 } });
    expect(fund.status).toBe(201);
    const fundId: string = fund.body.id;
    await accepted('POST', `/v1/funds/${fundId}/deployments`, { chain: CHAIN });
    const listed = await h.call('GET', `/v1/funds/${fundId}/deployments`);
    expect(listed.body.items[0]).toMatchObject({ chain: CHAIN, status: 'active' });
    const deployment: Deployment = { chain: CHAIN, details: listed.body.items[0].details };
    const token = deployment.details.token!;

    const [aliceId, bobId] = [await investor('Alice Capital', 'US'), await investor('Bob Partners', 'DE')];
    const [alice, bob, stranger] = [h.investorWallet(), h.investorWallet(), h.investorWallet()];
    const onboard: [string, Wallet][] = [
      [aliceId, alice],
      [bobId, bob],
    ];
    for (const [id, w] of onboard) {
      expect(await h.driver.provider.getBalance(w.address)).toBe(0n);
      await accepted('POST', `/v1/funds/${fundId}/wallets`, { investorId: id, chain: CHAIN, address: w.address });
      // On chain: Enabled on TxAllowList, a verified identity, and gas from the NativeMinter.
      expect(await h.driver.allowListRole('txAllowList', w.address)).toBe(ALLOW_LIST_ROLE.Enabled);
      expect(await h.driver.evm.isAuthorized(deployment, w.address)).toBe(true);
      expect(await h.driver.isAuthorized(deployment, w.address)).toBe(true);
      expect(await h.driver.provider.getBalance(w.address)).toBe(10n ** 18n);
    }

    const subscriptions: [string, Wallet, string][] = [
      [aliceId, alice, '1000'],
      [bobId, bob, '500.25'],
    ];
    for (const [id, w, amount] of subscriptions) {
      const op = await accepted('POST', `/v1/funds/${fundId}/subscriptions`, { investorId: id, chain: CHAIN, address: w.address, units: amount });
      expect(op.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    }

    // Alice pays her own gas (minted at onboarding) for a holder transfer.
    await h.transfer(alice, token, bob.address, units('100'));
    expect(await h.driver.balanceOf(deployment, bob.address)).toBe(units('600.25'));

    // A wallet that was never onboarded cannot even reach the mempool. Subnet-EVM's pool checks the
    // balance before the allow list (core/txpool/validation.go): with no coin it hears about its funds…
    const rejectedBefore = h.node.gate.rejected;
    await expect(h.rawTransfer(stranger, token, alice.address, 1n)).rejects.toSatisfy((e: unknown) =>
      /insufficient funds for gas \* price \+ value: balance 0,/.test(String(h.driver.parseError(e).details)),
    );
    // …and once it holds coin, the allow list refuses it with Subnet-EVM's message.
    await (await alice.connect(h.driver.provider).sendTransaction({ to: stranger.address, value: 10n ** 16n })).wait();
    await expect(h.rawTransfer(stranger, token, alice.address, 1n)).rejects.toSatisfy(
      (e: unknown) =>
        String(h.driver.parseError(e).details).includes(notAllowListed(stranger.address)) && h.driver.parseError(e).code === 'NOT_AUTHORIZED_ON_CHAIN',
    );
    expect(h.node.gate.rejected).toBe(rejectedBefore + 2);

    // Freeze Bob: token frozen AND off the allow list (rejected at the gate); the agent still moves his units.
    await accepted('POST', `/v1/funds/${fundId}/freezes`, { chain: CHAIN, address: bob.address });
    expect(await h.driver.allowListRole('txAllowList', bob.address)).toBe(ALLOW_LIST_ROLE.None);
    await expect(h.rawTransfer(bob, token, alice.address, 1n)).rejects.toSatisfy((e: unknown) =>
      String(h.driver.parseError(e).details).includes(notAllowListed(bob.address)),
    );
    await accepted('POST', `/v1/funds/${fundId}/forced-transfers`, { chain: CHAIN, from: bob.address, to: alice.address, units: '200' });
    expect(await h.driver.balanceOf(deployment, bob.address)).toBe(units('400.25'));
    expect(await h.driver.balanceOf(deployment, alice.address)).toBe(units('1100'));

    // Redemption through the API: the engine burns from Alice's wallet.
    const red = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { investorId: aliceId, chain: CHAIN, address: alice.address, units: '100' } });
    expect(red.status, red.text).toBe(202);
    await h.posted(red.body.operation.id);
    expect(await h.driver.balanceOf(deployment, alice.address)).toBe(units('1000'));

    // On-chain redemption: Alice sends units to the redemption address (a platform signer: it stays
    // allow-listed), the worker's ingest opens a redemption and the engine burns them as agent.
    const redemptionAddress = deployment.details.redemptionAddress!;
    expect(await h.driver.isAuthorized(deployment, redemptionAddress)).toBe(true);
    await h.transfer(alice, token, redemptionAddress, units('50'));
    await h.posted(await redemptionBurn(fundId));
    expect(await h.driver.balanceOf(deployment, redemptionAddress)).toBe(0n);

    expect(await h.driver.totalSupply(deployment)).toBe(units('1350.25'));
    const supply = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1350.25', invariantHolds: true });
    expect(supply.body.chains).toEqual([expect.objectContaining({ chain: CHAIN, ledgerSupply: '1350.25', chainSupply: '1350.25', inSync: true })]);
    expect((await h.call('GET', '/v1/audit/verify')).body).toMatchObject({ ok: true });
  }, 180_000);
});
