import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** The status answered; null while held (never answered). */
  status: number | null;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Ids answered with a 2xx, in order. */
  acknowledged(): string[];
  close(): Promise<void>;
}

/**
 * A Standard Webhooks receiver on 127.0.0.1 for tests: `answer` decides each request's status,
 * or 'hold' to never answer (a receiver that hangs, or the moment a test kills the sender).
 */
export async function startWebhookReceiver(answer: (w: ReceivedWebhook, index: number) => number | 'hold' = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const w: ReceivedWebhook = { headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), status: null };
      received.push(w);
      const a = answer(w, received.length - 1);
      if (a === 'hold') {
        held.push(res);
        return;
      }
      w.status = a;
      res.writeHead(a).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    acknowledged: () => received.filter((w) => w.status !== null && w.status >= 200 && w.status < 300).map((w) => w.headers['webhook-id']!),
    async close() {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
