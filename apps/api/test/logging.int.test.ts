import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriverRegistry } from '@fiscus/core';
import { createTestDb, pgliteBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createApp } from '../src/app.ts';
import { createApiKey } from '../src/auth/bootstrap.ts';
import { createLogger } from '../src/lib/logger.ts';
import { call } from './support/http.ts';

let handle: TestDbHandle;
let lines: string[];
let app: ReturnType<typeof createApp>;
let adminKey: string;

beforeAll(async () => {
  handle = await createTestDb(pgliteBackend);
  lines = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = createApp({ db: handle.db, drivers: new DriverRegistry(), logger: createLogger({ level: 'debug', destination: sink }) });
  adminKey = (await createApiKey(handle.db, { role: 'issuer-admin', actor: 'test' })).token;
});
afterAll(() => handle?.cleanup());

it('logs one JSON line per request with its request id, and never a key or secret', async () => {
  const created = await call(app, 'POST', '/v1/api-keys', { key: adminKey, body: { role: 'auditor' }, headers: { 'x-request-id': 'req-42' } });
  expect(created.status).toBe(201);
  await call(app, 'GET', '/v1/funds', { key: `${adminKey.slice(0, -4)}dead` });
  const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(entries.find((e) => e.requestId === 'req-42')).toMatchObject({ msg: 'request', method: 'POST', route: '/v1/api-keys', status: 201 });
  const all = lines.join('\n');
  for (const secret of [adminKey, adminKey.split('_').at(-1)!, created.body.key, created.body.key.split('_').at(-1)]) {
    expect(all).not.toContain(secret);
  }
  expect(all).not.toMatch(/authorization/i);
});

it('redacts secrets even when a log call passes them', () => {
  const out: string[] = [];
  const logger = createLogger({ destination: new Writable({ write: (c, _e, d) => (out.push(String(c)), d()) }) });
  logger.info({ headers: { authorization: 'Bearer fsk_x_supersecretsecret' }, apiKey: 'fsk_y_supersecretsecret', nested: { secret: 's3cr3t' } }, 'oops');
  expect(out.join('')).not.toMatch(/supersecret|s3cr3t/);
});
