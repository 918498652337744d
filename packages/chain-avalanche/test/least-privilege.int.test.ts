import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet, type InterfaceAbi } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainOperation, Deployment, TxStatus } from '@fiscus/core';
import { ALLOW_LIST_ROLE } from '@fiscus/devnet';
import { AdminSender, GATE_ROLE_IDS, deployInfrastructure, devSecp256k1Signer, evmAbi, readContract, signerAddress, waitForReceipt } from '@fiscus/chain-evm';
import {
  AvalancheDriver,
  PRECOMPILES,
  allowListAbi,
  ensureAvalancheInfrastructure,
  gatekeeperAbi,
  gatekeeperArtifact,
  nativeMinterAbi,
  type AvalancheInfrastructure,
} from '../src/index.ts';
import { startAvalancheTestDevnet, type AvalancheTestDevnet } from './support/devnet.ts';

const ZERO = '0x0000000000000000000000000000000000000000';
const keys = Object.fromEntries(['minter', 'minter2', 'compliance', 'oracle'].map((k) => [k, Wallet.createRandom().privateKey])) as Record<string, string>;
const addressOf = (k: string) => signerAddress(devSecp256k1Signer(keys[k]!));

/** prepare → submit → settled, the nonce of whichever key the driver picks for `op`. */
async function send(driver: AvalancheDriver, d: Deployment, op: ChainOperation): Promise<{ status: TxStatus; signer: string }> {
  const signer = driver.signerFor(op, d);
  const tx = await driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(signer) });
  expect((await driver.submit(tx)).kind).toBe('accepted');
  for (;;) {
    const status = await driver.status(tx);
    if (status.kind !== 'pending' && status.kind !== 'unknown') return { status, signer: tx.signer };
    await new Promise((r) => setTimeout(r, 20));
  }
}

let devnet: AvalancheTestDevnet;
let driver: AvalancheDriver;
let d: Deployment;
const holder = Wallet.createRandom().address;

/** A transaction sent with the raw key (as an attacker holding it would), past every check of ours: did it land? */
async function landsWith(key: string, to: string, data: string): Promise<boolean> {
  const wallet = new Wallet(key, driver.provider);
  const tx = await wallet.sendTransaction({ to, data, gasLimit: 1_000_000n });
  const receipt = await waitForReceipt(driver.provider, tx.hash);
  return receipt!.status === 1;
}

beforeAll(async () => {
  devnet = await startAvalancheTestDevnet({
    // minter2 is configured beside the current minting key: the rotation below moves to it.
    roleKeys: { minter: [keys.minter!, keys.minter2!], compliance: [keys.compliance!], oracle: [keys.oracle!] },
  });
  driver = devnet.driver();
  d = await driver.deploy({ id: 'lp-l1-fund', name: 'LP L1 Fund', symbol: 'LPL', decimals: 6 });
}, 180_000);
afterAll(() => devnet?.close());

