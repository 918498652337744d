import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountBalance, createDb, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import type { EngineChainHarness } from './chain.ts';
import { deployedFund } from './fixture.ts';
import { deploymentOf, getOperation, requestMint } from './seed.ts';
import { runWorkerChild } from './spawn.ts';

/**
 * A worker process SIGKILLed right after a state change commits, then a fresh worker process:
 * whatever the point, the chain sees one effect and the ledger one posting.
 */
export function describeCrashSafety(name: string, startHarness: () => Promise<EngineChainHarness>): void {
  describeEachBackend(`crash safety on ${name}: worker killed with SIGKILL`, (backend) => {
    let harness: EngineChainHarness;
    beforeAll(async () => {
      harness = await startHarness();
    });
    afterAll(() => harness.close());

    it.each(['prepared', 'submitted', 'confirmed'] as const)('after %s, a restarted worker finishes with one effect and one posting', async (point) => {
      const created = await backend.create();
      try {
        // Set-up in this process, then let go of the database (PGlite allows one process at a time).
        let database = await created.open();
        const f = await deployedFund(database, harness);
        const mint = await requestMint(database.db, { ...f, chain: harness.chain, to: f.address, units: 250_000n });
        await database.close();

        const crashed = await runWorkerChild({ db: created.options, harness, env: { CRASH_AFTER: point, CRASH_OP: mint.id } });
        expect(crashed.signal, crashed.output).toBe('SIGKILL');

        database = await createDb({ ...created.options, migrate: false });
        expect((await getOperation(database.db, mint.id)).state).toBe(point);
        await database.close();

        const resumed = await runWorkerChild({ db: created.options, harness, env: { UNTIL: 'idle' } });
        expect(resumed.code, resumed.output).toBe(0);

        database = await createDb({ ...created.options, migrate: false });
        const row = await getOperation(database.db, mint.id);
        expect(row.state).toBe('posted');
        const entries = await database.db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, mint.id));
        expect(entries).toHaveLength(1);
        expect(await accountBalance(database.db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(250_000n);
        const deployment = await deploymentOf(database.db, f.deploymentId);
        expect(await harness.driver.totalSupply(deployment)).toBe(250_000n);
        expect(await harness.driver.balanceOf(deployment, f.address)).toBe(250_000n);
        await database.close();
      } finally {
        await created.drop();
      }
    });
  });
}
