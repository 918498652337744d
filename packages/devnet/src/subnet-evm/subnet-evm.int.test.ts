import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Contract, ContractFactory, Interface, JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStandIns } from './compile.ts';
import { notAllowListed, notAllowedDeployer } from './gate.ts';
import { startSubnetEvm, type SubnetEvmNode } from './node.ts';
import { DEPLOYER_ALLOW_LIST, NATIVE_MINTER, TX_ALLOW_LIST, type SubnetEvmGenesisLike } from './precompiles.ts';

// Rules under test come from subnet-evm's docs and source: precompile/allowlist/role.go (CanModify),
// allowlist.go (RoleSet event), nativeminter/contract.go, txpool/validation.go, params/hooks_libevm.go.
const key = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const admin = new Wallet(key(0xa11ce));
const manager = new Wallet(key(0xb0b));
const user = new Wallet(key(0xc0ffee));
const deployer = new Wallet(key(0xde9));
const CHAIN_ID = 779_901;
const E18 = 10n ** 18n;

const genesis: SubnetEvmGenesisLike = {
  config: {
    chainId: CHAIN_ID,
    feeConfig: { gasLimit: 30_000_000 },
    txAllowListConfig: { blockTimestamp: 0, adminAddresses: [admin.address], managerAddresses: [manager.address], enabledAddresses: [deployer.address] },
    contractDeployerAllowListConfig: { blockTimestamp: 0, adminAddresses: [admin.address], enabledAddresses: [deployer.address] },
    contractNativeMinterConfig: { blockTimestamp: 0, adminAddresses: [admin.address], managerAddresses: [manager.address] },
  },
  alloc: Object.fromEntries([admin, manager, user, deployer].map((w) => [w.address.slice(2).toLowerCase(), { balance: `0x${(1000n * E18).toString(16)}` }])),
  gasLimit: '0x1c9c380',
  timestamp: '0x0',
};

const art = loadStandIns().contracts;
const AL = new Interface(art.AllowListStandIn.abi as never);
const NM = new Interface(art.NativeMinterStandIn.abi as never);
// A contract with no receive/fallback: a plain value call to it reverts, AddBalance does not.
const NO_RECEIVE = { abi: [], bytecode: '0x6080604052348015600e575f5ffd5b50603e80601a5f395ff3fe60806040525f5ffdfea164736f6c6343000825000a' };

let node: SubnetEvmNode;
let provider: JsonRpcProvider;
const signer = (w: Wallet) => w.connect(provider);
const list = (address: string, w: Wallet) => new Contract(address, AL, signer(w));
const role = async (address: string, who: string) => (await list(address, admin).getFunction('readAllowList')(who)) as bigint;
const errText = (e: unknown) => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

