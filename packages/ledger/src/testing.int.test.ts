import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { MIGRATIONS_DIR, createDb } from './db.ts';
import { executeRows } from './table-statements.ts';
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
        // Cloned from a template with every migration recorded, so opening it with migrate: true applies none.
        const journal = JSON.parse(await readFile(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
        const recorded = await executeRows<{ n: number }>(b.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(recorded).toEqual([{ n: journal.entries.length }]);
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
