import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stablecoinSettlementOf } from '@fiscus/core';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import { buildEvm } from '../src/chains/ethereum/wiring.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/lib/logger.ts';

// npm start: every EVM devnet gets a local USDC (FiscusUSDC) in its infrastructure record, and a
// restart on the same chain finds it instead of deploying a second one.
const dir = mkdtempSync(join(tmpdir(), 'fiscus-settlement-devnet-'));
let anvil: AnvilNode;
beforeAll(async () => {
  anvil = await startAnvil({ chainId: 31_337 });
});
afterAll(async () => {
  await anvil?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('the local Ethereum devnet provides a local USDC, recorded and reused across restarts; funds deploy settlement contracts', async () => {
  const config = loadConfig({
    ETHEREUM_NETWORK: 'local',
    ETHEREUM_RPC_URL: anvil.url,
    AVALANCHE_NETWORK: 'none',
    STELLAR_NETWORK: 'none',
    FISCUS_DEVNET: 'none',
  });
  const infrastructureFile = join(dir, 'evm-infrastructure.json');
  const first = (await buildEvm(config, silentLogger(), { infrastructureFile }))!;
  const usdc = first.driver.capabilities.settlement && JSON.parse(readFileSync(infrastructureFile, 'utf8')).settlement;
  expect(usdc).toMatchObject({ decimals: 6, symbol: 'USDC', local: true });
  const d = await first.driver.deploy({ id: 'devnet-cash', name: 'Devnet Cash', symbol: 'DVC', decimals: 6 });
  const s = stablecoinSettlementOf(first.driver)!;
  expect(s.settlementAsset(d)).toEqual({ family: 'evm', address: usdc.address, decimals: 6, symbol: 'USDC' });
  await first.driver.faucetStablecoin('0x000000000000000000000000000000000000dEaD', 25_000_000n);
  expect(await s.stablecoinBalance(d, '0x000000000000000000000000000000000000dEaD')).toBe(25_000_000n);
  // What POST /v1/dev/faucet pays with on this chain (the local EVM chains had no faucet: 403): micro-dollars in.
  const tap = await first.faucet!.pay('0x000000000000000000000000000000000000bEEF', 1_500_000n);
  expect(tap.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  expect(await s.stablecoinBalance(d, '0x000000000000000000000000000000000000bEEF')).toBe(1_500_000n);
  await first.close();

  const again = (await buildEvm(config, silentLogger(), { infrastructureFile }))!;
  expect(JSON.parse(readFileSync(infrastructureFile, 'utf8')).settlement.address).toBe(usdc.address);
  await again.close();
}, 120_000);
