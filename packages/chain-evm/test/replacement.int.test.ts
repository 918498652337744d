import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChainDriver, FundSpec, PreparedTx, SubmitResult } from '@fiscus/core';
import { deployedFund, deploymentOf, getOperation, requestMint, testWorker, until } from '@fiscus/engine/testing';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { schema, type Db } from '@fiscus/ledger';
import type { EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';

const GWEI = 1_000_000_000n;
const hex = (n: bigint) => `0x${n.toString(16)}`;

/**
 * EVM transactions the node will not mine (issue: "no way out for a transaction the node will
 * never mine"): replaced at the same nonce with a higher fee, within a bounded fee policy, and —
 * when the node refuses them for good — given up with a filler at their nonce. Every candidate
 * stays on the row; whichever lands is the one booked, exactly once.
 */
describeEachBackend('EVM replacement at the same nonce on anvil', (backend) => {
  const database = useFreshDatabase(backend);
  let devnet: EvmTestDevnet;
  let inner: EvmDriver;
  let capped: EvmDriver;
  // Submissions whose answer never comes back while set (a node that hears nothing).
  let unheard = false;

  const heard = (d: EvmDriver): ChainDriver =>
    new Proxy(d, {
      get(target, prop) {
        if (prop === 'submit')
          return (tx: PreparedTx): Promise<SubmitResult> =>
            unheard ? Promise.resolve({ kind: 'retryLater', reason: 'unheard (test)', afterMs: 20 }) : target.submit(tx);
        if (prop === 'deploy') return (fund: FundSpec) => target.deploy(fund);
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as ChainDriver;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    inner = devnet.driver();
    capped = devnet.driver({ fees: { maxFeePerGas: 20n * GWEI } } as never);
  }, 240_000);
  afterAll(async () => devnet?.close());

  const rpc = (method: string, params: unknown[] = []) => inner.provider.send(method, params);
  const harness = (driver: ChainDriver) => ({
    chain: driver.chain,
    driver,
    newAddress: () => devnet.investor().address,
    childDriverModule: '',
    childDriverEnv: {},
    close: async () => {},
  });
  const stateOf = async (db: Db, id: string) => (await getOperation(db, id)).state;
  const balance = async (db: Db, f: { deploymentId: string; address: string }) => inner.balanceOf(await deploymentOf(db, f.deploymentId), f.address);
  const replacedEvents = async (db: Db, id: string) =>
    (await db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, id))).filter((e) => e.detail && 'replaced' in e.detail);

  it('a base fee above the signed cap: outbid at the same nonce until mined, booked once', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const f = await deployedFund(database.current, harness(inner));
    await rpc('anvil_setNextBlockBaseFeePerGas', [hex(40n * GWEI)]);
    const mint = await requestMint(db, { ...f, chain: inner.chain, to: f.address, units: 5_000n });
    await until(f.worker, async () => (await stateOf(db, mint.id)) === 'posted', 60_000);

    const row = await getOperation(db, mint.id);
    expect(row.supersededTxs.length).toBeGreaterThan(0);
    expect((await replacedEvents(db, mint.id)).length).toBe(row.supersededTxs.length);
    const receipt = await inner.provider.getTransactionReceipt(row.txHash!);
    expect(receipt?.status).toBe(1);
    for (const old of row.supersededTxs) expect(await inner.provider.getTransactionReceipt(old.hash)).toBeNull();
    expect(await balance(db, f)).toBe(5_000n);
  });

  it('at the fee cap the operation waits, saying so, and lands once the base fee falls', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const f = await deployedFund(database.current, harness(capped));
    await rpc('anvil_setNextBlockBaseFeePerGas', [hex(60n * GWEI)]);
    const mint = await requestMint(db, { ...f, chain: capped.chain, to: f.address, units: 7n });
    await until(f.worker, async () => (await getOperation(db, mint.id)).lastError?.code === 'FEE_CAP_REACHED', 60_000);
    const waiting = await getOperation(db, mint.id);
    expect(waiting.state).toBe('prepared');

    await rpc('anvil_setNextBlockBaseFeePerGas', [hex(GWEI)]);
    await until(f.worker, async () => (await stateOf(db, mint.id)) === 'posted', 60_000);
    expect(await balance(db, f)).toBe(7n);
  });

  it('unmined past the wait: replaced; when the replaced transaction lands instead, it is the one booked', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const driver = heard(inner);
    const worker = testWorker(db, driver, { replaceAfterMs: 300 });
    const f = await deployedFund(database.current, harness(driver), worker);
    await rpc('evm_setAutomine', [false]);
    try {
      const mint = await requestMint(db, { ...f, chain: inner.chain, to: f.address, units: 11n });
      await until(worker, async () => (await stateOf(db, mint.id)) === 'submitted');
      const original = (await getOperation(db, mint.id)).txHash!;
      unheard = true; // the replacement never reaches the node
      await until(worker, async () => (await getOperation(db, mint.id)).supersededTxs.length > 0);
      await rpc('evm_mine'); // the original is mined
      unheard = false;
      await until(worker, async () => (await stateOf(db, mint.id)) === 'posted', 60_000);

      const row = await getOperation(db, mint.id);
      expect(row.txHash).toBe(original);
      expect(row.supersededTxs.map((c) => c.hash)).not.toContain(original);
      expect(await balance(db, f)).toBe(11n);
    } finally {
      unheard = false;
      await rpc('evm_setAutomine', [true]);
    }
  });

  it('refused for good: after the attempts, a filler at its nonce gives the effect up; the next operation lands', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const worker = testWorker(db, inner, { maxAttempts: 3 });
    const f = await deployedFund(database.current, harness(inner), worker);
    const limit = (await inner.provider.getBlock('latest'))!.gasLimit;
    await rpc('evm_setBlockGasLimit', [hex(100_000n)]); // a mint no longer fits a block; a filler (21,000) does
    let given;
    try {
      given = await requestMint(db, { ...f, chain: inner.chain, to: f.address, units: 13n });
      await until(worker, async () => (await stateOf(db, given!.id)) === 'failed', 60_000);
    } finally {
      await rpc('evm_setBlockGasLimit', [hex(limit)]);
    }
    const failed = await getOperation(db, given.id);
    expect(failed.lastError?.code).toBe('TX_REJECTED');
    expect(failed.supersededTxs).toHaveLength(1);
    const filler = await inner.provider.getTransaction(failed.txHash!);
    expect(filler).toMatchObject({ to: inner.operatorAddress, value: 0n, data: '0x', nonce: Number(failed.sequence) });
    expect((await inner.provider.getTransactionReceipt(failed.txHash!))?.status).toBe(1);

    const next = await requestMint(db, { ...f, chain: inner.chain, to: f.address, units: 17n });
    await until(worker, async () => (await stateOf(db, next.id)) === 'posted', 60_000);
    expect((await getOperation(db, next.id)).sequence).toBe(failed.sequence! + 1n);
    expect(await balance(db, f)).toBe(17n);
  });
});
