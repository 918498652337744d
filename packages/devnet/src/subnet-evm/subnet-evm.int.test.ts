import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Contract, ContractFactory, Interface, JsonRpcProvider, Wallet, getCreateAddress, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilRpc } from '../anvil/rpc.ts';
import { loadStandIns } from './compile.ts';
import { notAllowListed, notAllowedDeployer } from './gate.ts';
import { startSubnetEvm, type SubnetEvmNode } from './node.ts';
import { DEPLOYER_ALLOW_LIST, NATIVE_MINTER, TX_ALLOW_LIST, type SubnetEvmGenesisLike } from './precompiles.ts';

// Rules under test come from subnet-evm's source (github.com/ava-labs/subnet-evm): precompile/allowlist/role.go
// (CanModify), allowlist.go (RoleSet event, messages), nativeminter/contract.go, core/txpool/validation.go,
// params/hooks_libevm.go, core/state_processor_ext.go; and libevm's core/vm/evm.go (create, Call).
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

// Hand-assembled runtimes (no solc in tests): `CREATE(0, 0, 0)` then SSTORE(0, result); and a
// forwarder that CALLs `target` with its calldata and 100,000 gas, storing success (slot 0) and
// RETURNDATASIZE (slot 1).
const FACTORY_RUNTIME = '600060006000f060005500';
const RETURNING_FACTORY_RUNTIME = '600060006000f060005260206000f3'; // CREATE(0, 0, 0), return the address
const FORWARD_GAS = 100_000n;
const forwarderRuntime = (target: string) => `36600060003760006000366000600073${target.slice(2)}620186a0f16000553d60015500`;
const initCode = (runtime: string) => `0x60${(runtime.length / 2).toString(16).padStart(2, '0')}80600b6000396000f3${runtime}`;

