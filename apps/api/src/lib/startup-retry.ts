import type { Logger } from 'pino';

/** How long a starting process waits for the database and the chains to come back. */
export const STARTUP_RETRY_MS = 120_000;

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now; connection exceptions
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const TRANSIENT_TEXT =
  /socket hang up|bad gateway|service unavailable|gateway timeout|fetch failed|timed? ?out|starting up|shutting down|terminating connection|server closed the connection|ECONNREFUSED|ECONNRESET/i;

/**
 * Whether a start-up failure says "a service we need is not answering right now" (a database
 * restarting, a chain's RPC behind a failing gateway) rather than "this cannot work" (bad
 * configuration, a key that does not match). Walks `cause` chains: drivers wrap the socket error.
 */
export function isTransientStartupError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 6; cur = (cur as { cause?: unknown }).cause, depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_TEXT.test(message)) return true;
  }
  return false;
}

/**
 * Runs one start-up step, again with backoff (0.5 s doubling to 5 s) while it fails transiently and
 * `deadlineMs` has not passed; a permanent failure, or the last transient one, is thrown. A
 * process started during a database restart or a chain outage waits for it instead of exiting.
 */
export async function retryWhileUnavailable<T>(
  what: string,
  step: () => Promise<T>,
  o: { logger: Pick<Logger, 'warn'>; deadlineMs?: number; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const deadline = Date.now() + (o.deadlineMs ?? STARTUP_RETRY_MS);
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      if (!isTransientStartupError(e) || Date.now() >= deadline) throw e;
      const waitMs = Math.min(5_000, 500 * 2 ** attempt);
      o.logger.warn({ step: what, attempt: attempt + 1, waitMs, err: e instanceof Error ? e.message : String(e) }, `${what} not available yet; retrying`);
      await sleep(waitMs);
    }
  }
}
