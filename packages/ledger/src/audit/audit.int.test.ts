import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FiscusError } from '@fiscus/core';
import { createTestDb, describeEachBackend, type TestBackend, type TestDbHandle } from '../testing.ts';
import { auditLog } from '../schema/index.ts';
import { rejection, tamper } from '../../test/fixtures.ts';
import { appendAudit, appendAudits } from './append.ts';
import { GENESIS_HASH, auditHash } from './hash.ts';
import { verifyAuditChain } from './verify.ts';

async function appendMany(h: TestDbHandle, n: number) {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(await appendAudit(h.db, { actor: 'ops', action: 'test.step', subject: `s:${i}`, data: { i, units: BigInt(i) * 10n ** 18n } }));
  return out;
}

/** Tampering needs its own database: the damage cannot be undone through the guards. */
async function withFresh(backend: TestBackend, fn: (h: TestDbHandle) => Promise<void>) {
  const h = await createTestDb(backend);
  try {
    await fn(h);
  } finally {
    await h.cleanup();
  }
}

describeEachBackend('audit chain', (backend) => {
  let h: TestDbHandle;
  beforeAll(async () => {
    h = await createTestDb(backend);
  });
  afterAll(() => h?.cleanup());

  it('appends, round-trips every field and verifies', async () => {
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
    const at = new Date('2025-06-30T23:59:59.999Z');
    const first = await appendAudit(h.db, { actor: 'alice', action: 'fund.create', subject: 'fund:1', data: { z: 1, a: { nested: 'é' } }, at });
    expect(first.seq).toBe(1n);
    const [row] = await h.db.select().from(auditLog);
    expect(row).toMatchObject({ seq: 1n, at, actor: 'alice', prevHash: GENESIS_HASH, hash: first.hash, data: { z: 1, a: { nested: 'é' } } });
    expect(auditHash(GENESIS_HASH, row!)).toBe(first.hash);
    const rest = await appendMany(h, 4);
    expect(rest.map((r) => r.seq)).toEqual([2n, 3n, 4n, 5n]);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: 5, head: rest[3]!.hash });
    expect(await verifyAuditChain(h.db, { fromSeq: 3n })).toEqual({ ok: true, count: 3, head: rest[3]!.hash });
    expect(await verifyAuditChain(h.db, { pageSize: 2 })).toEqual({ ok: true, count: 5, head: rest[3]!.hash });
  });

  it('concurrent appends never fork the chain', async () => {
    const before = await verifyAuditChain(h.db);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(h.db, { actor: `w${i}`, action: 'parallel', subject: 'x' })));
    expect(new Set(results.map((r) => r.seq)).size).toBe(20);
    const after = await verifyAuditChain(h.db);
    expect(after).toMatchObject({ ok: true, count: before.count + 20 });
  });

  it('appends several rows in one call, each chained to the one before', async () => {
    const before = await verifyAuditChain(h.db);
    if (!before.ok) throw new Error('the chain was broken before the test');
    const appended = await appendAudits(
      h.db,
      ['a', 'b', 'c'].map((subject) => ({ actor: 'engine', action: 'operation.posted', subject })),
    );
    expect(appended.map((r) => r.seq)).toEqual([1n, 2n, 3n].map((i) => BigInt(before.count) + i));
    const rows = await h.db.select().from(auditLog).where(sql`${auditLog.seq} > ${before.count}`).orderBy(auditLog.seq);
    expect(rows.map((r) => [r.subject, r.prevHash])).toEqual([
      ['a', before.head],
      ['b', appended[0]!.hash],
      ['c', appended[1]!.hash],
    ]);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: before.count + 3, head: appended[2]!.hash });
    expect(await appendAudits(h.db, [])).toEqual([]);
  });

  it('the database refuses a row that does not link to the head, and edits', async () => {
    const e = await rejection(
      h.db
        .insert(auditLog)
        .values({ seq: 1000n, at: new Date(), actor: 'x', action: 'y', subject: 'z', data: {}, prevHash: GENESIS_HASH, hash: 'a'.repeat(64) }),
    );
    expect(e).toBeDefined();
    expect(((await rejection(appendAudit(h.db, { actor: 'x', action: 'y', subject: 'z', at: new Date(Number.NaN) }))) as FiscusError).code).toBe(
      'VALIDATION_FAILED',
    );
    await rejection(h.db.execute(sql`update audit_log set actor = 'mallory' where seq = 1`));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it('detects an edited row', () =>
    withFresh(backend, async (t) => {
      await appendMany(t, 6);
      await tamper(t.db, 'audit_log', [sql`update audit_log set data = '{"i": 99}' where seq = 4`]);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, count: 3, brokenAt: 4n, reason: 'content does not match its hash' });
      expect(await verifyAuditChain(t.db, { fromSeq: 5n })).toMatchObject({ ok: true, count: 2 });
    }));

  it('detects a re-hashed edit at the next row', () =>
    withFresh(backend, async (t) => {
      await appendMany(t, 4);
      await tamper(t.db, 'audit_log', [sql`update audit_log set actor = 'mallory', hash = ${'b'.repeat(64)} where seq = 2`]);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2n });
      expect(await verifyAuditChain(t.db, { fromSeq: 3n })).toMatchObject({ ok: false, brokenAt: 3n, reason: expect.stringMatching(/prev_hash/) });
    }));

  it('detects a deleted row', () =>
    withFresh(backend, async (t) => {
      await appendMany(t, 6);
      await tamper(t.db, 'audit_log', [sql`delete from audit_log where seq = 3`]);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, count: 2, brokenAt: 3n, reason: expect.stringMatching(/missing/) });
    }));
});