let node: SubnetEvmNode;
let provider: JsonRpcProvider;
const signer = (w: Wallet) => w.connect(provider);
const list = (address: string, w: Wallet) => new Contract(address, AL, signer(w));
const role = async (address: string, who: string) => (await list(address, admin).getFunction('readAllowList')(who)) as bigint;
async function deployRaw(w: Wallet, runtime: string): Promise<string> {
  const r = (await (await signer(w).sendTransaction({ data: initCode(runtime) })).wait())!;
  return r.contractAddress!;
}
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
  it("refuses a non-allow-listed sender with subnet-evm's message, then accepts it once Enabled", async () => {
    await expect(signer(user).sendTransaction({ to: admin.address, value: 1n })).rejects.toSatisfy((e) => errText(e).includes(notAllowListed(user.address)));
    expect(notAllowListed(user.address)).toBe(`cannot issue transaction from non-allow listed address: ${user.address}`);
    const before = node.gate.rejected;
    const raw = await user.signTransaction({
      to: admin.address,
      value: 1n,
      gasLimit: 21_000n,
      maxFeePerGas: 10n ** 10n,
      maxPriorityFeePerGas: 1n,
      nonce: 0,
      chainId: CHAIN_ID,
      type: 2,
    });
    await expect(provider.broadcastTransaction(raw)).rejects.toSatisfy((e) => errText(e).includes('cannot issue transaction from non-allow listed address'));
    expect(node.gate.rejected).toBe(before + 1);

    const receipt = await (await list(TX_ALLOW_LIST, manager).getFunction('setEnabled')(user.address)).wait();
    const ev = AL.parseLog(receipt.logs[0])!;
    expect(ev.name).toBe('RoleSet');
    expect([ev.args.role, ev.args.account, ev.args.sender, ev.args.oldRole]).toEqual([1n, user.address, manager.address, 0n]);
    expect((await (await signer(user).sendTransaction({ to: admin.address, value: 1n })).wait())!.status).toBe(1);
  });

  // core/txpool/validation.go ValidateTransactionWithState: nonce, then balance, THEN the allow list.
  it("checks nonce and balance before the allow list, with subnet-evm's messages", async () => {
    const stranger = Wallet.createRandom();
    const tx = { to: admin.address, value: 1n, gasLimit: 21_000n, maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 1n, chainId: CHAIN_ID, type: 2 };
    const cost = 21_000n * 10n ** 10n + 1n;
    // A stranger's first transaction on a real L1: no coin, no role → refused for its funds first.
    await expect(provider.broadcastTransaction(await stranger.signTransaction({ ...tx, nonce: 0 }))).rejects.toSatisfy((e) =>
      errText(e).includes(`insufficient funds for gas * price + value: balance 0, tx cost ${cost}, overshot ${cost}`),
    );
    // Funded but stale nonce → nonce too low, still before the allow list.
    await anvilRpc(node.anvil.url, 'anvil_setBalance', [stranger.address, '0xde0b6b3a7640000']);
    await anvilRpc(node.anvil.url, 'anvil_setNonce', [stranger.address, '0x3']);
    await expect(provider.broadcastTransaction(await stranger.signTransaction({ ...tx, nonce: 1 }))).rejects.toSatisfy((e) =>
      errText(e).includes('nonce too low: next nonce 3, tx nonce 1'),
    );
    // Funded, right nonce → now the allow list answers.
    await expect(provider.broadcastTransaction(await stranger.signTransaction({ ...tx, nonce: 3 }))).rejects.toSatisfy((e) =>
      errText(e).includes(notAllowListed(stranger.address)),
    );
  });

  // params/hooks_libevm.go CanCreateContract, called by libevm core/vm/evm.go create() after the
  // caller's nonce is incremented: the creation is accepted by the pool, mined as failed, all its gas used.
  it('a creation by an origin off the deployer list is mined as failed: all gas and the nonce consumed, no code', async () => {
    const nonce = await provider.getTransactionCount(user.address);
    const target = getCreateAddress({ from: user.address, nonce });
    const sent = await signer(user).sendTransaction({ data: NO_RECEIVE.bytecode, gasLimit: 200_000n });
    const receipt = (await sent.wait(1, 10_000).catch((e: { receipt?: unknown }) => e.receipt)) as TransactionReceipt;
    expect(receipt.status).toBe(0);
    expect(receipt.gasUsed).toBe(200_000n);
    expect(await provider.getTransactionCount(user.address)).toBe(nonce + 1);
    expect(await provider.getCode(target)).toBe('0x');
    expect(await anvilRpc<string>(node.anvil.url, 'eth_getCode', [target, 'latest'])).toBe('0x'); // no stand-in placeholder left behind
    // Simulations run the EVM too: estimate and call answer with the hook's message.
    await expect(provider.estimateGas({ from: user.address, data: NO_RECEIVE.bytecode })).rejects.toSatisfy((e) =>
      errText(e).includes(notAllowedDeployer(user.address)),
    );
    await expect(provider.call({ from: user.address, data: NO_RECEIVE.bytecode })).rejects.toSatisfy((e) =>
      errText(e).includes(notAllowedDeployer(user.address)),
    );
    const ok = await new ContractFactory(NO_RECEIVE.abi, NO_RECEIVE.bytecode, signer(deployer)).deploy();
    expect(await provider.getCode(await ok.getAddress())).not.toBe('0x');
  });

  // libevm core/vm/evm.go create(): the hook sees tx.origin, so a contract's CREATE fails when the
  // transaction's origin is not a deployer (CREATE pushes 0, the contract's nonce is still consumed).
  it('a CREATE inside a contract fails when the transaction origin is not a deployer', async () => {
    const factory = await deployRaw(deployer, FACTORY_RUNTIME);
    const run = async (w: Wallet) => {
      const r = (await (await signer(w).sendTransaction({ to: factory, gasLimit: 300_000n })).wait())!;
      return { status: r.status, created: BigInt(await provider.getStorage(factory, 0)) };
    };
    expect(await run(user)).toEqual({ status: 1, created: 0n });
    expect(await provider.getTransactionCount(factory)).toBe(2); // 1 at its own creation (EIP-161) + the failed CREATE
    const byDeployer = await run(deployer);
    expect(byDeployer.status).toBe(1);
    expect(byDeployer.created).not.toBe(0n);
    expect(await provider.getCode(`0x${byDeployer.created.toString(16).padStart(40, '0')}`)).toBe('0x'); // empty init code, but it exists
    // Simulations run the same EVM: a factory that returns what CREATE gave it returns 0 to a non-deployer.
    const returning = await deployRaw(deployer, RETURNING_FACTORY_RUNTIME);
    const created = async (from: string) => BigInt(await provider.call({ from, to: returning }));
    expect(await created(user.address)).toBe(0n);
    expect(await created(deployer.address)).not.toBe(0n);
  });
});

