import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createDb } from './db.ts';
import { describeEachBackend } from './testing.ts';
import { funds } from './schema/index.ts';
import { dbMessage, rejection } from '../test/fixtures.ts';

const child = fileURLToPath(new URL('../test/child-open.ts', import.meta.url));

describeEachBackend('test backends', (backend) => {
  it('creates an isolated, migrated database that a child process can open by its options', async () => {
    const [one, two] = [await backend.create(), await backend.create()];
    expect(one.options).not.toEqual(two.options);
    try {
      // Another process writes (PGlite: one process at a time on a data dir, so nothing is open here).
      const { stdout: fundId } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(one.options)]);
      const a = await one.open();
      const b = await two.open();
      try {
        expect(await a.db.select({ id: funds.id }).from(funds).where(eq(funds.id, fundId))).toEqual([{ id: fundId }]);
        expect(await b.db.select().from(funds)).toEqual([]);
        // Migrated, guards included: the cast fails if the function does not exist.
        await a.db.execute(sql`select 'fiscus_assert_entry_balanced'::regproc`);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await one.drop();
      await two.drop();
    }
    // Dropped means gone: opening it again must not find our data.
    if (backend.name === 'postgres') {
      const gone = await createDb({ ...one.options, migrate: false });
      expect(dbMessage(await rejection(gone.db.execute(sql`select 1`)))).toMatch(/does not exist/);
      await gone.close();
    }
  });
});
