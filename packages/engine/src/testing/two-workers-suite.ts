import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import type { EngineChainHarness } from './chain.ts';
import { deployedFund } from './fixture.ts';
import { deploymentOf, requestMint } from './seed.ts';
import { runWorkerChild } from './spawn.ts';

const MINTS = 200;

export function describeTwoWorkers(name: string, startHarness: () => Promise<EngineChainHarness>, mints = MINTS): void {
  describeEachBackend(`two worker processes against one database on ${name}`, (backend) => {
    let harness: EngineChainHarness;
    beforeAll(async () => {
      harness = await startHarness();
    });
    afterAll(() => harness.close());

    // PGlite is an embedded, single-process database: two processes cannot share it.
    it.skipIf(backend.name === 'pglite')(`${mints} concurrent mints allocate no nonce twice and land once each`, async () => {
      const created = await backend.create();
      const database = await created.open();
      try {
        const f = await deployedFund(database, harness);
        const ids: string[] = [];
        for (let i = 0; i < mints; i++) {
          ids.push((await requestMint(database.db, { ...f, chain: harness.chain, to: f.address, units: BigInt(i + 1) })).id);
        }
        const children = await Promise.all(
          ['a', 'b'].map((name) => runWorkerChild({ db: created.options, harness, env: { UNTIL: 'idle', WORKER_ID: `worker-${name}` }, timeoutMs: 120_000 })),
        );
        for (const c of children) expect(c.code, c.output).toBe(0);

        const rows = await database.db.select().from(schema.operations).where(eq(schema.operations.kind, 'mint'));
        expect(rows.every((r) => r.state === 'posted')).toBe(true);
        const sequences = new Set(rows.map((r) => r.sequence));
        expect(sequences.size).toBe(mints);
        // Both processes did real work (each transition records the worker that made it).
        const [counted] = await database.db
          .select({ workers: sql<string>`count(distinct ${schema.operationEvents.detail}->>'worker')` })
          .from(schema.operationEvents)
          .where(inArray(schema.operationEvents.operationId, ids));
        expect(Number(counted?.workers)).toBe(2);
        const expected = BigInt((mints * (mints + 1)) / 2);
        expect(await accountBalance(database.db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(expected);
        expect(await harness.driver.totalSupply(await deploymentOf(database.db, f.deploymentId))).toBe(expected);
      } finally {
        await database.close();
        await created.drop();
      }
    });
  });
}
