import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@fiscus/ledger';
import { WORK_CHANNEL } from './wakeup.ts';

const { operations } = schema;

/**
 * A statement (for a WITH clause) that wakes, for every row of `landed` (chain, signer,
 * sequence), the operation holding the signer's next sequence if it waits for it
 * (steps/sequence-wait.ts, awaitPredecessor): due now, and the workers signalled — pg_notify in
 * its RETURNING fires only for a row it woke, and is delivered at commit. Part of the statement
 * that records the landing, so a wake costs no round trip of its own.
 */
export function wakeNextSequence(landed: SQL): SQL {
  return sql`update ${operations} as waiting set next_attempt_at = now()
    from ${landed} as landed
    where waiting.chain = landed.chain and waiting.signer = landed.signer and waiting.sequence = landed.sequence + 1
      and waiting.state in ('prepared', 'submitted') and waiting.next_attempt_at > now()
    returning pg_notify(${WORK_CHANNEL}, waiting.chain)`;
}
