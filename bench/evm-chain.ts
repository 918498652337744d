/** Shared set-up for bench/evm.ts: one anvil, the chain's infrastructure, and suite variants. */
import { randomBytes } from 'node:crypto';
import type { Deployment, PreparedTx } from '@fiscus/core';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import {
  AdminSender,
  EVM_MAX_AUTHORIZE_BATCH,
  EvmDriver,
  devSecp256k1Signer,
  ensureInfrastructure,
  ensureTrexSuite,
  evmAbi,
  fundSalt,
  interfaceOf,
  signerAddress,
  trexArtifact,
  type EvmInfrastructure,
  type EvmOperation,
} from '@fiscus/chain-evm';

const ETH = 10n ** 18n;
export const KP = 408;

export interface BenchChain {
  anvil: AnvilNode;
  chainId: bigint;
  infra: EvmInfrastructure;
  driver: EvmDriver;
  admin: AdminSender;
  keys: { admin: string; operator: string };
  close(): Promise<void>;
}

export async function startBenchChain(): Promise<BenchChain> {
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId) });
  const keys = { admin: hexKey(), operator: hexKey() };
  const signers = { admin: devSecp256k1Signer(keys.admin), operator: devSecp256k1Signer(keys.operator) };
  for (const s of Object.values(signers)) await anvil.cheats.setBalance(signerAddress(s), 10_000n * ETH);
  const infra = await ensureInfrastructure({ url: anvil.url, chainId, ...signers });
  const driver = new EvmDriver({ chainId, url: anvil.url, ...signers, infrastructure: infra });
  const admin = new AdminSender(driver.provider, signers.admin, chainId);
  return {
    anvil,
    chainId,
    infra,
    driver,
    admin,
    keys,
    close: async () => {
      driver.provider.destroy();
      await anvil.stop();
    },
  };
}

export const hexKey = () => `0x${randomBytes(32).toString('hex')}`;

/** The same fund three ways: our modules, T-REX's nearest equivalents, and no modules at all. */
export async function benchSuites(c: BenchChain) {
  const operator = c.driver.operatorAddress;
  const spec = (id: string, modules: { address: string; setting?: string }[]) =>
    ensureTrexSuite(c.admin, c.infra, { salt: fundSalt(id), name: `Bench ${id}`, symbol: 'BNCH', decimals: 6, modules }, { operator });
  const ours = await c.driver.deploy({
    id: 'bench-ours',
    name: 'Bench ours',
    symbol: 'BNCH',
    decimals: 6,
    policy: {
      blockedJurisdictions: ['KP'],
      kycRequired: true,
      maxHolding: 10n ** 15n,
      maxHolders: 100_000,
      lockupSeconds: 0,
    },
  });
  const restrict = await trexModule(c, 'CountryRestrictModule');
  const maxBalance = await trexModule(c, 'MaxBalanceModule');
  const trex = await spec('bench-trex', [
    { address: restrict.address, setting: restrict.iface.encodeFunctionData('addCountryRestriction', [KP]) },
    { address: maxBalance.address, setting: maxBalance.iface.encodeFunctionData('setMaxBalance', [10n ** 15n]) },
  ]);
  const none = await spec('bench-none', []);
  const asDeployment = (details: Record<string, string>): Deployment => ({ chain: c.driver.chain, details });
  return { ours, trex: asDeployment(trex), none: asDeployment(none) };
}

async function trexModule(c: BenchChain, name: 'CountryRestrictModule' | 'MaxBalanceModule') {
  // T-REX's modules are CC-BY-NC: deployed here only to compare gas, never by the product.
  const art = trexArtifact(name);
  const impl = await c.admin.deploy(art);
  const iface = interfaceOf(art);
  const address = await c.admin.deploy(trexArtifact('ModuleProxy'), impl, iface.encodeFunctionData('initialize'));
  return { address, iface };
}

/** Prepares and submits ops with consecutive nonces, then waits for all; returns gas used per tx. */
export async function sendAll(c: BenchChain, d: Deployment, ops: EvmOperation[]): Promise<bigint[]> {
  let nonce = await c.driver.nextSequence(c.driver.operatorAddress);
  const txs: PreparedTx[] = [];
  for (const op of ops) {
    const tx = await c.driver.prepare(op, { deployment: d, sequence: nonce++ });
    const r = await c.driver.submit(tx);
    if (r.kind !== 'accepted' && r.kind !== 'duplicate') throw new Error(`${tx.description}: ${JSON.stringify(r)}`);
    txs.push(tx);
  }
  const gas: bigint[] = [];
  for (const tx of txs) {
    const status = await settled(c, tx);
    const receipt = await c.driver.provider.getTransactionReceipt(tx.hash);
    if (status.kind !== 'confirmed' || !receipt)
      throw new Error(`${tx.description} ended ${JSON.stringify(status, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    gas.push(receipt.gasUsed);
  }
  return gas;
}

async function settled(c: BenchChain, tx: PreparedTx) {
  for (;;) {
    const s = await c.driver.status(tx);
    if (s.kind !== 'pending' && s.kind !== 'unknown') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Fresh wallets authorized on `d` (one investor each); returns their keys and addresses. */
export async function investors(c: BenchChain, d: Deployment, n: number, country = 840) {
  const keys = Array.from({ length: n }, hexKey);
  const addresses = keys.map((k) => signerAddress(devSecp256k1Signer(k)));
  const items = addresses.map((address) => ({ kind: 'authorize' as const, address, investorId: `bench-${address}`, country }));
  // onboardBatch: 50 transactions for 1,000 holders instead of 1,000 (bench/evm-onboarding.ts measures both).
  const batches = [];
  for (let i = 0; i < items.length; i += EVM_MAX_AUTHORIZE_BATCH) batches.push({ kind: 'batch' as const, items: items.slice(i, i + EVM_MAX_AUTHORIZE_BATCH) });
  await sendAll(c, d, batches);
  return keys.map((key, i) => ({ key, address: addresses[i]! }));
}

/** An investor's own ERC-20 transfer (investor key), returning its gas. */
export async function holderTransfer(c: BenchChain, d: Deployment, fromKey: string, to: string, units: bigint): Promise<bigint> {
  const signer = devSecp256k1Signer(fromKey);
  await c.anvil.cheats.setBalance(signerAddress(signer), ETH);
  const sender = new AdminSender(c.driver.provider, signer, c.chainId);
  return (await sender.call(d.details.token!, evmAbi.token.encodeFunctionData('transfer', [to, units]))).gasUsed;
}

/**
 * The "direct signed mint": `n` sequential mints of `units` to `to`, each sent by a token agent's
 * own AdminSender (estimate, sign, send, receipt), no engine. Returns milliseconds per mint.
 */
export async function timeDirectMints(agent: AdminSender, token: string, to: string, n: number, units = 1n): Promise<number> {
  const data = evmAbi.token.encodeFunctionData('mint', [to, units]);
  const started = performance.now();
  for (let i = 0; i < n; i++) await agent.call(token, data);
  return (performance.now() - started) / n;
}
