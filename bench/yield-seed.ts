/**
 * Seeding for bench/yield.ts and bench/reconcile.ts: holders authorized and minted straight
 * through the drivers in full batches (no engine), and the matching rows written straight to the
 * database (investors, wallets, positions, supply postings) — as fast as the chains allow.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson, type ChainDriver, type Deployment, type PreparedTx, type SingleOperation } from '@fiscus/core';
import { DEVNET_POOL_SWEEP_MS, startAnvil, type AnvilNode } from '@fiscus/devnet';
import { EvmDriver, devSecp256k1Signer, ensureInfrastructure, signerAddress, EVM_MAX_AUTHORIZE_BATCH } from '@fiscus/chain-evm';
import { ISSUANCE, postEntry, schema, supplyAccount, type Db } from '@fiscus/ledger';

const ETH = 10n ** 18n;
export const hexKey = () => `0x${randomBytes(32).toString('hex')}`;

/** Signer keys of a bench chain: fixed when the chain's state is kept between runs (its deployments name them). */
export interface EvmChainKeys {
  admin: string;
  operator: string;
}

export async function startEvmChain(
  chainId: number,
  o: { statePath?: string; readOnly?: boolean; keys?: EvmChainKeys } = {},
): Promise<{ anvil: AnvilNode; driver: EvmDriver; keys: EvmChainKeys; close(): Promise<void> }> {
  // A saved bench state is GBs at 100,000 holders: let anvil read and write it however long it
  // takes; `readOnly` loads it without writing it back (nothing new to keep).
  // Written once, at the stop: anvil's periodic dump (every minute by default with --state)
  // re-serialized GBs each time. And past states only in memory, the last 32 (--prune-history): anvil wrote every
  // block's state under ~/.foundry/anvil/tmp, 15-40 MB a block at 100,000 holders, 76 GB over
  // one seeding — until the disk was full. The reads only ask for the head's state.
  const state = o.statePath
    ? o.readOnly
      ? { extraArgs: ['--load-state', o.statePath, '--prune-history', '32'] }
      : { statePath: o.statePath, stateIntervalSeconds: 86_400, extraArgs: ['--prune-history', '32'] }
    : {};
  const anvil = await startAnvil({
    chainId,
    ...state,
    startTimeoutMs: o.statePath ? 30 * 60_000 : undefined,
    stateDumpGraceMs: 30 * 60_000,
    sweepMs: DEVNET_POOL_SWEEP_MS,
  });
  const keys = o.keys ?? { admin: hexKey(), operator: hexKey() };
  const signers = { admin: devSecp256k1Signer(keys.admin), operator: devSecp256k1Signer(keys.operator) };
  for (const s of Object.values(signers)) await anvil.cheats.setBalance(signerAddress(s), 1_000_000n * ETH);
  const infra = await ensureInfrastructure({ url: anvil.url, chainId: BigInt(chainId), ...signers });
  const driver = new EvmDriver({ chainId: BigInt(chainId), url: anvil.url, ...signers, infrastructure: infra });
  return {
    anvil,
    driver,
    keys,
    close: async () => {
      driver.provider.destroy();
      await anvil.stop();
    },
  };
}