beforeAll(async () => {
  node = await startSubnetEvm({ genesis });
  provider = new JsonRpcProvider(node.url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
});
afterAll(async () => {
  provider?.destroy();
  await node?.stop();
});

describe('Subnet-EVM stand-in: genesis', () => {
  it('boots with the genesis chain id, balances and roles in subnet-evm storage layout', async () => {
    expect(Number((await provider.getNetwork()).chainId)).toBe(CHAIN_ID);
    expect(await provider.getBalance(user.address)).toBe(1000n * E18);
    expect(await role(TX_ALLOW_LIST, admin.address)).toBe(2n);
    expect(await role(TX_ALLOW_LIST, manager.address)).toBe(3n);
    expect(await role(TX_ALLOW_LIST, deployer.address)).toBe(1n);
    expect(await role(TX_ALLOW_LIST, user.address)).toBe(0n);
    expect(await role(DEPLOYER_ALLOW_LIST, deployer.address)).toBe(1n);
    expect(await role(NATIVE_MINTER, manager.address)).toBe(3n);
    const slot = `0x${admin.address.slice(2).toLowerCase().padStart(64, '0')}`;
    expect(BigInt(await provider.getStorage(TX_ALLOW_LIST, slot))).toBe(2n);
  });
});

describe('Subnet-EVM stand-in: gate', () => {
  it('refuses a non-allow-listed sender with subnet-evm\'s message, then accepts it once Enabled', async () => {
    await expect(signer(user).sendTransaction({ to: admin.address, value: 1n })).rejects.toSatisfy((e) => errText(e).includes(notAllowListed(user.address)));
    expect(notAllowListed(user.address)).toBe(`cannot issue transaction from non-allow listed address: ${user.address}`);
    const before = node.gate.rejected;
    const raw = await user.signTransaction({ to: admin.address, value: 1n, gasLimit: 21_000n, maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 1n, nonce: 0, chainId: CHAIN_ID, type: 2 });
    await expect(provider.broadcastTransaction(raw)).rejects.toSatisfy((e) => errText(e).includes('cannot issue transaction from non-allow listed address'));
    expect(node.gate.rejected).toBe(before + 1);

    const receipt = await (await list(TX_ALLOW_LIST, manager).getFunction('setEnabled')(user.address)).wait();
    const ev = AL.parseLog(receipt.logs[0])!;
    expect(ev.name).toBe('RoleSet');
    expect([ev.args.role, ev.args.account, ev.args.sender, ev.args.oldRole]).toEqual([1n, user.address, manager.address, 0n]);
    expect((await (await signer(user).sendTransaction({ to: admin.address, value: 1n })).wait())!.status).toBe(1);
  });

  it('refuses contract creation from an origin off the deployer list, by send and by estimate', async () => {
    const factory = new ContractFactory(NO_RECEIVE.abi, NO_RECEIVE.bytecode, signer(user));
    await expect(factory.deploy()).rejects.toSatisfy((e) => errText(e).includes(notAllowedDeployer(user.address)));
    await expect(provider.estimateGas({ from: user.address, data: NO_RECEIVE.bytecode })).rejects.toSatisfy((e) => errText(e).includes('is not authorized to deploy a contract'));
    const ok = await new ContractFactory(NO_RECEIVE.abi, NO_RECEIVE.bytecode, signer(deployer)).deploy();
    expect(await provider.getCode(await ok.getAddress())).not.toBe('0x');
  });
});

describe('Subnet-EVM stand-in: allow-list roles (role.go CanModify)', () => {
  const reverts = (p: Promise<unknown>) => expect(p).rejects.toSatisfy((e) => errText(e).includes('cannot modify allow list'));
  it('a manager moves None/Enabled only, never touches admins or managers', async () => {
    const m = list(TX_ALLOW_LIST, manager);
    const x = Wallet.createRandom().address;
    await reverts(m.getFunction('setAdmin')(x));
    await reverts(m.getFunction('setManager')(x));
    await reverts(m.getFunction('setNone')(admin.address));
    await (await m.getFunction('setEnabled')(x)).wait();
    expect(await role(TX_ALLOW_LIST, x)).toBe(1n);
    await (await m.getFunction('setNone')(x)).wait();
    expect(await role(TX_ALLOW_LIST, x)).toBe(0n);
  });

  it('only an admin grants Admin/Manager; an Enabled account modifies nothing', async () => {
    const x = Wallet.createRandom().address;
    await reverts(list(TX_ALLOW_LIST, deployer).getFunction('setEnabled')(x));
    await (await list(TX_ALLOW_LIST, admin).getFunction('setManager')(x)).wait();
    expect(await role(TX_ALLOW_LIST, x)).toBe(3n);
    await (await list(TX_ALLOW_LIST, admin).getFunction('setAdmin')(x)).wait();
    expect(await role(TX_ALLOW_LIST, x)).toBe(2n);
    // The precompile itself lets an admin demote any admin, itself included: that is why the driver guards it.
    await (await list(TX_ALLOW_LIST, admin).getFunction('setNone')(x)).wait();
    expect(await role(TX_ALLOW_LIST, x)).toBe(0n);
  });
});

describe('Subnet-EVM stand-in: NativeMinter', () => {
  it('an enabled caller mints coin to any address, contracts without receive included; None cannot', async () => {
    const fresh = Wallet.createRandom().address;
    const minter = new Contract(NATIVE_MINTER, NM, signer(manager));
    const receipt = await (await minter.getFunction('mintNativeCoin')(fresh, 5n * E18)).wait();
    expect(await provider.getBalance(fresh)).toBe(5n * E18);
    const ev = receipt.logs.map((l: never) => NM.parseLog(l)).find((l: { name: string } | null) => l?.name === 'NativeCoinMinted');
    expect([ev.args.sender, ev.args.recipient, ev.args.amount]).toEqual([manager.address, fresh, 5n * E18]);

    const noReceive = await new ContractFactory(NO_RECEIVE.abi, NO_RECEIVE.bytecode, signer(deployer)).deploy();
    await (await minter.getFunction('mintNativeCoin')(await noReceive.getAddress(), 7n)).wait();
    expect(await provider.getBalance(await noReceive.getAddress())).toBe(7n);

    await expect(new Contract(NATIVE_MINTER, NM, signer(user)).getFunction('mintNativeCoin')(fresh, 1n)).rejects.toSatisfy((e) => errText(e).includes('non-enabled cannot mint'));
    expect(await provider.getBalance(fresh)).toBe(5n * E18);
  });
});

describe('Subnet-EVM stand-in: persistence (npm start)', () => {
  it('a chain with a state file is seeded from the genesis once, then resumes with its roles and balances', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscus-subnet-evm-state-'));
    const statePath = path.join(dir, 'l1.json');
    try {
      let l1 = await startSubnetEvm({ genesis, statePath });
      let p = new JsonRpcProvider(l1.url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
      expect(await new Contract(TX_ALLOW_LIST, AL, p).getFunction('readAllowList')(manager.address)).toBe(3n);
      const x = Wallet.createRandom().address;
      await (await new Contract(TX_ALLOW_LIST, AL, admin.connect(p)).getFunction('setEnabled')(x)).wait();
      p.destroy();
      await l1.stop();
      l1 = await startSubnetEvm({ genesis, statePath });
      p = new JsonRpcProvider(l1.url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
      expect(await new Contract(TX_ALLOW_LIST, AL, p).getFunction('readAllowList')(x)).toBe(1n);
      expect(await p.getTransactionCount(admin.address)).toBe(1); // the admin's nonce survived: not re-seeded
      p.destroy();
      await l1.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
