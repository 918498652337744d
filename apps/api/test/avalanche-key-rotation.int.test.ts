import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_ROLE_IDS, evmAbi, readContract, waitForReceipt } from '@fiscus/chain-evm';
import { ALLOW_LIST_ROLE } from '@fiscus/devnet';
import { pgliteBackend } from '@fiscus/ledger/testing';
import { AVALANCHE_CHAIN as CHAIN, startAvalancheHarness, type AvalancheHarness } from './support/avalanche.ts';

const keys = { minter: Wallet.createRandom(), next: Wallet.createRandom(), compliance: Wallet.createRandom(), oracle: Wallet.createRandom() };

/**
 * Least privilege on the Avalanche L1 through the API (AVALANCHE_<ROLE>_KEY, local stand-in): the
 * role keys are allow-listed and funded at start, onboarding (+ allow list) is signed by the
 * compliance key, subscriptions by the minter; POST /v1/funds/{id}/key-rotations moves the minting
 * role, after which the old key is refused on chain and mints go on with the new one.
 */
describe('key rotation through the API on the Avalanche L1 stand-in (PGlite, running worker)', () => {
  let h: AvalancheHarness;
  beforeAll(async () => {
    h = await startAvalancheHarness(pgliteBackend, {
      AVALANCHE_MINTER_KEY: keys.minter.privateKey,
      AVALANCHE_MINTER_NEXT_KEY: keys.next.privateKey,
      AVALANCHE_COMPLIANCE_KEY: keys.compliance.privateKey,
      AVALANCHE_ORACLE_KEY: keys.oracle.privateKey,
    });
  }, 240_000);
  afterAll(() => h?.close());

  async function accepted(method: string, path: string, body: Record<string, unknown>): Promise<{ txHash: string } & Record<string, unknown>> {
    const r = await h.call(method, path, { body });
    expect(r.status, r.text).toBe(202);
    return h.posted(r.body.operation.id);
  }
  const signerOf = async (op: { txHash: string }) => (await h.driver.provider.getTransaction(op.txHash))!.from;

  it('signs with the role keys, rotates the minting key, and the old key is refused on chain', async () => {
    for (const w of Object.values(keys)) expect(await h.driver.allowListRole('txAllowList', w.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'L1 Rotation Fund', symbol: 'LRF', decimals: 6 } });
    expect(fund.status, fund.text).toBe(201);
    const fundId: string = fund.body.id;
    await accepted('POST', `/v1/funds/${fundId}/deployments`, { chain: CHAIN });
    const inv = await h.call('POST', '/v1/investors', {
      body: { legalName: 'Alice Capital', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
    });
    const wallet = h.investorWallet().address;
    const reg = await accepted('POST', `/v1/funds/${fundId}/wallets`, { investorId: inv.body.id, chain: CHAIN, address: wallet });
    expect(await signerOf(reg)).toBe(keys.compliance.address);
    expect(await h.driver.allowListRole('txAllowList', wallet)).toBe(ALLOW_LIST_ROLE.Enabled);
    const subscribe = (units: string) =>
      accepted('POST', `/v1/funds/${fundId}/subscriptions`, { investorId: inv.body.id, chain: CHAIN, address: wallet, units });
    expect(await signerOf(await subscribe('10'))).toBe(keys.minter.address);

    const rotated = await accepted('POST', `/v1/funds/${fundId}/key-rotations`, { chain: CHAIN, role: 'minter', newAddress: keys.next.address });
    expect(rotated).toMatchObject({ kind: 'rotateKey', body: { role: 'minter', newAddress: keys.next.address } });

    const dl = await h.call('GET', `/v1/funds/${fundId}/deployments`);
    const token: string = dl.body.items[0].details.token;
    const gate = h.driver.agentGate!;
    expect(await readContract<boolean>(h.driver.provider, evmAbi.agentGate, gate, 'hasRole', [GATE_ROLE_IDS.minter, keys.next.address])).toBe(true);
    // The old key, used directly (as a thief would), is refused by the chain itself.
    const thief = keys.minter.connect(h.driver.provider);
    const data = evmAbi.agentGate.encodeFunctionData('execute', [token, evmAbi.token.encodeFunctionData('mint', [wallet, 1n])]);
    const sent = await thief.sendTransaction({ to: gate, data, gasLimit: 400_000n });
    expect((await waitForReceipt(h.driver.provider, sent.hash))!.status).toBe(0);

    // The platform moves to the new key by itself.
    expect(await signerOf(await subscribe('5'))).toBe(keys.next.address);
    expect(await h.driver.balanceOf({ chain: CHAIN, details: dl.body.items[0].details }, wallet)).toBe(15_000_000n);
  });
});
