import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAnvil, type AnvilNode } from '../anvil/node.ts';
import { startGate, type Gate } from './gate.ts';
import { seedGenesisState } from './seed.ts';
import { anvilGenesis, configuredPrecompiles, type SubnetEvmGenesisLike } from './precompiles.ts';

export interface SubnetEvmOptions {
  /** The Subnet-EVM genesis the L1 was created with (CreateChainTx genesisData). */
  genesis: SubnetEvmGenesisLike;
  /** Port of the gate (the L1's RPC URL); default 0 = any free port. */
  port?: number;
  /** anvil --state: keeps the chain across restarts (`npm start`). */
  statePath?: string;
  stateIntervalSeconds?: number;
  /** Mine while ready transactions wait in the pool (anvil sweepMs): Subnet-EVM builds blocks while its mempool holds work. */
  sweepMs?: number;
}

export interface SubnetEvmNode {
  /** The L1's JSON-RPC endpoint: the gate. Everything a client sends goes here. */
  readonly url: string;
  /** anvil behind the gate, for devnet cheats only (a real L1 has no such door). */
  readonly anvil: AnvilNode;
  readonly chainId: number;
  readonly gate: Gate;
  stop(): Promise<void>;
}

/** Starts anvil from the Subnet-EVM genesis (precompile stand-ins installed) behind the allow-list gate. */
export async function startSubnetEvm(o: SubnetEvmOptions): Promise<SubnetEvmNode> {
  const genesis = anvilGenesis(o.genesis);
  const dir = mkdtempSync(path.join(tmpdir(), 'fiscus-subnet-evm-'));
  const file = path.join(dir, 'genesis.json');
  writeFileSync(file, JSON.stringify(genesis));
  const chainId = genesis.config.chainId;
  let anvil: AnvilNode | undefined;
  try {
    const gasLimit = ['--gas-limit', String(BigInt(genesis.gasLimit))];
    if (!o.statePath) {
      anvil = await startAnvil({ chainId, accounts: 1, sweepMs: o.sweepMs, extraArgs: ['--init', file, ...gasLimit] });
    } else {
      // anvil refuses --init with --state, so a persisted chain starts empty and gets the genesis
      // state by cheat codes before the gate opens; a restart resumes from the state file.
      anvil = await startAnvil({
        chainId,
        accounts: 1,
        statePath: o.statePath,
        stateIntervalSeconds: o.stateIntervalSeconds,
        sweepMs: o.sweepMs,
        extraArgs: gasLimit,
      });
      await seedGenesisState(anvil.url, genesis);
    }
    const gate = await startGate({
      upstream: anvil.url,
      port: o.port,
      txAllowList: !!genesis.config.txAllowListConfig,
      deployerAllowList: !!genesis.config.contractDeployerAllowListConfig,
      precompiles: configuredPrecompiles(genesis),
    });
    const node = anvil;
    return {
      url: gate.url,
      anvil: node,
      chainId,
      gate,
      async stop() {
        await gate.close();
        await node.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
