import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { FiscusError } from '@fiscus/core';
import { claimIdempotencyKey, completeIdempotencyKey, getIdempotencyKey, type Db, type IdempotencyRow } from '@fiscus/ledger';
import type { AppBindings } from '../lib/types.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * What is stored for a replay: the exact bytes first sent, so every replay is byte-identical —
 * except where a handler set `replayBody` to keep a secret out of the database.
 */
interface StoredResponse {
  body: string;
  contentType: string;
}

class Replay {
  constructor(readonly row: IdempotencyRow) {}
}
class Rollback {}
class Vanished {}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Exactly-once mutations. The whole request — validation, handler, every write — runs inside
 * ONE transaction that first inserts (principal, key). A concurrent request with the same key
 * blocks on that primary key until the first commits, then replays what it stored. Only 2xx
 * responses are stored: anything else rolls back, key included, so the client may retry.
 * Handlers must use c.var.db (the transaction) — on PGlite a root query here would deadlock.
 */
export const idempotent: MiddlewareHandler<AppBindings> = async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (!key || key.length > 255) {
    throw new FiscusError('IDEMPOTENCY_KEY_REQUIRED', `mutating requests need an ${IDEMPOTENCY_HEADER} header of 1..255 characters`);
  }
  const claim = {
    principal: c.var.principal.keyId,
    key,
    method: c.req.method,
    path: c.req.path,
    requestHash: sha256(await c.req.text()),
  };
  const root = c.var.db;
  for (let attempt = 0; ; attempt++) {
    try {
      await root.transaction(async (tx) => {
        if (!(await claimIdempotencyKey(tx, claim))) {
          const row = await getIdempotencyKey(tx, claim);
          throw row ? new Replay(row) : new Vanished();
        }
        await runHandler(c, next, tx, claim);
      });
      return;
    } catch (e) {
      if (e instanceof Rollback) return; // c.res already holds the error response
      if (e instanceof Replay) return replay(c, e.row, claim);
      // The first holder rolled back between our insert and read: claim again, briefly.
      if (e instanceof Vanished && attempt < 5) {
        await sleep(10 * (attempt + 1));
        continue;
      }
      throw e;
    } finally {
      c.set('db', root);
    }
  }
};

async function runHandler(c: Context<AppBindings>, next: () => Promise<void>, tx: Db, claim: { principal: string; key: string }) {
  c.set('db', tx);
  await next();
  c.set('db', c.var.deps.db);
  const status = c.res.status;
  if (c.error || status < 200 || status >= 300) throw new Rollback();
  const body = await c.res.text();
  const contentType = c.res.headers.get('content-type') ?? 'application/json';
  // The body stream was consumed above: hand the client an identical response.
  c.res = new Response(body, { status, headers: c.res.headers });
  const replayBody = c.get('replayBody');
  const stored: StoredResponse = { body: replayBody === undefined ? body : JSON.stringify(replayBody), contentType };
  await completeIdempotencyKey(tx, { ...claim, statusCode: status, response: stored });
}

function replay(c: Context<AppBindings>, row: IdempotencyRow, claim: { method: string; path: string; requestHash: string }): Response {
  if (row.method !== claim.method || row.path !== claim.path || row.requestHash !== claim.requestHash) {
    throw new FiscusError('IDEMPOTENCY_MISMATCH', 'this Idempotency-Key was used for a different request', {
      details: 'Reuse a key only to retry the exact same request (same method, path and body).',
    });
  }
  const stored = row.response as StoredResponse;
  return c.body(stored.body, row.statusCode as 200, { 'Content-Type': stored.contentType, [REPLAYED_HEADER]: 'true' });
}