describe('Subnet-EVM stand-in: precompile accounts and failures', () => {
  // core/state_processor_ext.go ApplyPrecompileActivations: nonce 1, code 0x01.
  it('each configured precompile account has code 0x01 and nonce 1', async () => {
    for (const a of [TX_ALLOW_LIST, DEPLOYER_ALLOW_LIST, NATIVE_MINTER]) {
      expect(await provider.getCode(a)).toBe('0x01');
      expect(await provider.getTransactionCount(a)).toBe(1);
    }
  });

  // precompile/allowlist/allowlist.go createAllowListRoleSetter, nativeminter/contract.go mintNativeCoin:
  // the error text, returned through eth_call / eth_estimateGas (internal/ethapi, eth/gasestimator).
  it("answers a refused direct call with subnet-evm's exact messages", async () => {
    const x = Wallet.createRandom().address;
    await expect(provider.call({ from: manager.address, to: TX_ALLOW_LIST, data: AL.encodeFunctionData('setAdmin', [x]) })).rejects.toSatisfy((e) =>
      errText(e).includes(`cannot modify allow list: modify address: ${manager.address}, from role: NoRole, to role: AdminRole`),
    );
    await expect(
      provider.estimateGas({ from: deployer.address, to: DEPLOYER_ALLOW_LIST, data: AL.encodeFunctionData('setNone', [admin.address]) }),
    ).rejects.toSatisfy((e) => errText(e).includes(`cannot modify allow list: modify address: ${deployer.address}, from role: AdminRole, to role: NoRole`));
    await expect(provider.call({ from: user.address, to: NATIVE_MINTER, data: NM.encodeFunctionData('mintNativeCoin', [x, 1n]) })).rejects.toSatisfy((e) =>
      errText(e).includes(`non-enabled cannot mint: ${user.address}`),
    );
  });

  // libevm core/vm/evm.go Call: a precompile error other than ErrExecutionReverted sets gas = 0, and
  // the precompile returns nil data.
  it('a refused call consumes all the gas it was given and returns no data to the calling contract', async () => {
    const caller = await deployRaw(deployer, forwarderRuntime(TX_ALLOW_LIST));
    const r = (await (
      await signer(deployer).sendTransaction({ to: caller, data: AL.encodeFunctionData('setEnabled', [Wallet.createRandom().address]), gasLimit: 300_000n })
    ).wait())!;
    expect(r.status).toBe(1); // the caller itself goes on
    expect(BigInt(await provider.getStorage(caller, 0))).toBe(0n); // CALL failed
    expect(BigInt(await provider.getStorage(caller, 1))).toBe(0n); // RETURNDATASIZE 0
    expect(r.gasUsed).toBeGreaterThan(FORWARD_GAS); // the 100,000 given to the precompile are gone
    // A transaction straight to the precompile: mined as failed, all its gas used.
    const direct = await signer(deployer).sendTransaction({
      to: TX_ALLOW_LIST,
      data: AL.encodeFunctionData('setEnabled', [Wallet.createRandom().address]),
      gasLimit: 120_000n,
    });
    const receipt = (await direct.wait(1, 10_000).catch((e: { receipt?: unknown }) => e.receipt)) as TransactionReceipt;
    expect([receipt.status, receipt.gasUsed]).toEqual([0, 120_000n]);
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

    await expect(new Contract(NATIVE_MINTER, NM, signer(user)).getFunction('mintNativeCoin')(fresh, 1n)).rejects.toSatisfy((e) =>
      errText(e).includes('non-enabled cannot mint'),
    );
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
