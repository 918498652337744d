import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createDb, PREPARED_MAX_PARAMS } from './db.ts';
import { pgTable, text } from 'drizzle-orm/pg-core';

const adminUrl = process.env.DATABASE_URL;

describe.skipIf(!adminUrl)('createDb on Postgres', () => {
  // Regression: several processes migrating one empty database at once raced, and the loser
  // failed with a duplicate pg_namespace key (and kept its pool open, hanging the process).
  it('serialises concurrent migrators', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    const name = `fiscus_t_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(adminUrl!);
      url.pathname = `/${name}`;
      const opened = await Promise.allSettled(Array.from({ length: 4 }, () => createDb({ url: url.toString(), max: 1 })));
      for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason?.cause ?? o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    }
  });

  // Regression: drizzle ran every query unnamed and postgres.js described each one before running
  // it — two round trips and a parse per statement (the pipeline bench: 17,429 Parse messages for
  // 17,460 statements). Queries are now kept as named statements on their connection, in
  // transactions too, and run again without a parse.
  it('keeps queries as prepared statements on the connection, in and out of transactions', async () => {
    const database = await createDb({ url: adminUrl!, max: 1, migrate: false });
    try {
      const db = database.db;
      // A catalog table: the query builder's path, on a database with no schema of ours.
      const pgClass = pgTable('pg_class', { relname: text('relname') });
      const read = (name: string) => db.select({ name: pgClass.relname }).from(pgClass).where(eq(pgClass.relname, name));
      await read('a');
      await db.transaction(async (tx) => {
        await tx.select({ name: pgClass.relname }).from(pgClass).where(eq(pgClass.relname, 'in a transaction'));
      });
      await read('b');
      const prepared = await db.execute(sql`select statement from pg_prepared_statements`);
      const statements = [...(prepared as unknown as { statement: string }[])].map((r) => r.statement);
      // One statement for the three calls with the same text: parsed once, run three times.
      expect(statements.filter((s) => s.includes('from "pg_class"'))).toHaveLength(1);
      // A long list runs unnamed: no statement kept per list length.
      const names = Array.from({ length: PREPARED_MAX_PARAMS + 1 }, (_, i) => `t${i}`);
      await db.select({ name: pgClass.relname }).from(pgClass).where(inArray(pgClass.relname, names));
      const after = await db.execute(sql`select statement from pg_prepared_statements`);
      expect([...(after as unknown as { statement: string }[])].filter((r) => r.statement.includes(' in ('))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