/** Sends ops in chunks of `size` with consecutive sequences, a window of txs in flight; returns the tx hashes. */
export async function sendBatches(driver: ChainDriver, d: Deployment, ops: SingleOperation[], size: number, window = 8): Promise<string[]> {
  const signer = driver.signerFor(ops[0]!, d);
  let seq = await driver.nextSequence(signer);
  const pending: PreparedTx[] = [];
  const hashes: string[] = [];
  const drain = async (keep: number) => {
    while (pending.length > keep) {
      const tx = pending.shift()!;
      for (;;) {
        const s = await driver.status(tx);
        if (s.kind === 'confirmed') break;
        if (s.kind === 'failed') throw new Error(`${tx.description}: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  for (let i = 0; i < ops.length; i += size) {
    const items = ops.slice(i, i + size);
    const tx = await driver.prepare(items.length === 1 ? items[0]! : { kind: 'batch', items }, { deployment: d, sequence: seq++ });
    const r = await driver.submit(tx);
    if (r.kind !== 'accepted' && r.kind !== 'duplicate') throw new Error(`submit: ${JSON.stringify(r)}`);
    pending.push(tx);
    hashes.push(tx.hash);
    await drain(window);
  }
  await drain(0);
  return hashes;
}

export interface SeededChain {
  driver: ChainDriver;
  deployment: Deployment;
  holders: { address: string; units: bigint }[];
  /** Max authorize items per transaction on this chain. */
  authorizeBatch?: number;
}

/** Authorizes and mints every holder on chain, in full batches. */
export async function seedOnChain(c: SeededChain): Promise<string[]> {
  const a = await sendBatches(
    c.driver,
    c.deployment,
    c.holders.map((h) => ({ kind: 'authorize', address: h.address, investorId: `bench-${h.address.slice(-8)}`, country: 840 })),
    c.authorizeBatch ?? c.driver.capabilities.maxBatch,
  );
  const m = await sendBatches(
    c.driver,
    c.deployment,
    c.holders.map((h) => ({ kind: 'mint', to: h.address, units: h.units })),
    c.driver.capabilities.maxBatch,
  );
  return [...a, ...m];
}

/**
 * Records seeding transactions as posted operations of the fund, so event ingest knows them as
 * ours (as it would had the engine sent them) instead of reporting 100,000 foreign mints.
 */
export async function recordSeedTxs(db: Db, fundId: string, chain: string, hashes: string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += 200) {
    await db.insert(schema.operations).values(
      hashes.slice(i, i + 200).map((txHash) => ({
        id: newId('op'),
        fundId,
        chain,
        kind: 'batch',
        body: { kind: 'batch', items: [] },
        context: { seed: true },
        state: 'posted' as const,
        txHash,
      })),
    );
  }
}

export const EVM_AUTHORIZE_BATCH = EVM_MAX_AUTHORIZE_BATCH;

/** The fund, its active deployments, and one investor + wallet + position per holder, in bulk. */
export async function seedBooks(db: Db, fundId: string, chains: SeededChain[]): Promise<void> {
  await db
    .insert(schema.funds)
    .values({ id: fundId, name: 'Bench Yield Fund', symbol: 'BYF', decimals: 6, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
  for (const c of chains) {
    await db.insert(schema.deployments).values({ id: newId('dep'), fundId, chain: c.driver.chain, status: 'active', details: c.deployment.details });
    // One statement per table and chunk, rows unnested from comma-joined text parameters: a
    // multi-row VALUES list with thousands of bind parameters is what makes bulk inserts slow here.
    for (let i = 0; i < c.holders.length; i += 10_000) {
      const part = c.holders.slice(i, i + 10_000).map((h) => ({ ...h, investorId: newId('inv'), walletId: newId('wal') }));
      const list = (f: (p: (typeof part)[number]) => string) => part.map(f).join(',');
      const [inv, wal, addr, units] = [list((p) => p.investorId), list((p) => p.walletId), list((p) => p.address), list((p) => p.units.toString())];
      await db.execute(sql`insert into investors (id, legal_name, jurisdiction, jurisdiction_numeric, investor_type, kyc_status)
        select id, 'Bench holder', 'US', 840, 'institutional', 'verified' from unnest(string_to_array(${inv}, ',')) as id`);
      await db.execute(sql`insert into wallets (id, investor_id, chain, address)
        select w, i, ${c.driver.chain}, a from unnest(string_to_array(${wal}, ','), string_to_array(${inv}, ','), string_to_array(${addr}, ',')) as t(w, i, a)`);
      await db.execute(sql`insert into fund_wallets (fund_id, wallet_id, status, units)
        select ${fundId}, w, 'authorized', u::bigint from unnest(string_to_array(${wal}, ','), string_to_array(${units}, ',')) as t(w, u)`);
    }
    const total = c.holders.reduce((a, h) => a + h.units, 0n);
    await postEntry(db, {
      fundId,
      memo: 'bench seed',
      meta: { chain: c.driver.chain },
      postings: [
        { account: supplyAccount(c.driver.chain), commodity: 'units', amount: total },
        { account: ISSUANCE, commodity: 'units', amount: -total },
      ],
    });
  }
}

/** Uneven positions (1 … 1,000 units at 6 decimals), deterministic. */
export const position = (i: number) => BigInt(((i * 7_919) % 1_000_000) + 1) * 1_000n;
