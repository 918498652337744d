import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { waitForReceipt, signerAddress, devSecp256k1Signer } from '@fiscus/chain-evm';
import { ALLOW_LIST_ROLE, notAllowListed } from '@fiscus/devnet';
import { AvalancheDriver, PRECOMPILES, allowListAbi, nativeMinterAbi } from '../src/index.ts';
import { startAvalancheTestDevnet, type AvalancheTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

let devnet: AvalancheTestDevnet;
let driver: AvalancheDriver;
let d: Deployment;
let token: string;

beforeAll(async () => {
  devnet = await startAvalancheTestDevnet();
  driver = devnet.driver();
  d = await driver.deploy({ id: 'al-fund', name: 'Allow List Treasury', symbol: 'ALT', decimals: 6 });
  token = d.details.token!;
});
afterAll(() => devnet?.close());

const role = (w: string) => driver.allowListRole('txAllowList', w);
const authorize = (w: Wallet) => mustSend(driver, d, { kind: 'authorize', address: w.address, investorId: `inv-${w.address}`, country: 840 });

describe('AvalancheDriver: chain-level permissions', () => {
  it('authorize enables the wallet on TxAllowList, registers it and tops it up once, atomically', async () => {
    const w = devnet.investor();
    expect(await driver.isAuthorized(d, w.address)).toBe(false);
    const s = await authorize(w);
    expect(await role(w.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    expect(await driver.evm.isAuthorized(d, w.address)).toBe(true);
    expect(await driver.isAuthorized(d, w.address)).toBe(true);
    expect(await driver.provider.getBalance(w.address)).toBe(devnet.topUp.amount);
    // One transaction carried all three effects (RoleSet + NativeCoinMinted in the same receipt).
    const block = await driver.provider.getBlock(Number((s as { block: bigint }).block), true);
    expect(block!.transactions).toHaveLength(1);
    const receipt = await driver.provider.getTransactionReceipt(block!.transactions[0]!);
    const names = receipt!.logs.flatMap((l) => [allowListAbi.parseLog(l)?.name, nativeMinterAbi.parseLog(l)?.name]).filter(Boolean);
    expect(names).toContain('RoleSet');
    expect(names).toContain('NativeCoinMinted');
    // Re-running authorize (a replayed operation) neither re-enables nor mints again above the threshold.
    await authorize(w);
    expect(await driver.provider.getBalance(w.address)).toBe(devnet.topUp.amount);
  });

  it("the gate rejects a wallet that is not allow-listed with Subnet-EVM's message; deauthorize sets None", async () => {
    const a = devnet.investor();
    const b = devnet.investor();
    await authorize(a);
    await authorize(b);
    await mustSend(driver, d, { kind: 'mint', to: a.address, units: 100n });
    await devnet.holderTransfer(driver, token, a, b.address, 10n);
    await mustSend(driver, d, { kind: 'deauthorize', address: a.address });
    expect(await role(a.address)).toBe(ALLOW_LIST_ROLE.None);
    expect(await driver.isAuthorized(d, a.address)).toBe(false);
    const before = devnet.node.gate.rejected;
    await expect(devnet.holderTransfer(driver, token, a, b.address, 1n)).rejects.toSatisfy((e: unknown) => {
      expect(driver.parseError(e).code).toBe('NOT_AUTHORIZED_ON_CHAIN');
      return String(driver.parseError(e).details).includes(notAllowListed(a.address));
    });
    expect(devnet.node.gate.rejected).toBeGreaterThan(before);
    expect(await driver.balanceOf(d, b.address)).toBe(10n);
  });

  it('a full freeze sets None, unfreeze restores Enabled; a partial freeze leaves the list alone', async () => {
    const w = devnet.investor();
    await authorize(w);
    await mustSend(driver, d, { kind: 'mint', to: w.address, units: 5n });
    await mustSend(driver, d, { kind: 'freeze', address: w.address, units: 1n });
    expect(await role(w.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    await mustSend(driver, d, { kind: 'freeze', address: w.address });
    expect(await role(w.address)).toBe(ALLOW_LIST_ROLE.None);
    await mustSend(driver, d, { kind: 'unfreeze', address: w.address });
    expect(await role(w.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    // Unfreezing a deauthorized wallet must not let it transact again.
    await mustSend(driver, d, { kind: 'deauthorize', address: w.address });
    await mustSend(driver, d, { kind: 'unfreeze', address: w.address });
    expect(await role(w.address)).toBe(ALLOW_LIST_ROLE.None);
  });

  it('recover moves the allow-list role and a gas top-up to the new wallet, in the same transaction', async () => {
    const lost = devnet.investor();
    const fresh = devnet.investor();
    await authorize(lost);
    await mustSend(driver, d, { kind: 'mint', to: lost.address, units: 30n });
    await mustSend(driver, d, { kind: 'recover', from: lost.address, to: fresh.address, units: 30n });
    expect(await driver.balanceOf(d, fresh.address)).toBe(30n);
    expect(await role(fresh.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    expect(await role(lost.address)).toBe(ALLOW_LIST_ROLE.None);
    expect(await driver.isAuthorized(d, fresh.address)).toBe(true);
    expect(await driver.isAuthorized(d, lost.address)).toBe(false);
    expect(await driver.provider.getBalance(fresh.address)).toBe(devnet.topUp.amount);
  });

  it('freezing or deauthorizing a platform signer never lowers its Manager role', async () => {
    const operator = driver.operatorAddress;
    await mustSend(driver, d, { kind: 'freeze', address: operator });
    expect(await role(operator)).toBe(ALLOW_LIST_ROLE.Manager);
    await mustSend(driver, d, { kind: 'unfreeze', address: operator });
  });

  // subnet-evm params/hooks_libevm.go CanCreateContract (called from libevm core/vm/evm.go create()):
  // an investor's creation is accepted, then mined as failed with all its gas; simulations say why.
  it("only platform signers may create contracts; an investor's creation is mined as failed", async () => {
    const w = devnet.investor();
    await authorize(w); // Enabled on TxAllowList and funded, yet not a deployer
    const data = '0x6080604052348015600e575f5ffd5b50603e80601a5f395ff3fe60806040525f5ffdfea164736f6c6343000825000a';
    await expect(driver.provider.estimateGas({ from: w.address, data })).rejects.toSatisfy(
      (e: unknown) =>
        driver.parseError(e).code === 'FORBIDDEN' &&
        String(driver.parseError(e).details).includes(`tx.origin ${w.address} is not authorized to deploy a contract`),
    );
    const raw = await w
      .connect(driver.provider)
      .signTransaction({ data, gasLimit: 200_000n, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 1n, nonce: 0, chainId: devnet.chainId, type: 2 });
    const receipt = await (await driver.provider.broadcastTransaction(raw)).wait().catch((e: { receipt?: { status: number; gasUsed: bigint } }) => e.receipt);
    expect([receipt?.status, receipt?.gasUsed]).toEqual([0, 200_000n]);
    expect(await driver.provider.getTransactionCount(w.address)).toBe(1);
    // The admin deploys the suites; the operator's authorize creates ONCHAINID identities (CREATE2 with it as tx.origin).
    for (const k of [devnet.keys.admin, devnet.keys.operator]) {
      expect(await driver.allowListRole('contractDeployerAllowList', signerAddress(devSecp256k1Signer(k)))).toBe(ALLOW_LIST_ROLE.Enabled);
    }
  });

  it('the day-to-day operator key is not the allow-list admin: its own role changes are refused by the chain', async () => {
    const operator = new Wallet(devnet.keys.operator, driver.provider);
    const stranger = Wallet.createRandom().address;
    // At most a Manager (it may enable investors): granting Admin or Manager is the Admin key's alone.
    for (const data of [allowListAbi.encodeFunctionData('setAdmin', [operator.address]), allowListAbi.encodeFunctionData('setManager', [stranger])]) {
      const tx = await operator.sendTransaction({ to: PRECOMPILES.txAllowList, data, gasLimit: 100_000n });
      expect((await waitForReceipt(driver.provider, tx.hash))!.status).toBe(0);
    }
    expect(await role(operator.address)).not.toBe(ALLOW_LIST_ROLE.Admin);
    expect(await role(stranger)).toBe(ALLOW_LIST_ROLE.None);
  });
});

// A refusal inside the gatekeeper (a precompile, or CanCreateContract under ONCHAINID's factory)
// returns no data: the driver reads the roles with eth_call and names the one missing.
describe('AvalancheDriver: refusals that do not name their cause', () => {
  const setRole = (list: 'txAllowList' | 'contractDeployerAllowList' | 'contractNativeMinter', a: string, role: 'None' | 'Enabled' | 'Manager') =>
    devnet.driver().setAllowListRole(list, a, role);

  it('refuses before signing when the operator is not a deployer or the gatekeeper cannot mint', async () => {
    const operator = driver.operatorAddress;
    const nonce = await driver.provider.getTransactionCount(operator);
    const ctx = async () => ({ deployment: d, sequence: await driver.nextSequence(operator) });
    await setRole('contractDeployerAllowList', operator, 'None');
    try {
      await expect(
        driver.prepare({ kind: 'authorize', address: devnet.investor().address, investorId: 'inv-x', country: 840 }, await ctx()),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', shortMessage: `the operator ${operator} is not on the L1's contract deployer allow list` });
    } finally {
      await setRole('contractDeployerAllowList', operator, 'Enabled');
    }
    await setRole('contractNativeMinter', driver.gatekeeper, 'None');
    try {
      await expect(
        driver.prepare({ kind: 'authorize', address: devnet.investor().address, investorId: 'inv-y', country: 840 }, await ctx()),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', shortMessage: `the gatekeeper ${driver.gatekeeper} may not mint the gas top-up` });
    } finally {
      await setRole('contractNativeMinter', driver.gatekeeper, 'Enabled');
    }
    expect(await driver.provider.getTransactionCount(operator)).toBe(nonce);
  });

  it('a role lost between signing and mining: the failed transaction names it', async () => {
    const w = devnet.investor();
    const tx = await driver.prepare(
      { kind: 'authorize', address: w.address, investorId: `inv-${w.address}`, country: 840 },
      { deployment: d, sequence: await driver.nextSequence(driver.operatorAddress) },
    );
    await setRole('txAllowList', driver.gatekeeper, 'Enabled'); // no longer Manager: setEnabled is refused
    try {
      expect((await driver.submit(tx)).kind).toBe('accepted');
      let s = await driver.status(tx);
      for (let i = 0; i < 100 && s.kind === 'pending'; i++) s = await driver.status(tx);
      expect(s).toMatchObject({ kind: 'failed', error: { code: 'FORBIDDEN' } });
      expect(String((s as { error: { message: string } }).error.message)).toMatch(/transaction allow list/);
    } finally {
      await devnet.driver().setAllowListRole('txAllowList', driver.gatekeeper, 'Manager');
    }
  });

  // subnet-evm core/txpool/validation.go: nonce and balance come before the TxAllowList.
  it('a stranger signer is refused for its funds first; the driver names the allow list', async () => {
    const strangerKey = Wallet.createRandom().privateKey;
    const stranger = new AvalancheDriver({
      chainId: devnet.chainId,
      url: devnet.node.url,
      operator: devSecp256k1Signer(strangerKey),
      admin: devSecp256k1Signer(devnet.keys.admin),
      infrastructure: devnet.infra,
      topUp: devnet.topUp,
    });
    try {
      const tx = await stranger.prepare({ kind: 'mint', to: devnet.investor().address, units: 1n }, { deployment: d, sequence: 0n });
      const r = await stranger.submit(tx);
      expect(r).toMatchObject({ kind: 'rejected', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
      const e = (r as { error: { shortMessage: string; details?: string } }).error;
      expect(e.shortMessage).toBe(`${stranger.operatorAddress} is not on the L1's transaction allow list (nor funded for gas)`);
      expect(e.details).toMatch(/insufficient funds for gas \* price \+ value: balance 0/);
    } finally {
      stranger.provider.destroy();
    }
  });
});

describe('AvalancheDriver: the last admin of a list is never removed', () => {
  it('refuses before signing, and allows it once another admin exists', async () => {
    const listAdmin = signerAddress(devSecp256k1Signer(devnet.keys.allowListAdmin));
    const adminDriver = devnet.driver();
    const nonce = await driver.provider.getTransactionCount(listAdmin);
    for (const role of ['None', 'Enabled', 'Manager'] as const) {
      await expect(adminDriver.setAllowListRole('txAllowList', listAdmin, role)).rejects.toMatchObject({
        code: 'CONFLICT',
        shortMessage: 'refusing to remove the last admin of txAllowList',
      });
    }
    expect(await driver.provider.getTransactionCount(listAdmin)).toBe(nonce); // nothing was signed or sent
    expect(await driver.allowListRole('txAllowList', listAdmin)).toBe(ALLOW_LIST_ROLE.Admin);

    const second = Wallet.createRandom().address;
    await adminDriver.setAllowListRole('contractNativeMinter', second, 'Admin');
    await adminDriver.setAllowListRole('contractNativeMinter', second, 'None'); // not the last one: allowed
    expect(await driver.allowListRole('contractNativeMinter', second)).toBe(ALLOW_LIST_ROLE.None);
    await adminDriver.setAllowListRole('contractNativeMinter', second, 'Admin');
    await adminDriver.setAllowListRole('contractNativeMinter', listAdmin, 'None');
    // `second` is now the only admin (found through its RoleSet log, not the genesis)
    await expect(adminDriver.setAllowListRole('contractNativeMinter', second, 'Enabled')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await driver.allowListRole('contractNativeMinter', second)).toBe(ALLOW_LIST_ROLE.Admin);
    expect(PRECOMPILES.contractNativeMinter).toBe('0x0200000000000000000000000000000000000001');
  });
});
