import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';

// Postgres LISTEN/NOTIFY on both backends. On postgres.js the listener holds one dedicated
// connection per pool (shared by every listen call on it) and hears other processes; on PGlite
// the single in-process instance delivers its own notifications. A NOTIFY sent inside a
// transaction is delivered at commit, never before, and not at all on rollback.

/** Sends `payload` on `channel` (inside `db`'s transaction when `db` is one). */
export async function notify(db: Db, channel: string, payload = ''): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Stops a listener; idempotent. */
export type Unlisten = () => Promise<void>;

interface PostgresJsClient {
  listen(channel: string, onNotify: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
  options?: unknown;
}
interface PgliteClient {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  waitReady?: unknown;
}

/**
 * Calls `onNotify` for every notification on `channel`. `db` must be the root handle from
 * createDb() (a transaction has no client to listen on). Resolves once the LISTEN is active.
 */
export async function listen(db: Db, channel: string, onNotify: (payload: string) => void): Promise<Unlisten> {
  const client = (db as unknown as { $client?: PostgresJsClient | PgliteClient }).$client;
  if (!client || typeof client.listen !== 'function') throw new Error('listen() needs the root database handle from createDb()');
  let stopped = false;
  if ('waitReady' in client) {
    const unlisten = await (client as PgliteClient).listen(channel, onNotify);
    return async () => {
      if (stopped) return;
      stopped = true;
      await unlisten().catch(() => {}); // the instance may be closed already
    };
  }
  const request = await (client as PostgresJsClient).listen(channel, onNotify);
  return async () => {
    if (stopped) return;
    stopped = true;
    await request.unlisten().catch(() => {});
  };
}