describe('Avalanche L1 least privilege: each key holds its own role on the agent gate; the L1 refuses the rest', () => {
  it('deploys the gate as agent, onboarder owner and gatekeeper owner; the gatekeeper holds COMPLIANCE only; role keys are allow-listed', async () => {
    const gate = devnet.infra.agentGate!;
    expect(gate).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const token = d.details.token!;
    expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'isAgent', [gate])).toBe(true);
    for (const a of [driver.operatorAddress, driver.gatekeeper, addressOf('minter'), addressOf('compliance')]) {
      expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'isAgent', [a])).toBe(false);
    }
    expect(await readContract<string>(driver.provider, evmAbi.onboarder, devnet.infra.onboarder, 'owner')).toBe(gate);
    expect(await readContract<string>(driver.provider, gatekeeperAbi(), driver.gatekeeper, 'owner')).toBe(gate);
    const holds = (role: keyof typeof GATE_ROLE_IDS, a: string) =>
      readContract<boolean>(driver.provider, evmAbi.agentGate, gate, 'hasRole', [GATE_ROLE_IDS[role], a]);
    expect([await holds('compliance', driver.gatekeeper), await holds('minter', driver.gatekeeper), await holds('admin', driver.gatekeeper)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(await holds('minter', driver.operatorAddress)).toBe(false);
    for (const k of ['minter', 'minter2', 'compliance', 'oracle']) {
      expect(await driver.allowListRole('txAllowList', addressOf(k))).toBe(ALLOW_LIST_ROLE.Enabled);
    }
    // Only the compliance key onboards (creates identities with its tx.origin): only it is a deployer.
    expect(await driver.allowListRole('contractDeployerAllowList', addressOf('compliance'))).toBe(ALLOW_LIST_ROLE.Enabled);
    expect(await driver.allowListRole('contractDeployerAllowList', addressOf('minter'))).toBe(ALLOW_LIST_ROLE.None);
    expect(driver.capabilities.keyRotation).toBe(true);
  });

  it('signs each operation with its role key: onboarding (+ allow list, atomically) by compliance, mint by the minter, NAV by the oracle', async () => {
    const onboard = await send(driver, d, { kind: 'authorize', address: holder, investorId: 'inv-lp', country: 840 });
    expect(onboard).toMatchObject({ status: { kind: 'confirmed' }, signer: addressOf('compliance') });
    expect(await driver.allowListRole('txAllowList', holder)).toBe(ALLOW_LIST_ROLE.Enabled);
    expect(await driver.provider.getBalance(holder)).toBe(devnet.topUp.amount);
    expect(await driver.isAuthorized(d, holder)).toBe(true);
    const mint = await send(driver, d, { kind: 'mint', to: holder, units: 500n });
    expect(mint).toMatchObject({ status: { kind: 'confirmed' }, signer: addressOf('minter') });
    const nav = await send(driver, d, { kind: 'publishNav', value: 1_000_000n, scale: 6, round: 1n, at: 1_700_000_000 });
    expect(nav).toMatchObject({ status: { kind: 'confirmed' }, signer: addressOf('oracle') });
    expect(await driver.balanceOf(d, holder)).toBe(500n);
    // A full freeze (compliance, through gate → gatekeeper → gate) sets None; unfreeze sets it back.
    expect(await send(driver, d, { kind: 'freeze', address: holder })).toMatchObject({ status: { kind: 'confirmed' }, signer: addressOf('compliance') });
    expect(await driver.allowListRole('txAllowList', holder)).toBe(ALLOW_LIST_ROLE.None);
    expect(await send(driver, d, { kind: 'unfreeze', address: holder })).toMatchObject({ status: { kind: 'confirmed' } });
    expect(await driver.allowListRole('txAllowList', holder)).toBe(ALLOW_LIST_ROLE.Enabled);
  });

  it('a compromised minting key cannot freeze, force-transfer, pause, publish NAV, grant roles or change the allow list', async () => {
    const token = d.details.token!;
    const gate = devnet.infra.agentGate!;
    const minter = addressOf('minter');
    const stranger = Wallet.createRandom().address;
    const viaGate = (to: string, data: string) => evmAbi.agentGate.encodeFunctionData('execute', [to, data]);
    const freeze = evmAbi.token.encodeFunctionData('setAddressFrozen', [holder, true]);
    const forced = evmAbi.token.encodeFunctionData('forcedTransfer', [holder, minter, 1n]);
    const pause = evmAbi.token.encodeFunctionData('pause');
    const publish = evmAbi.navFeed.encodeFunctionData('publish', [9n, 1n, 1n]);
    // The gatekeeper's allow-list work: enable a stranger and mint it gas, with no T-REX call.
    const enableStranger = gatekeeperAbi().encodeFunctionData('execute', [ZERO, '0x', ZERO, [stranger], [], 10n ** 18n, 10n ** 18n]);
    const attempts: [string, string][] = [
      [gate, viaGate(token, freeze)],
      [token, freeze],
      [gate, viaGate(token, forced)],
      [gate, viaGate(token, pause)],
      [gate, viaGate(d.details.navFeed!, publish)],
      [d.details.navFeed!, publish],
      [gate, evmAbi.agentGate.encodeFunctionData('grantRole', [GATE_ROLE_IDS.compliance, minter])],
      [gate, viaGate(token, evmAbi.token.encodeFunctionData('addAgent', [minter]))],
      [gate, viaGate(driver.gatekeeper, enableStranger)],
      [driver.gatekeeper, enableStranger],
      [PRECOMPILES.txAllowList, allowListAbi.encodeFunctionData('setEnabled', [stranger])],
      [PRECOMPILES.contractNativeMinter, nativeMinterAbi.encodeFunctionData('mintNativeCoin', [minter, 10n ** 18n])],
    ];
    for (const [to, data] of attempts) expect([to, data.slice(0, 10), await landsWith(keys.minter!, to, data)]).toEqual([to, data.slice(0, 10), false]);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'isFrozen', [holder])).toBe(false);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, token, 'paused')).toBe(false);
    expect(await readContract<bigint>(driver.provider, evmAbi.navFeed, d.details.navFeed!, 'latestRound')).toBe(1n);
    expect(await driver.allowListRole('txAllowList', stranger)).toBe(ALLOW_LIST_ROLE.None);
    expect(await driver.provider.getBalance(stranger)).toBe(0n);
    // …while the same key still mints through the gate: the refusals above are the role's, not a broken key.
    expect(await landsWith(keys.minter!, gate, viaGate(token, evmAbi.token.encodeFunctionData('mint', [holder, 1n])))).toBe(true);
    expect(await driver.balanceOf(d, holder)).toBe(501n);
  });

  it('the compliance and oracle keys cannot mint; the operator is no agent and cannot reach the gatekeeper', async () => {
    const gate = devnet.infra.agentGate!;
    const mint = evmAbi.agentGate.encodeFunctionData('execute', [d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 7n])]);
    for (const k of [keys.compliance!, keys.oracle!, devnet.keys.operator]) expect(await landsWith(k, gate, mint)).toBe(false);
    expect(await landsWith(devnet.keys.operator, d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 7n]))).toBe(false);
    // The compliance key reaching the gatekeeper cannot mint units either: the gatekeeper holds COMPLIANCE only.
    const mintViaGatekeeper = gatekeeperAbi().encodeFunctionData('execute', [gate, mint, ZERO, [], [], 0n, 0n]);
    expect(await landsWith(keys.compliance!, gate, evmAbi.agentGate.encodeFunctionData('execute', [driver.gatekeeper, mintViaGatekeeper]))).toBe(false);
    expect(await landsWith(devnet.keys.operator, driver.gatekeeper, mintViaGatekeeper)).toBe(false);
    expect(await driver.balanceOf(d, holder)).toBe(501n);
  });

  it('rotateKey (signed by the admin) moves the minter role: the old key is refused on chain, the driver signs with the new one', async () => {
    const gate = devnet.infra.agentGate!;
    const [old, next] = [addressOf('minter'), addressOf('minter2')];
    const rotation = await send(driver, d, { kind: 'rotateKey', role: 'minter', newAddress: next });
    expect(rotation).toMatchObject({ status: { kind: 'confirmed' }, signer: signerAddress(devSecp256k1Signer(devnet.keys.admin)) });
    const holds = (a: string) => readContract<boolean>(driver.provider, evmAbi.agentGate, gate, 'hasRole', [GATE_ROLE_IDS.minter, a]);
    expect([await holds(old), await holds(next)]).toEqual([false, true]);

    const mint = evmAbi.agentGate.encodeFunctionData('execute', [d.details.token!, evmAbi.token.encodeFunctionData('mint', [holder, 3n])]);
    expect(await landsWith(keys.minter!, gate, mint)).toBe(false);

    // This process last saw the old key: its first prepare finds the rotation and asks for a new sequence.
    const op: ChainOperation = { kind: 'mint', to: holder, units: 10n };
    expect(driver.signerFor(op, d)).toBe(old);
    await expect(driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(old) })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(driver.signerFor(op, d)).toBe(next);
    expect(await send(driver, d, op)).toMatchObject({ status: { kind: 'confirmed' }, signer: next });
    expect(await driver.balanceOf(d, holder)).toBe(511n);
  });

  it('a compliance key off the deployer list is named before signing', async () => {
    const compliance = addressOf('compliance');
    const admin = devnet.driver();
    await admin.setAllowListRole('contractDeployerAllowList', compliance, 'None');
    try {
      const op: ChainOperation = { kind: 'authorize', address: Wallet.createRandom().address, investorId: 'inv-nd', country: 840 };
      await expect(driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(compliance) })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        shortMessage: `the compliance key ${compliance} is not on the L1's contract deployer allow list`,
      });
    } finally {
      await admin.setAllowListRole('contractDeployerAllowList', compliance, 'Enabled');
    }
  });
});

