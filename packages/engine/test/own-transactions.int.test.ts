import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { ownTxQueries } from '../src/ingest/own-transactions.ts';

/**
 * The ingest asks, for every page of chain events, which transactions are the platform's own.
 * Without an index both lookups scanned every operation ever posted, per page: a cold ingest of
 * 100,000 holders on a platform of a million operations read the table 200 times. Sequential
 * scans are priced out here, so a plan that still scans `operations` has no index to use.
 */
describeEachBackend('ingest: own-transaction lookups', (backend) => {
  const fresh = useFreshDatabase(backend);

  it('are served by indexes of operations, not a scan of every operation', async () => {
    await fresh.current.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const q = ownTxQueries(tx, 'evm:31337', ['0x' + 'ab'.repeat(32), '0x' + 'cd'.repeat(32)]);
      for (const [name, query] of Object.entries(q)) {
        const result = (await tx.execute(sql`explain ${query}`)) as unknown as { rows?: Record<string, string>[] } & Record<string, string>[];
        const plan = (result.rows ?? result).map((r) => Object.values(r)[0]).join('\n');
        expect(plan, name).not.toMatch(/Seq Scan on operations/);
        expect(plan, name).toMatch(/Index Scan|Index Only Scan/);
      }
    });
  });
});
