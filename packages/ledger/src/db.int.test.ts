import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDb } from './db.ts';

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
});
