/**
 * `BENCH=http npm run bench`: read throughput of the API on real Postgres (DATABASE_URL; the
 * bench says so and skips without it). The app is wired as `npm start` wires it — createApp with
 * a pino logger writing its JSON lines (to /dev/null here), metrics, authentication per request —
 * over a fresh database holding BENCH_HTTP_FUNDS funds, served by @hono/node-server on 127.0.0.1.
 * autocannon (pinned devDependency) runs in its own process, 50 connections for
 * BENCH_HTTP_SECONDS, against GET /v1/funds (one page, default limit) and GET /v1/funds/:id.
 * The floor, in the same run: the same two reads served by a bare Hono app on the same server and
 * Postgres — one SQL query each through postgres.js (pool of 10, as the app's), rows as JSON — with
 * no authentication, validation, logging or metrics: what this machine serves before any of our code.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { DriverRegistry } from '@fiscus/core';
import { postgresBackend } from '@fiscus/ledger/testing';
import { createDb } from '@fiscus/ledger';
import { createApp } from '../apps/api/src/app.ts';
import { createApiKey } from '../apps/api/src/auth/bootstrap.ts';
import { createLogger } from '../apps/api/src/lib/logger.ts';
import { loadNote } from './load.ts';
import type { BenchRow } from './table.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const FUNDS = Number(process.env.BENCH_HTTP_FUNDS ?? 100);
const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

interface Cannon {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon in a child process (the server keeps this process's CPU), JSON result. */
function cannon(url: string, token: string): Promise<Cannon> {
  return new Promise((resolve, reject) => {
    const args = [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-j', '-H', `authorization=Bearer ${token}`, url];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

export async function benchHttp(): Promise<BenchRow[]> {
  const url = process.env.DATABASE_URL;
  if (!url) return [{ bench: 'api reads', metric: 'GET /v1/funds', value: 'skipped', note: 'needs DATABASE_URL (real Postgres)' }];
  const created = await postgresBackend(url).create();
  const database = await createDb({ ...created.options, migrate: false });
  let server: ServerType | undefined;
  let floor: ServerType | undefined;
  let sqlClient: postgres.Sql | undefined;
  const raw = (dbUrl: string) => (sqlClient = postgres(dbUrl, { max: 10, onnotice: () => {} }));
  try {
    const db = database.db;
    const devNull = createWriteStream('/dev/null');
    const app = createApp({ db, drivers: new DriverRegistry(), logger: createLogger({ destination: devNull }) });
    const { token } = await createApiKey(db, { role: 'issuer-admin', label: 'bench', actor: 'bench' });
    const ours = await listen(app);
    server = ours.server;
    const base = ours.base;
    let fundId = '';
    for (let i = 0; i < FUNDS; i++) {
      const res = await fetch(`${base}/v1/funds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ name: `Bench Read Fund ${i}`, symbol: `BR${i}`, decimals: 6 }),
      });
      if (res.status !== 201) throw new Error(`create fund: ${res.status} ${await res.text()}`);
      fundId = ((await res.json()) as { id: string }).id;
    }
    const pageSize = ((await (await fetch(`${base}/v1/funds`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] }).items.length;
    const bare = await listen(bareApp(raw(created.options.url!), pageSize));
    floor = bare.server;
    const rows: BenchRow[] = [];
    for (const [metric, path] of [
      ['GET /v1/funds (one page)', '/v1/funds'],
      ['GET /v1/funds/:id', `/v1/funds/${fundId}`],
    ] as const) {
      const r = await cannon(`${base}${path}`, token);
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      const f = await cannon(`${bare.base}${path}`, token);
      if (f.non2xx > 0 || f.errors > 0) throw new Error(`floor ${path}: ${f.non2xx} non-2xx, ${f.errors} errors`);
      rows.push(
        {
          bench: 'api reads (postgres)',
          metric,
          value: `${r.rps.toFixed(0)} req/s`,
          note: `p50 ${r.p50} ms, p99 ${r.p99} ms; ${CONNECTIONS} connections, ${SECONDS} s, ${FUNDS} funds, ${pageSize} per page; goal ≥ 3,000 req/s, p99 < 25 ms; ${loadNote()}`,
        },
        {
          bench: 'api reads (postgres)',
          metric: `${metric}: floor (bare Hono + one SQL query)`,
          value: `${f.rps.toFixed(0)} req/s`,
          note: `p50 ${f.p50} ms, p99 ${f.p99} ms; ours / floor ${(r.rps / f.rps).toFixed(2)}× in throughput; ${loadNote()}`,
        },
      );
    }
    return rows;
  } finally {
    for (const s of [server, floor]) if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    await sqlClient?.end();
    await database.close();
    await created.drop();
  }
}

function listen(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    );
  });
}

/** The floor: the same two reads, one SQL query each, rows as JSON, nothing else. */
function bareApp(sql: postgres.Sql, pageSize: number): Hono {
  return new Hono()
    .get('/v1/funds', async (c) => c.json({ items: await sql`select * from funds order by id limit ${pageSize}` }))
    .get('/v1/funds/:id', async (c) => c.json((await sql`select * from funds where id = ${c.req.param('id')}`)[0]));
}
