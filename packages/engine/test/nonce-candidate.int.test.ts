import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DriverRegistry, FiscusError, type ChainDriver, type PreparedTx, type TxStatus } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { onRejected } from '../src/steps/submit.ts';
import { deployedFund, getOperation, requestMint } from '../src/testing/index.ts';
import { silentLogger } from './support/two-chains.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

const LANDED = `0x${'aa'.repeat(32)}`; // the earlier candidate, whose receipt the node has
const CURRENT = `0x${'bb'.repeat(32)}`; // the fee replacement, never mined
const NEVER = `0x${'cc'.repeat(32)}`; // an earlier candidate that never landed

/**
 * Found by the soak: a node restarted from a state dump keeps receipts but not the history that
 * proves the current bytes were dropped, so a replaced operation whose EARLIER candidate had
 * landed waited for ever on "nonce used by another transaction". A receipt of our own candidate
 * answers the question directly: the operation adopts it.
 */
describeEachBackend('a nonce taken by our own earlier candidate', (backend) => {
  const fresh = useFreshDatabase(backend);
  let harness: MemchainHarness;
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  /** A prepared mint at nonce 5 whose current bytes are CURRENT and earlier candidates `superseded`, on a node answering `statusOf`. */
  async function rejectedWithNonceConflict(superseded: string[], statusOf: (tx: PreparedTx) => Promise<TxStatus>) {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    const mint = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 7n });
    await db
      .update(schema.operations)
      .set({
        state: 'prepared',
        signer: 'signer-1',
        sequence: 5n,
        txHash: CURRENT,
        rawTx: Uint8Array.from([0xbb]),
        supersededTxs: superseded.map((hash) => ({ hash, raw: hash.slice(2, 4) })),
        leaseOwner: 'w-test',
        leaseUntil: new Date(Date.now() + 60_000),
      })
      .where(eq(schema.operations.id, mint.id));
    const driver: ChainDriver = new Proxy(harness.driver, {
      get(target, prop) {
        if (prop === 'status') return statusOf;
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const ctx = {
      db,
      drivers: new DriverRegistry().register(driver),
      owner: 'w-test',
      logger: silentLogger,
      backoff: { baseMs: 20, maxMs: 500 },
      pollMs: 20,
      maxAttempts: 5,
      replaceAfterMs: 60_000,
    };
    return onRejected(ctx, await getOperation(db, mint.id), driver, new FiscusError('NONCE_CONFLICT', 'nonce 5 was used by another transaction'));
  }

  it('is adopted from its receipt, even when the current bytes cannot be proven dropped', async () => {
    const row = await rejectedWithNonceConflict([LANDED], async (tx) =>
      tx.hash === LANDED ? { kind: 'confirmed', block: 10n, final: true } : { kind: 'unknown' },
    );
    expect(row).toMatchObject({ state: 'submitted', txHash: LANDED });
    expect(row!.supersededTxs.map((c) => c.hash)).toEqual([CURRENT]);
  });

  it('is adopted even when an EARLIER candidate’s status cannot be read (soak seed 53: anvil restarted without history)', async () => {
    // The first candidate never landed; proving that needs the history the restarted node lacks, so its
    // status throws — which stopped the search before the landed second candidate, for ever.
    const row = await rejectedWithNonceConflict([NEVER, LANDED], async (tx) => {
      if (tx.hash === LANDED) return { kind: 'confirmed', block: 10n, final: true };
      throw new Error('missing trie node (the node has no state for that block)');
    });
    expect(row).toMatchObject({ state: 'submitted', txHash: LANDED });
    expect(row!.supersededTxs.map((c) => c.hash)).toEqual([NEVER, CURRENT]);
  });
});
