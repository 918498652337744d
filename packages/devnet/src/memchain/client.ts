import { request } from 'node:http';

/**
 * Minimal JSON-over-HTTP client for the driver. One connection per request (agent: false):
 * no pooled sockets to outlive a paused or closed node, and nothing keeps a test process alive.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface HttpReply {
  status: number;
  json: any;
}

export function httpJson(base: string, method: 'GET' | 'POST', path: string, timeoutMs: number, body?: Uint8Array): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request(url, {
      method,
      agent: false,
      headers: body ? { 'content-type': 'application/octet-stream', 'content-length': body.length } : {},
    });
    // One deadline for the whole exchange (connect, send, headers, body), so a hung node
    // can never make a caller await forever.
    const timer = setTimeout(() => req.destroy(new TransportError(`timeout after ${timeoutMs} ms: ${method} ${path}`)), timeoutMs);
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(e instanceof TransportError ? e : new TransportError(`${method} ${path}: ${(e as Error).message}`, undefined, { cause: e }));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      // A node that dies mid-response (the 'lose' fault) closes before 'end'.
      res.on('close', () => {
        if (!res.complete) fail(new Error('connection closed mid-response'));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === undefined || res.statusCode >= 500) {
          return reject(new TransportError(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`, res.statusCode));
        }
        try {
          resolve({ status: res.statusCode, json: text ? JSON.parse(text) : null });
        } catch (e) {
          reject(new TransportError(`invalid JSON from ${method} ${path}`, res.statusCode, { cause: e }));
        }
      });
    });
    req.end(body);
  });
}
