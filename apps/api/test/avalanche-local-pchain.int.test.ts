import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSubnetEvmGenesis, genesisBytes, platformL1Config } from '@fiscus/chain-avalanche';
import { provisionLocalL1Hook } from '../src/chains/avalanche/wiring.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/lib/logger.ts';

// npm start (AVALANCHE_NETWORK=local): the local L1 is created on the P-Chain stand-in before the
// Subnet-EVM stand-in starts, and a restart finds it instead of creating a second one.
const dir = mkdtempSync(join(tmpdir(), 'fiscus-local-pchain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('provisions the local L1 through the P-Chain stand-in and finds it again after a restart', async () => {
  const config = loadConfig({ AVALANCHE_NETWORK: 'local', ETHEREUM_NETWORK: 'none', STELLAR_NETWORK: 'none', FISCUS_DEVNET: 'none' });
  const genesisConfig = platformL1Config({
    chainId: 99_999,
    allowListAdmin: '0x' + '11'.repeat(20),
    admin: '0x' + '22'.repeat(20),
    operator: '0x' + '33'.repeat(20),
  });
  const first = await provisionLocalL1Hook({ config, genesisConfig, logger: silentLogger(), stateDir: dir });
  const server = first.pchain.server!;
  const [blockchainId, chain] = [...server.state.chains][0]!;
  expect(server.state.subnets.size).toBe(1);
  expect(server.subnet(chain.subnetId)!.conversion?.chainId).toBe(blockchainId);
  // what the Subnet-EVM stand-in is started from = the CreateChainTx's genesisData = the platform's genesis
  expect(Buffer.from(chain.genesis).equals(Buffer.from(genesisBytes(first.genesis)))).toBe(true);
  expect(first.genesis).toEqual(buildSubnetEvmGenesis(genesisConfig));
  await first.pchain.close();

  const again = await provisionLocalL1Hook({ config, genesisConfig, logger: silentLogger(), stateDir: dir });
  expect(again.genesis).toEqual(first.genesis);
  expect(again.pchain.server!.state.subnets.size).toBe(1); // reloaded from its state file, nothing new issued
  expect([...again.pchain.server!.state.chains.keys()]).toEqual([blockchainId]);
  await again.pchain.close();
});
