import type { ChainDriver, PreparedTx } from '@fiscus/core';
import { openSep8Approvals, settleSep8Approval, type Db } from '@fiscus/ledger';

/**
 * Follows approved transactions until they land, fail or expire (the wallet submits them, not
 * us): each open approval's transaction is looked up by hash, and `status` says `dropped` once
 * its time bounds passed or its sequence was used by another transaction. While open, its units
 * count toward the receiver's holding; the cap table itself follows from the ingest when the
 * payment lands. Run before each decision, so limits are judged on what can still land.
 */
export async function refreshOpenApprovals(db: Db, driver: Pick<ChainDriver, 'status'>, p: { fundId: string }): Promise<void> {
  for (const row of await openSep8Approvals(db, p)) {
    if (!row.approvedHash || !row.approvedSequence) continue;
    const tx: PreparedTx = {
      hash: row.approvedHash,
      raw: new Uint8Array(),
      signer: row.source,
      sequence: BigInt(row.approvedSequence),
      ...(row.validUntil ? { validUntil: row.validUntil } : {}),
      description: `SEP-8 approval ${row.txHash}`,
    };
    const s = await driver.status(tx);
    if (s.kind === 'confirmed') await settleSep8Approval(db, { txHash: row.txHash, state: 'landed' });
    else if (s.kind === 'failed') await settleSep8Approval(db, { txHash: row.txHash, state: 'failed' });
    else if (s.kind === 'dropped') await settleSep8Approval(db, { txHash: row.txHash, state: 'expired' });
  }
}
