import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalLedger, type LocalLedgerOptions } from './ledger.ts';
import { BadQuery } from './paging.ts';
import { reply, routeGet, type Reply } from './routes.ts';

export interface LocalHorizonOptions extends Partial<LocalLedgerOptions> {
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
}

export interface LocalHorizon {
  url: string;
  ledger: LocalLedger;
  close(): Promise<void>;
}

export const LOCAL_PASSPHRASE = 'Fiscus Local Ledger ; 2025';
const MAX_BODY = 1 << 20;

/** Starts the local ledger behind a Horizon-compatible HTTP server on 127.0.0.1. */
export async function startLocalHorizon(opts: LocalHorizonOptions = {}): Promise<LocalHorizon> {
  const ledger = new LocalLedger({
    passphrase: opts.passphrase ?? LOCAL_PASSPHRASE,
    closeMs: opts.closeMs ?? 0,
    rootBalance: opts.rootBalance,
    journalFile: opts.journalFile,
  });
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const send = (r: Reply) => {
      if (r === 'streamed') return;
      const json = r.raw ?? JSON.stringify(r.body);
      res.writeHead(r.status, {
        'content-type': r.status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/hal+json; charset=utf-8',
        'access-control-allow-origin': '*',
      });
      res.end(json);
    };
    try {
      const url = new URL(req.url ?? '/', base);
      if (req.method === 'POST' && url.pathname.replace(/\/+$/, '') === '/transactions') {
        const tx = new URLSearchParams(await readBody(req)).get('tx');
        if (!tx) return send(problem(400, 'transaction_missing', 'Transaction Missing', 'The `tx` parameter is missing.'));
        return send(reply(base, await ledger.submit(tx)));
      }
      if (req.method === 'POST' && url.pathname === '/friendbot') return send(await routeGet(ledger, base, url, req, res));
      if (req.method !== 'GET') return send(problem(405, 'method_not_allowed', 'Method Not Allowed', `${req.method} is not supported`));
      send(await routeGet(ledger, base, url, req, res));
    } catch (e) {
      if (e instanceof BadQuery) return send(problem(400, 'bad_request', 'Bad Request', e.message));
      send(problem(500, 'server_error', 'Internal Server Error', (e as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    ledger,
    close: () => {
      ledger.stop();
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const problem = (status: number, type: string, title: string, detail: string): Reply => ({
  status,
  body: { type: `https://stellar.org/horizon-errors/${type}`, title, status, detail },
});

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) throw new Error('request body too large');
  }
  return body;
}
