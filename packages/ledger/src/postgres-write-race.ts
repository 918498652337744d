/**
 * postgres.js 3.4.x schedules a socket write with setImmediate; when Postgres restarts or drops
 * the connection in between, `closed()` sets the socket to null and the pending write throws
 * `TypeError: Cannot read properties of null (reading 'write')` from `nextWrite`, outside any
 * promise (porsager/postgres#1154, #1208; not fixed in 3.4.10). Found by the chaos soak: it killed
 * API and worker processes on every database restart.
 *
 * The write belonged to a connection that is already gone, and the driver has already failed the
 * queries on it (CONNECTION_CLOSED) and reconnects for the next ones, so the process can go on.
 * Only exactly that error is survived; any other uncaught exception still ends the process.
 */
export function isPostgresWriteAfterClose(err: unknown): boolean {
  if (!(err instanceof TypeError) || !err.message.includes("reading 'write'")) return false;
  const top = (err.stack ?? '').split('\n').find((line) => line.trimStart().startsWith('at '));
  return top !== undefined && top.includes('nextWrite') && /postgres[\\/]src[\\/]connection\.js/.test(top);
}

/** postgres.js: the socket went away; PostgreSQL: admin shutdown or termination, crash shutdown, cannot connect now. */
const CONNECTION_LOSS = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03']);

/**
 * A query whose session was lost (socket cut, or the backend terminated by the server), rejected
 * by postgres.js where nothing awaited it: Node raises such an unhandled rejection as an uncaught
 * exception. Found by the chaos soak (seed 53): workers starting during a database restart exited
 * on `write CONNECTION_CLOSED` and on `terminating connection due to administrator command`, though
 * every step of their start-up awaits its queries and retries — postgres.js runs queries of its own
 * on a new connection. Whatever did await a query on that session got its own rejection, and the
 * driver reconnects, so the process can go on.
 */
export function isPostgresConnectionLoss(err: unknown): boolean {
  if (!(err instanceof Error) || !CONNECTION_LOSS.has(String((err as { code?: unknown }).code))) return false;
  const top = (err.stack ?? '').split('\n').find((line) => line.trimStart().startsWith('at '));
  return top !== undefined && /postgres[\\/]src[\\/]connection\.js/.test(top);
}

/** Installs the process-wide handler; `report` is told of each survived error (log it). */
export function survivePostgresWriteAfterClose(report: (err: Error) => void): void {
  process.on('uncaughtException', (err) => {
    if (isPostgresWriteAfterClose(err) || isPostgresConnectionLoss(err)) {
      report(err);
      return;
    }
    // What Node does without a handler: the stack on stderr, exit code 1.
    process.stderr.write(`${err.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
