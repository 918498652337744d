import type { Server } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriverRegistry } from '@fiscus/core';
import { createTestDb, pgliteBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createApp } from '../src/app.ts';
import { createApiKey } from '../src/auth/bootstrap.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startServer } from '../src/server.ts';

/**
 * The real HTTP server (the one main.ts starts) on 127.0.0.1, spoken to with raw sockets: what
 * fetch never sends — a body shorter than its Content-Length, a client that goes away, headers
 * that never finish — must neither count as a server error nor hold a connection for minutes.
 */
let handle: TestDbHandle;
let server: Server;
let port: number;
let adminKey: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  handle = await createTestDb(pgliteBackend);
  adminKey = (await createApiKey(handle.db, { role: 'issuer-admin', actor: 'test' })).token;
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = createApp({ db: handle.db, drivers: new DriverRegistry(), logger: createLogger({ level: 'info', destination: sink }) });
  port = await new Promise<number>((resolve) => {
    server = startServer(app, { hostname: '127.0.0.1', port: 0, requestTimeoutMs: 1_000, headersTimeoutMs: 500 }, (info) => resolve(info.port));
  });
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await handle?.cleanup();
});

interface Exchange {
  /** Everything the server wrote until it closed the connection (or `until` matched). */
  text: string;
  closed: boolean;
}

/** Writes `chunks` on one connection; `end` half-closes after them, `destroy` drops the connection. */
function raw(chunks: (string | Buffer)[], o: { after?: 'end' | 'destroy' | 'wait'; until?: (text: string) => boolean } = {}): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (closed: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve({ text, closed });
    };
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (o.until?.(text)) done(false);
    });
    socket.on('close', () => done(true));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (o.after === 'end') socket.end();
      if (o.after === 'destroy') setImmediate(() => done(true));
    });
  });
}

const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
const authed = () => ({ authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' });

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = find();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('never happened');
}

const metricsText = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

it('a client that sends less than its Content-Length and goes away is a client abort: no error log, no 500', async () => {
  const key = 'truncated-1';
  await raw([head('POST', '/v1/funds', { ...authed(), 'idempotency-key': key, 'content-length': 200 }), '{"name":"Trunc'], { after: 'destroy' });
  const entry = await waitFor(() => lines.find((l) => l.msg === 'request' && l.path === '/v1/funds' && l.method === 'POST'));
  expect(entry.status).toBe(499);
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  const metrics = await metricsText();
  expect(metrics).not.toMatch(/fiscus_http_requests_total\{[^}]*status="500"/);
  expect(metrics).toMatch(/fiscus_http_requests_total\{method="POST",route="\/v1\/funds",status="499"\} 1/);
});

it('a body that stops arriving is answered 408 and the connection closed after the request timeout', async () => {
  const r = await raw([head('POST', '/v1/funds', { ...authed(), 'idempotency-key': 'slow-1', 'content-length': 200 }), '{"name":"Slow'], { after: 'wait' });
  expect(r.closed).toBe(true);
  expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
});

it('headers that never finish are answered 408 and the connection closed after the headers timeout', async () => {
  const r = await raw(['GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1'], { after: 'wait' });
  expect(r.closed).toBe(true);
  expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
});

for (const size of [70 * 1024, 300 * 1024]) {
  it(`a ${size / 1024} KB body is answered 413 with Connection: close, and the connection is closed`, async () => {
    const body = Buffer.alloc(size, 'a');
    const next = head('GET', '/healthz', {});
    const r = await raw([head('POST', '/v1/funds', { ...authed(), 'idempotency-key': `big-${size}`, 'content-length': size }), body, next], { after: 'wait' });
    const [status, ...headers] = r.text.split('\r\n\r\n')[0]!.split('\r\n');
    expect(status).toMatch(/^HTTP\/1\.1 413 /);
    expect(headers.map((h) => h.toLowerCase())).toContain('connection: close');
    // The server said it would close, and did: the pipelined request was not silently eaten
    // on a connection announced as kept alive.
    expect(r.closed).toBe(true);
    expect(r.text.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });
}

it('a request within the limits on a kept-alive connection still gets its answers', async () => {
  const r = await raw([head('GET', '/healthz', {}), head('GET', '/healthz', {})], { until: (t) => (t.match(/HTTP\/1\.1 200 /g) ?? []).length === 2 });
  expect(r.text.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
});
