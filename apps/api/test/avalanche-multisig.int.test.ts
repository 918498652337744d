import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_ROLE_IDS, evmAbi, readContract } from '@fiscus/chain-evm';
import { pgliteBackend } from '@fiscus/ledger/testing';
import { AVALANCHE_CHAIN as CHAIN, startAvalancheHarness, type AvalancheHarness } from './support/avalanche.ts';

const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
const minter = Wallet.createRandom();

/**
 * AVALANCHE_SAFE_OWNERS through the API on the local L1: the fund's Safe (2 of 3) holds the agent
 * gate's MINTER role; a subscription above the fund's approval threshold is a SafeTx that lands
 * only after the second owner's signature, executed by the (allow-listed) minting key.
 */
describe('Safe approvals through the API on the Avalanche L1 stand-in (PGlite, running worker)', () => {
  let h: AvalancheHarness;
  beforeAll(async () => {
    h = await startAvalancheHarness(pgliteBackend, {
      AVALANCHE_SAFE_OWNERS: owners.map((o) => o.address).join(','),
      AVALANCHE_SAFE_THRESHOLD: '2',
      AVALANCHE_MINTER_KEY: minter.privateKey,
    });
  }, 240_000);
  afterAll(() => h?.close());

  async function accepted(method: string, path: string, body: Record<string, unknown>): Promise<{ txHash: string } & Record<string, unknown>> {
    const r = await h.call(method, path, { body });
    expect(r.status, r.text).toBe(202);
    return h.posted(r.body.operation.id);
  }

  it('2 of 3: nothing lands after the first signature; the second one mints through the Safe and the gate', async () => {
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'L1 Safe Fund', symbol: 'LSF', decimals: 6, mintApprovalThreshold: '100' } });
    expect(fund.status, fund.text).toBe(201);
    const fundId: string = fund.body.id;
    await accepted('POST', `/v1/funds/${fundId}/deployments`, { chain: CHAIN });
    const details = (await h.call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0].details;
    expect(details).toMatchObject({ safeOwners: owners.map((o) => o.address).join(','), safeThreshold: '2' });
    const gate = h.driver.agentGate!;
    expect(await readContract<boolean>(h.driver.provider, evmAbi.agentGate, gate, 'hasRole', [GATE_ROLE_IDS.minter, details.safe])).toBe(true);
    expect(await readContract<boolean>(h.driver.provider, evmAbi.token, details.token, 'isAgent', [details.safe])).toBe(false);

    const inv = await h.call('POST', '/v1/investors', {
      body: { legalName: 'Alice Capital', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
    });
    const wallet = h.investorWallet().address;
    await accepted('POST', `/v1/funds/${fundId}/wallets`, { investorId: inv.body.id, chain: CHAIN, address: wallet });
    const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId: inv.body.id, chain: CHAIN, address: wallet, units: '500' } });
    expect(sub.status, sub.text).toBe(202);
    const opId: string = sub.body.operation.id;
    expect(sub.body.operation).toMatchObject({ state: 'requested', requiresApproval: true });

    const proposal = await h.call('GET', `/v1/operations/${opId}/signatures`);
    expect(proposal.status, proposal.text).toBe(200);
    expect(proposal.body).toMatchObject({ scheme: 'safe-tx', threshold: 2, approvers: owners.map((o) => o.address) });
    const sign = (i: number) =>
      h.call('POST', `/v1/operations/${opId}/signatures`, {
        body: { signer: owners[i]!.address, signature: owners[i]!.signingKey.sign(proposal.body.hash).serialized },
      });
    const first = await sign(0);
    expect(first.status, first.text).toBe(200);
    expect(first.body.state).toBe('requested');
    await new Promise((r) => setTimeout(r, 500)); // the worker is running: it must not send anything
    expect((await h.call('GET', `/v1/operations/${opId}`)).body).toMatchObject({ state: 'requested', txHash: null });
    expect(await h.driver.balanceOf({ chain: CHAIN, details }, wallet)).toBe(0n);

    const second = await sign(2);
    expect(second.status, second.text).toBe(200);
    expect(second.body.state).toBe('approved');
    const posted = await h.posted(opId);
    const tx = (await h.driver.provider.getTransaction(posted.txHash))!;
    // execTransaction on the fund's Safe, sent by the minting key (allow-listed on the L1).
    expect([tx.from, tx.to]).toEqual([minter.address, details.safe]);
    expect(await h.driver.balanceOf({ chain: CHAIN, details }, wallet)).toBe(500_000_000n);
  });
});
