import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, PreparedTx } from '@fiscus/core';
import type { EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { RpcProxy } from './support/rpc-proxy.ts';
import { mustSend } from './support/send.ts';

/** Depth 2: a block is final once two more sit on top of it. */
const DEPTH = 2;
/** What a load-balanced endpoint answers from a backend that has not seen the block yet. */
const LAGGING = ['eth_getTransactionReceipt', 'eth_getTransactionByHash'];

describe('EvmDriver status: "dropped" only from a consistent, final view (anvil behind a lagging RPC)', () => {
  let devnet: EvmTestDevnet;
  let proxy: RpcProxy;
  let driver: EvmDriver;
  /** The same driver through the proxy: the node as a load-balanced RPC shows it. */
  let lagging: EvmDriver;
  let d: Deployment;
  let holder: string;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    proxy = await RpcProxy.start(devnet.anvil.url);
    driver = devnet.driver({ confirmations: DEPTH });
    lagging = devnet.driver({ confirmations: DEPTH, url: proxy.url });
    d = await driver.deploy({ id: 'lagging-fund', name: 'Lagging Fund', symbol: 'LAG', decimals: 6 });
    holder = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: holder, investorId: 'inv-lag', country: 840 });
  });
  afterEach(() => proxy.lagging.clear());
  afterAll(async () => {
    await proxy.close();
    await devnet.close();
  });

  const prepareMint = async (units: bigint, sequence?: bigint): Promise<PreparedTx> =>
    driver.prepare({ kind: 'mint', to: holder, units }, { deployment: d, sequence: sequence ?? (await driver.nextSequence(driver.operatorAddress)) });
  const landed = async (tx: PreparedTx) => {
    expect((await driver.submit(tx)).kind).toBe('accepted');
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('confirmed');
  };

  it('a landed transaction whose receipt and body a lagging backend answers null is never dropped', async () => {
    const tx = await prepareMint(3n);
    await landed(tx);
    for (const m of LAGGING) proxy.lagging.add(m);
    // Nonce consumed at the head, not yet final: nothing can be concluded.
    expect((await lagging.status(tx)).kind).toBe('pending');
    await devnet.anvil.cheats.mine(DEPTH + 3);
    // Consumed at a final block, no receipt anywhere the proxy lets us see: the final block that
    // consumed the nonce holds OUR hash, so it landed.
    expect((await lagging.status(tx)).kind).toBe('pending');
    proxy.lagging.clear();
    expect(await lagging.status(tx)).toMatchObject({ kind: 'confirmed', final: true });
    expect(await driver.balanceOf(d, holder)).toBe(3n);
  });

  it('another transaction at our nonce proves "dropped" only once it is final, naming it, even through the lagging RPC', async () => {
    const n = await driver.nextSequence(driver.operatorAddress);
    const loser = await prepareMint(1n, n);
    const winner = await prepareMint(2n, n);
    await landed(winner);
    // The winner could still be reorged away, and the loser land in its place.
    expect((await driver.status(loser)).kind).toBe('pending');
    await devnet.anvil.cheats.mine(DEPTH);
    const dropped = await driver.status(loser);
    expect(dropped).toMatchObject({ kind: 'dropped', sequenceConsumed: true });
    expect(dropped.kind === 'dropped' && dropped.reason).toContain(winner.hash);
    for (const m of LAGGING) proxy.lagging.add(m);
    expect(await lagging.status(loser)).toMatchObject({ kind: 'dropped', sequenceConsumed: true });
    // Far behind the head now: the consuming block is still found (pinned nonce reads).
    await devnet.anvil.cheats.mine(300);
    expect(await lagging.status(loser)).toEqual(dropped);
  });
});
