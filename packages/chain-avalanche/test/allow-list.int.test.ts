import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { signerAddress, devSecp256k1Signer } from '@fiscus/chain-evm';
import { ALLOW_LIST_ROLE, notAllowListed } from '@fiscus/devnet';
import { PRECOMPILES, allowListAbi, nativeMinterAbi, type AvalancheDriver } from '../src/index.ts';
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

  it('the gate rejects a wallet that is not allow-listed with Subnet-EVM\'s message; deauthorize sets None', async () => {
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

  it('only the platform deployer may create contracts; investors are refused at the gate', async () => {
    const w = devnet.investor();
    await authorize(w); // Enabled on TxAllowList and funded, yet not a deployer
    const raw = await w.connect(driver.provider).signTransaction({
      data: '0x6080604052348015600e575f5ffd5b50603e80601a5f395ff3fe60806040525f5ffdfea164736f6c6343000825000a', gasLimit: 200_000n,
      maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 1n, nonce: 0, chainId: devnet.chainId, type: 2,
    });
    await expect(driver.provider.broadcastTransaction(raw)).rejects.toSatisfy((e: unknown) =>
      String(driver.parseError(e).details).includes(`tx.origin ${w.address} is not authorized to deploy a contract`));
    expect(await driver.allowListRole('contractDeployerAllowList', signerAddress(devSecp256k1Signer(devnet.keys.admin)))).toBe(ALLOW_LIST_ROLE.Enabled);
  });
});

describe('AvalancheDriver: the last admin of a list is never removed', () => {
  it('refuses before signing, and allows it once another admin exists', async () => {
    const listAdmin = signerAddress(devSecp256k1Signer(devnet.keys.allowListAdmin));
    const adminDriver = devnet.driver();
    const nonce = await driver.provider.getTransactionCount(listAdmin);
    for (const role of ['None', 'Enabled', 'Manager'] as const) {
      await expect(adminDriver.setAllowListRole('txAllowList', listAdmin, role)).rejects.toMatchObject({ code: 'CONFLICT', shortMessage: 'refusing to remove the last admin of txAllowList' });
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
