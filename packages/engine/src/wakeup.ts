import { listen, notify, type Db, type Unlisten } from '@fiscus/ledger';

// New work wakes workers at once instead of waiting for their next poll: whoever makes an
// operation due (a request, an approval, a filler, a predecessor that landed) sends a NOTIFY on
// WORK_CHANNEL with the operation's chain, inside its own transaction, so the wake-up is
// delivered at commit, when the row is visible to a claim. Workers LISTEN (Worker.start);
// their slow poll stays as the fallback for anything not signalled (a lease that expired).

/** The channel operations are signalled on; the payload is the operation's chain id. */
export const WORK_CHANNEL = 'fiscus_work';

/** An operation of `chain` may be due now. Inside a transaction, delivered when it commits. */
export function signalWork(db: Db, chain: string): Promise<void> {
  return notify(db, WORK_CHANNEL, chain);
}

/** Calls `onWork(chain)` for every signal, from this process or any other on the same database. */
export function listenForWork(db: Db, onWork: (chain: string) => void): Promise<Unlisten> {
  return listen(db, WORK_CHANNEL, onWork);
}
