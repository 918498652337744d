import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { deploymentOf, getOperation, runWorkerChild, seedFund, seedWallet, settle, testWorker, type EngineChainHarness } from '@fiscus/engine/testing';
import { ALLOW_LIST_ROLE } from '@fiscus/devnet';
import { allowListAbi, nativeMinterAbi, PRECOMPILES, type AvalancheDriver } from '../src/index.ts';
import { startAvalancheEngineHarness } from './support/engine-harness.ts';

/**
 * The allow-list step is part of the authorize transaction (gatekeeper), so a worker killed at any
 * point of an authorize leaves either nothing or everything on chain, and the restarted worker
 * finishes with ONE enablement and ONE gas top-up.
 */
describeEachBackend('avalanche: worker killed during an authorize', (backend) => {
  let harness: EngineChainHarness;
  beforeAll(async () => {
    harness = await startAvalancheEngineHarness();
  });
  afterAll(() => harness.close());

  it.each(['prepared', 'submitted'] as const)(
    'after %s: one RoleSet, one top-up, wallet authorized',
    async (point) => {
      const driver = harness.driver as AvalancheDriver;
      const created = await backend.create();
      try {
        let database = await created.open();
        const fund = await seedFund(database.db, { chain: harness.chain });
        await settle(testWorker(database.db, driver), database.db, [fund.deploy.id]);
        const address = harness.newAddress();
        const wallet = await seedWallet(database.db, { fundId: fund.fundId, chain: harness.chain, address });
        await database.close();

        const crashed = await runWorkerChild({ db: created.options, harness, env: { CRASH_AFTER: point, CRASH_OP: wallet.authorize.id } });
        expect(crashed.signal, crashed.output).toBe('SIGKILL');
        const resumed = await runWorkerChild({ db: created.options, harness, env: { UNTIL: 'idle' } });
        expect(resumed.code, resumed.output).toBe(0);

        database = await createDb({ ...created.options, migrate: false });
        expect((await getOperation(database.db, wallet.authorize.id)).state).toBe('posted');
        const deployment = await deploymentOf(database.db, fund.deploymentId);
        await database.close();
        expect(await driver.isAuthorized(deployment, address)).toBe(true);
        expect(await driver.allowListRole('txAllowList', address)).toBe(ALLOW_LIST_ROLE.Enabled);
        const roleSets = await driver.provider.getLogs({
          address: PRECOMPILES.txAllowList,
          fromBlock: 0,
          topics: [allowListAbi.getEvent('RoleSet')!.topicHash, null, `0x${address.slice(2).toLowerCase().padStart(64, '0')}`],
        });
        expect(roleSets).toHaveLength(1);
        const mints = await driver.provider.getLogs({
          address: PRECOMPILES.contractNativeMinter,
          fromBlock: 0,
          topics: [nativeMinterAbi.getEvent('NativeCoinMinted')!.topicHash, null, `0x${address.slice(2).toLowerCase().padStart(64, '0')}`],
        });
        expect(mints).toHaveLength(1);
        expect(await driver.provider.getBalance(address)).toBe(BigInt(harness.childDriverEnv.AVALANCHE_TOPUP_WEI!));
      } finally {
        await created.drop();
      }
    },
    180_000,
  ); // two worker processes (tsx start-up each) on a shared 2-core machine
});
