import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNTS, startAnvil } from '@fiscus/devnet';
import { EvmDriver, devSecp256k1Signer, ensureInfrastructure } from '../src/index.ts';
import { mustSend } from './support/send.ts';

/** The `npm start` recipe: dev keys, anvil with a state file, infrastructure recorded once. */
async function startDevnetDriver(dir: string) {
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId), statePath: path.join(dir, 'anvil-state.json') });
  const [admin, operator, claimSigner] = ANVIL_DEV_ACCOUNTS.map((a) => devSecp256k1Signer(a.privateKey));
  const signers = { admin: admin!, operator: operator!, claimSigner: claimSigner! };
  const infrastructure = await ensureInfrastructure({ url: anvil.url, chainId, ...signers, recordPath: path.join(dir, 'evm-infrastructure.json') });
  const driver = new EvmDriver({ chainId, url: anvil.url, ...signers, infrastructure });
  return {
    anvil,
    driver,
    infrastructure,
    close: async () => {
      driver.provider.destroy();
      await anvil.stop();
    },
  };
}

describe('devnet restart (npm start keeps its chain)', () => {
  it('reuses the recorded infrastructure and finds the deployed fund after anvil restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscus-evm-restart-'));
    const fund = { id: 'restart-fund', name: 'Restart Fund', symbol: 'RST', decimals: 6 };
    try {
      const first = await startDevnetDriver(dir);
      const deployment = await first.driver.deploy(fund);
      const holder = '0x00000000000000000000000000000000000a11ce';
      await mustSend(first.driver, deployment, { kind: 'authorize', address: holder, investorId: 'inv-restart', country: 840 });
      await mustSend(first.driver, deployment, { kind: 'mint', to: holder, units: 77n });
      await first.close();

      const second = await startDevnetDriver(dir);
      try {
        expect(second.infrastructure).toEqual(first.infrastructure);
        expect(await second.driver.deploy(fund)).toEqual(deployment);
        expect(await second.driver.balanceOf(deployment, holder)).toBe(77n);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
