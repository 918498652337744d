/**
 * One devnet in a process of its own (SOAK_CHAIN = stellar | ethereum | avalanche), started with
 * the API's own wiring so the chain, its state files and the shared contract records are exactly
 * what `npm start` would make. Living apart from the API and the workers, it can be paused
 * (SIGSTOP) or restarted without taking them down. Prints one `READY {json}` line.
 */
import { buildAvalanche } from '../../../../apps/api/src/chains/avalanche/wiring.ts';
import { buildEvm } from '../../../../apps/api/src/chains/ethereum/wiring.ts';
import { buildStellar } from '../../../../apps/api/src/chains/stellar/wiring.ts';
import { loadConfig } from '../../../../apps/api/src/config.ts';
import { silentLogger } from '../../../../apps/api/src/lib/logger.ts';
import {
  anvilStatePath,
  avalancheInfrastructurePath,
  avalancheStatePath,
  evmInfrastructurePath,
  stellarLocalStatePath,
} from '../../../../apps/api/src/wiring.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = silentLogger();
  const kind = process.env.SOAK_CHAIN;
  let ready: { url: string; pausePid: number };
  let close: () => Promise<void>;
  if (kind === 'stellar') {
    const seed = Buffer.from(config.STELLAR_KEYRING_SEED ?? '', 'hex');
    const s = (await buildStellar(config, logger, { seed: () => seed, localStateFile: stellarLocalStatePath(config) }))!;
    ready = { url: s.local!.url, pausePid: process.pid };
    close = s.close;
  } else if (kind === 'ethereum') {
    const e = (await buildEvm(config, logger, { localStateFile: anvilStatePath(config), infrastructureFile: evmInfrastructurePath(config) }))!;
    e.driver.provider.destroy();
    ready = { url: e.anvil!.url, pausePid: e.anvil!.pid };
    close = e.close;
  } else if (kind === 'avalanche') {
    const a = (await buildAvalanche(config, logger, { localStateFile: avalancheStatePath(config), infrastructureFile: avalancheInfrastructurePath(config) }))!;
    a.driver.provider.destroy();
    ready = { url: a.node!.url, pausePid: process.pid };
    close = async () => {
      await a.node?.stop();
      await a.pchain?.close();
    };
  } else {
    throw new Error(`SOAK_CHAIN must be stellar | ethereum | avalanche, got ${kind}`);
  }
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  // A graceful stop writes the chain's state (anvil dumps it, the ledger's journal is already on disk).
  const stop = () => {
    close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`chain node failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
