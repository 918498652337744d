import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachBackend, type TestDbHandle } from './testing.ts';
import { operations } from './schema/index.ts';
import { seedFund } from '../test/fixtures.ts';
import { executeRows, tableStatements } from './table-statements.ts';

const OPERATIONS = tableStatements(operations);

describeEachBackend('table statements', (backend) => {
  let h: TestDbHandle;
  let fundId: string;
  beforeAll(async () => {
    h = await createTestDb(backend);
    fundId = await seedFund(h.db);
  });
  afterAll(() => h.cleanup());

  const insertOperation = async (id: string) => {
    await h.db.insert(operations).values({ id, fundId, chain: 'memory:t', kind: 'mint', body: { kind: 'mint', units: '5' }, state: 'approved' });
  };
  const builderRow = async (id: string) => (await h.db.select().from(operations).where(eq(operations.id, id)))[0];

  // Every column type the engine's rows carry (text, bigint units, bytea, jsonb, timestamps,
  // booleans, nulls): a row read through the statements equals the query builder's row.
  it('sets through each column encoder and decodes a row exactly as the query builder does', async () => {
    await insertOperation('ts-1');
    const patch = {
      signer: 'GSIGNER',
      sequence: 2n ** 62n + 7n,
      rawTx: new Uint8Array([0, 1, 254, 255]),
      validUntil: new Date('2026-12-06T10:00:00.123Z'),
      supersededTxs: [{ hash: '0xab', raw: '00ff', filler: true }],
      lastError: null,
      result: { units: '12', nested: { ok: true } },
      leaseUntil: undefined,
      nextAttemptAt: sql`now() + interval '1 hour'`,
    };
    const [raw] = await executeRows(h.db, sql`update ${OPERATIONS.table} set ${OPERATIONS.set(patch)} where id = ${'ts-1'} returning ${OPERATIONS.columns}`);
    const row = OPERATIONS.fromRow(raw!);
    expect(row).toEqual(await builderRow('ts-1'));
    expect(row).toMatchObject({ sequence: 2n ** 62n + 7n, rawTx: new Uint8Array([0, 1, 254, 255]), validUntil: patch.validUntil, result: patch.result });
    expect(row.supersededTxs).toEqual(patch.supersededTxs);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(row.leaseUntil).toBeNull();
  });

  it('sets nothing for a patch with no defined value, and refuses a key the table does not have', async () => {
    expect(OPERATIONS.set({ signer: undefined })).toBeUndefined();
    expect(() => OPERATIONS.set({ nope: 1 } as never)).toThrow('operations has no column nope');
  });

  it('selects whole rows where a condition holds, in the order asked, as the query builder does', async () => {
    for (const id of ['sw-2', 'sw-1', 'sw-3']) await insertOperation(id);
    const rows = await OPERATIONS.selectWhere(h.db, sql`id like ${'sw-%'}`, sql`order by id desc limit 2`);
    expect(rows.map((r) => r.id)).toEqual(['sw-3', 'sw-2']);
    expect(rows[0]).toEqual(await builderRow('sw-3'));
    expect(await OPERATIONS.selectWhere(h.db, sql`id = ${'none'}`)).toEqual([]);
  });
});
