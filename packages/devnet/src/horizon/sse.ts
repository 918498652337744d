import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Collection } from './collections.ts';
import type { LocalLedger } from './ledger.ts';
import { compareTokens, type PageQuery } from './paging.ts';

/**
 * Server-Sent Events as Horizon streams them: an "open" hello, then one message per record
 * (id = paging token, so EventSource resumes with Last-Event-ID), first the history after the
 * cursor, then new records as ledgers close. cursor=now skips the history.
 */
export function stream(req: IncomingMessage, res: ServerResponse, ledger: LocalLedger, c: Collection, q: PageQuery): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write('retry: 1000\nevent: open\ndata: "hello"\n\n');
  const resume = (req.headers['last-event-id'] as string | undefined) ?? q.cursor;
  const send = (r: { token: string; json: unknown }) => res.write(`id: ${r.token}\ndata: ${JSON.stringify(r.json)}\n\n`);
  if (resume !== 'now') {
    for (const r of c.items()) if (resume === undefined || compareTokens(r.token, resume) > 0) send(r);
  }
  const off = ledger.on((e) => {
    const r = c.fromEvent(e);
    if (r) send(r);
  });
  req.on('close', off);
}