describe('an infrastructure record from before the gate keeps working as before', () => {
  it('the operator is the agent and the gatekeeper owner; authorize, mint and a full freeze go as before', async () => {
    const admin = new AdminSender(driver.provider, devSecp256k1Signer(devnet.keys.admin), devnet.chainId);
    const operator = driver.operatorAddress;
    // The pre-issue-13 layout: gatekeeper (owner = operator) owning the onboarder, no agentGate.
    const art = gatekeeperArtifact();
    const gatekeeper = await admin.deploy({ abi: art.abi as InterfaceAbi, bytecode: art.bytecode }, operator);
    const evm = await deployInfrastructure(admin, { operator: gatekeeper, claimSigner: signerAddress(devSecp256k1Signer(devnet.keys.claim)) });
    expect(evm.agentGate).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'fiscus-l1-legacy-'));
    try {
      const recordPath = join(dir, 'infra.json');
      writeFileSync(recordPath, JSON.stringify({ ...evm, gatekeeper }));
      const infra: AvalancheInfrastructure = await ensureAvalancheInfrastructure({
        url: devnet.node.url,
        chainId: devnet.chainId,
        admin: devSecp256k1Signer(devnet.keys.admin),
        operator: devSecp256k1Signer(devnet.keys.operator),
        allowListAdmin: devSecp256k1Signer(devnet.keys.allowListAdmin),
        claimSigner: devSecp256k1Signer(devnet.keys.claim),
        roleKeys: { minter: [devSecp256k1Signer(keys.minter2!)] },
        recordPath,
      });
      expect(infra).toEqual({ ...evm, gatekeeper }); // reused, no gate added
      expect(await driver.allowListRole('txAllowList', gatekeeper)).toBe(ALLOW_LIST_ROLE.Manager);
      const l = new AvalancheDriver({
        chainId: devnet.chainId,
        url: devnet.node.url,
        operator: devSecp256k1Signer(devnet.keys.operator),
        admin: devSecp256k1Signer(devnet.keys.admin),
        claimSigner: devSecp256k1Signer(devnet.keys.claim),
        // Role keys are ignored without a gate: the operator signs everything.
        roleKeys: { minter: [devSecp256k1Signer(keys.minter2!)] },
        infrastructure: infra,
        topUp: devnet.topUp,
      });
      try {
        expect(l.capabilities.keyRotation).toBe(false);
        const ld = await l.deploy({ id: 'legacy-fund', name: 'Legacy Fund', symbol: 'LGF', decimals: 6 });
        expect(await readContract<boolean>(l.provider, evmAbi.token, ld.details.token!, 'isAgent', [gatekeeper])).toBe(true);
        expect(await readContract<boolean>(l.provider, evmAbi.token, ld.details.token!, 'isAgent', [operator])).toBe(true);
        const w = Wallet.createRandom().address;
        for (const op of [
          { kind: 'authorize', address: w, investorId: 'inv-legacy', country: 840 },
          { kind: 'mint', to: w, units: 5n },
          { kind: 'freeze', address: w },
        ] as ChainOperation[]) {
          expect(l.signerFor(op, ld)).toBe(operator);
          expect(await send(l, ld, op)).toMatchObject({ status: { kind: 'confirmed' }, signer: operator });
        }
        expect(await l.balanceOf(ld, w)).toBe(5n);
        expect(await l.allowListRole('txAllowList', w)).toBe(ALLOW_LIST_ROLE.None);
      } finally {
        l.provider.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
