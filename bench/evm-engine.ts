/**
 * Engine mint end to end (request → prepare/sign → persist → submit → confirm → ledger posting,
 * PGlite, one in-process worker) against the same mint sent directly (sign + send + receipt),
 * one at a time on the same anvil. The API adds HTTP + validation on top of the engine path.
 */
import { AdminSender, devSecp256k1Signer } from '@fiscus/chain-evm';
import { testBackends } from '@fiscus/ledger/testing';
import { deployedFund, requestMint, settle } from '@fiscus/engine/testing';
import { hexKey, investors, timeDirectMints, type BenchChain } from './evm-chain.ts';
import type { BenchRow } from './table.ts';

const MINTS = Number(process.env.BENCH_EVM_MINTS ?? 30);

export async function benchEvmEngine(c: BenchChain): Promise<BenchRow[]> {
  const backend = testBackends()[0]!; // PGlite
  const created = await backend.create();
  const database = await created.open();
  try {
    const harness = { chain: c.driver.chain, driver: c.driver, newAddress: randomAddress, childDriverModule: '', childDriverEnv: {}, close: async () => {} };
    const f = await deployedFund(database, harness);
    const engineStart = performance.now();
    for (let i = 0; i < MINTS; i++) {
      const op = await requestMint(database.db, { ...f, chain: c.driver.chain, to: f.address, units: 1n });
      await settle(f.worker, database.db, [op.id], 60_000);
    }
    const engineMs = (performance.now() - engineStart) / MINTS;

    // Direct: the admin key is a token agent too, so it can mint without the engine.
    const deployment = await c.driver.deploy({ id: 'bench-direct', name: 'Bench direct', symbol: 'BNCH', decimals: 6 });
    const [holder] = await investors(c, deployment, 1);
    const direct = new AdminSender(c.driver.provider, devSecp256k1Signer(c.keys.admin), c.chainId);
    const directMs = await timeDirectMints(direct, deployment.details.token!, holder!.address, MINTS);
    return [
      {
        bench: 'evm latency',
        metric: `engine mint end to end (${backend.name})`,
        value: `${engineMs.toFixed(1)} ms`,
        note: `${MINTS} sequential mints, requested → posted`,
      },
      {
        bench: 'evm latency',
        metric: 'direct signed mint (estimate, sign, send, receipt)',
        value: `${directMs.toFixed(1)} ms`,
        note: `same anvil, ${MINTS} sequential`,
      },
      {
        bench: 'evm latency',
        metric: 'engine / direct',
        value: `${(engineMs / directMs).toFixed(2)}×`,
        note: 'API adds HTTP + validation on top of the engine path',
      },
    ];
  } finally {
    await database.close();
    await created.drop();
  }
}

/** Any fresh 20-byte address: the engine authorizes it before minting. */
const randomAddress = () => `0x${hexKey().slice(2, 42)}`;
