import { afterAll, beforeAll, expect, it } from 'vitest';
import { getApiKey } from '@fiscus/ledger';
import { describeEachBackend, createTestDb, type TestDbHandle } from '@fiscus/ledger/testing';
import { ensureAdminKey } from '../src/auth/bootstrap.ts';
import { hashSecret } from '../src/auth/keys.ts';

describeEachBackend('first admin key', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());

  it('generates and prints one key only when none exists, and only once', async () => {
    const printed: string[] = [];
    const first = await ensureAdminKey(handle.db, { print: (t) => printed.push(t) });
    expect(first.outcome).toBe('generated');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^fsk_key_[0-9a-f]+_[0-9a-f]{64}$/);
    const again = await ensureAdminKey(handle.db, { print: (t) => printed.push(t) });
    expect(again.outcome).toBe('existing');
    expect(printed).toHaveLength(1);
  });

  it('inserts FISCUS_ADMIN_KEY if its id is absent, storing only the hash', async () => {
    const envKey = 'fsk_ops-admin_thisIsALongEnoughSecret';
    const r = await ensureAdminKey(handle.db, { envKey, print: () => expect.unreachable() });
    expect(r).toMatchObject({ outcome: 'env', keyId: 'ops-admin' });
    const row = await getApiKey(handle.db, { id: 'ops-admin' });
    expect(row).toMatchObject({ role: 'issuer-admin', secretHash: hashSecret('thisIsALongEnoughSecret') });
    expect((await ensureAdminKey(handle.db, { envKey, print: () => {} })).outcome).toBe('existing');
    const other = await ensureAdminKey(handle.db, { envKey: 'fsk_ops-admin_aDifferentSecretValue', print: () => {} });
    expect(other.outcome).toBe('env-mismatch');
  });
});
