import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainOperation, Deployment, TxStatus } from '@fiscus/core';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import {
  waitForReceipt,
  EvmDriver,
  devSecp256k1Signer,
  ensureInfrastructure,
  evmAbi,
  readContract,
  signerAddress,
  type EvmInfrastructure,
} from '../src/index.ts';
import { GATE_ROLE_IDS } from '../src/roles/gate.ts';

const ETH = 10n ** 18n;

/** prepare → submit → settled, the nonce of whichever key the driver picks for `op`. */
async function send(driver: EvmDriver, d: Deployment, op: ChainOperation): Promise<{ status: TxStatus; signer: string }> {
  const signer = driver.signerFor(op, d);
  const tx = await driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(signer) });
  await driver.submit(tx);
  for (;;) {
    const status = await driver.status(tx);
    if (status.kind !== 'pending' && status.kind !== 'unknown') return { status, signer: tx.signer };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('EVM least privilege: each key holds its own role on the agent gate; the chain refuses the rest (anvil)', () => {
  let anvil: AnvilNode;
  let infra: EvmInfrastructure;
  let driver: EvmDriver;
  let d: Deployment;
  const keys = Object.fromEntries(
    ['admin', 'operator', 'claim', 'minter', 'minter2', 'compliance', 'oracle'].map((k) => [k, Wallet.createRandom().privateKey]),
  );
  const signer = (k: string) => devSecp256k1Signer(keys[k]!);
  const holder = Wallet.createRandom().address;

  /** A transaction sent with the raw key (as an attacker holding it would), past every check of ours: did it land? */
  async function landsWith(key: string, to: string, data: string): Promise<boolean> {
    const wallet = new Wallet(keys[key]!, driver.provider);
    const tx = await wallet.sendTransaction({ to, data, gasLimit: 500_000n });
    const receipt = await waitForReceipt(driver.provider, tx.hash);
    return receipt!.status === 1;
  }

  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 31_337 });
    for (const k of Object.keys(keys)) await anvil.cheats.setBalance(signerAddress(signer(k)), 100n * ETH);
    infra = await ensureInfrastructure({
      url: anvil.url,
      chainId: 31_337n,
      admin: signer('admin'),
      operator: signer('operator'),
      claimSigner: signer('claim'),
      roles: { minter: signer('minter'), compliance: signer('compliance'), oracle: signer('oracle') },
    });
    driver = new EvmDriver({
      chainId: 31_337n,
      url: anvil.url,
      admin: signer('admin'),
      operator: signer('operator'),
      claimSigner: signer('claim'),
      // minter2 is configured beside the current minting key: the rotation below moves to it.
      roleKeys: { minter: [signer('minter'), signer('minter2')], compliance: [signer('compliance')], oracle: [signer('oracle')] },
      infrastructure: infra,
    });
    d = await driver.deploy({ id: 'lp-fund', name: 'LP Fund', symbol: 'LPF', decimals: 6 });
  }, 120_000);
  afterAll(async () => {
    driver?.provider.destroy();
    await anvil?.stop();
  });

  it('signs each operation with its role key: onboarding by compliance, mint by the minter, NAV by the oracle', async () => {
    const onboard = await send(driver, d, { kind: 'authorize', address: holder, investorId: 'inv-lp', country: 840 });
    expect(onboard).toMatchObject({ status: { kind: 'confirmed' }, signer: signerAddress(signer('compliance')) });
    const mint = await send(driver, d, { kind: 'mint', to: holder, units: 500n });
    expect(mint).toMatchObject({ status: { kind: 'confirmed' }, signer: signerAddress(signer('minter')) });
    const nav = await send(driver, d, { kind: 'publishNav', value: 1_000_000n, scale: 6, round: 1n, at: 1_700_000_000 });
    expect(nav).toMatchObject({ status: { kind: 'confirmed' }, signer: signerAddress(signer('oracle')) });
    expect(await driver.balanceOf(d, holder)).toBe(500n);
  });

  it('a compromised minting key cannot freeze, force-transfer, pause, publish NAV, change policy or grant itself roles', async () => {
    const token = d.details.token!;
    const gate = infra.agentGate!;
    const viaGate = (to: string, data: string) => evmAbi.agentGate.encodeFunctionData('execute', [to, data]);
    const freeze = evmAbi.token.encodeFunctionData('setAddressFrozen', [holder, true]);
    const forced = evmAbi.token.encodeFunctionData('forcedTransfer', [holder, signerAddress(signer('minter')), 1n]);
    const pause = evmAbi.token.encodeFunctionData('pause');
    const publish = evmAbi.navFeed.encodeFunctionData('publish', [9n, 1n, 1n]);
    const policy = evmAbi.compliance.encodeFunctionData('callModuleFunction', [
      evmAbi.jurisdiction.encodeFunctionData('setJurisdictions', [[], [840]]),
      d.details.jurisdictionModule!,
    ]);
    const attempts: [string, string][] = [
      [gate, viaGate(token, freeze)],
      [token, freeze],
      [gate, viaGate(token, forced)],
      [gate, viaGate(token, pause)],
      [gate, viaGate(d.details.navFeed!, publish)],
      [d.details.navFeed!, publish],
      [d.details.compliance!, policy],
      [gate, evmAbi.agentGate.encodeFunctionData('grantRole', [GATE_ROLE_IDS.compliance, signerAddress(signer('minter'))])],
      // A selector outside the table (the token's agent management) is refused for every role.
      [gate, viaGate(token, evmAbi.token.encodeFunctionData('addAgent', [signerAddress(signer('minter'))]))],
    ];
    for (const [to, data] of attempts) expect(await landsWith('minter', to, data)).toBe(false);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'isFrozen', [holder])).toBe(false);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'paused')).toBe(false);
    expect(await readContract<bigint>(driver.provider, evmAbi.navFeed, d.details.navFeed!, 'latestRound')).toBe(1n);
    // …while the same key still mints through the gate: the refusals above are the role's, not a broken key.
    expect(await landsWith('minter', gate, viaGate(token, evmAbi.token.encodeFunctionData('mint', [holder, 1n])))).toBe(true);
  });

  it('the compliance and oracle keys cannot mint; the operator and admin keys are not agents at all', async () => {
    const mint = evmAbi.agentGate.encodeFunctionData('execute', [d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 7n])]);
    for (const k of ['compliance', 'oracle', 'operator']) expect(await landsWith(k, infra.agentGate!, mint)).toBe(false);
    expect(await landsWith('operator', d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 7n]))).toBe(false);
    expect(await driver.balanceOf(d, holder)).toBe(501n);
  });

  it('rotateKey (signed by the admin) moves the minter role: the old key is refused on chain, the driver signs with the new one', async () => {
    const [old, next] = [signerAddress(signer('minter')), signerAddress(signer('minter2'))];
    const rotation = await send(driver, d, { kind: 'rotateKey', role: 'minter', newAddress: next });
    expect(rotation).toMatchObject({ status: { kind: 'confirmed' }, signer: signerAddress(signer('admin')) });
    const holds = (a: string) => readContract<boolean>(driver.provider, evmAbi.agentGate, infra.agentGate!, 'hasRole', [GATE_ROLE_IDS.minter, a]);
    expect([await holds(old), await holds(next)]).toEqual([false, true]);

    const mint = evmAbi.agentGate.encodeFunctionData('execute', [d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 3n])]);
    expect(await landsWith('minter', infra.agentGate!, mint)).toBe(false);

    // This process last saw the old key: its first prepare finds the rotation and asks for a new sequence.
    const op: ChainOperation = { kind: 'mint', to: holder, units: 10n };
    expect(driver.signerFor(op, d)).toBe(old);
    await expect(driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(old) })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(driver.signerFor(op, d)).toBe(next);
    expect(await send(driver, d, op)).toMatchObject({ status: { kind: 'confirmed' }, signer: next });
    expect(await driver.balanceOf(d, holder)).toBe(511n);
  });

  it('refuses to rotate to a key it is not configured with (nothing could sign after it)', async () => {
    const stranger = Wallet.createRandom().address;
    const op: ChainOperation = { kind: 'rotateKey', role: 'compliance', newAddress: stranger };
    await expect(driver.prepare(op, { deployment: d, sequence: 0n })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
